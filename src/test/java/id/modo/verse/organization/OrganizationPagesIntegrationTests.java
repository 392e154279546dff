package id.modo.verse.organization;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization page's access rules, as a browser meets them on the wire: cookies, CSRF and status codes. */
@IntegrationTest
class OrganizationPagesIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    OrganizationFixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http(port);
        fixtures = new OrganizationFixtures(jdbc);
    }

    @Test
    void theNewOrganizationFormBindsTheApisCreateRequestAndShowsItsErrorsBesideTheFields() {
        Users users = new Users(http);
        Users.Signed owner = users.signUpAndIn("orgpage-create");
        Browser browser = signIn(owner.email());
        String count = "select count(*) from organization_members m join users u on u.id = m.user_id where u.email = ?";
        int before = jdbc.sql(count).param(owner.email()).query(Integer.class).single();

        for (String[] bad : new String[][] {{"name=+++&slug=", "name", "Enter a name for the organization."},
                {"name=" + "n".repeat(256) + "&slug=", "name", "This name is too long: at most 255 characters."},
                {"name=Studio+Baru&slug=" + "s".repeat(101), "slug", "Use lowercase letters"}}) {
            HttpResponse<String> refused = browser.post("/dashboard/organizations", bad[0]);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(refused.body()).as(bad[0]).containsPattern("(?s)name=\"" + bad[1] + "\"[^>]*aria-invalid=\"true\".{0,400}?"
                    + "class=\"field__error\">" + java.util.regex.Pattern.quote(bad[2]));
        }
        assertThat(jdbc.sql(count).param(owner.email()).query(Integer.class).single()).as("nothing refused was created").isEqualTo(before);

        HttpResponse<String> created = browser.post("/dashboard/organizations", "name=Studio+Baru&slug=");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/dashboard?created="));
    }

    @Test
    void aViewerSeesTheProfileReadOnlyAndPostingTheFormAnywayIsForbiddenAndChangesNothing() {
        Users users = new Users(http);
        Users.Signed owner = users.signUpAndIn("orgpage-owner");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Wayang Kulit");
        String viewerEmail = Users.uniqueEmail("orgpage-viewer");
        String viewerId = users.register(viewerEmail, "Vina Viewer");
        fixtures.addMember(org, viewerId, "viewer");

        Browser viewer = signIn(viewerEmail);
        HttpResponse<String> page = viewer.get("/organizations/" + org);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Studio Wayang Kulit", "Only owners and admins can change the profile.")
                .doesNotContain("action=\"/organizations/" + org + "/profile\"")
                .doesNotContain("action=\"/organizations/" + org + "/invitations\"");

        HttpResponse<String> post = viewer.post("/organizations/" + org + "/profile", "name=Taken+Over&description=mine&website=&billing_email=");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        // The page says what was refused and why; it blames no form, since the form's token was good.
        assertThat(post.body()).contains("Not allowed", "Why: Your role (viewer) in this organization does not allow this.")
                .doesNotContain("expired");
        // A post whose CSRF token is missing is the one case that is an expired form.
        HttpResponse<String> stale = http.send(http.request("/organizations/" + org + "/leave").header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", viewer.session)
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("This form has expired").doesNotContain("Your role");
        assertThat(jdbc.sql("select name from organizations where id = cast(? as uuid)").param(org).query(String.class).single())
                .isEqualTo("Studio Wayang Kulit");
        assertThat(jdbc.sql("select description from organizations where id = cast(? as uuid)").param(org).query(String.class).optional())
                .isEmpty();

        HttpResponse<String> invite = viewer.post("/organizations/" + org + "/invitations", "email=friend%40example.id&role=admin");
        assertThat(invite.statusCode()).isEqualTo(403);

        // The same client's forms do get through when the role allows them (so the 403s above were not a CSRF refusal).
        HttpResponse<String> leave = viewer.post("/organizations/" + org + "/leave", "");
        assertThat(leave.statusCode()).isEqualTo(302);
        assertThat(leave.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/dashboard?left="));
        assertThat(fixtures.role(org, viewerId)).isNull();
    }

    @Test
    void outsidersAndUnknownAddressesGetTheHtmlNotFoundPage() {
        Users users = new Users(http);
        Users.Signed owner = users.signUpAndIn("orgpage-owner2");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Rahasia");
        String outsiderEmail = Users.uniqueEmail("orgpage-outsider");
        users.register(outsiderEmail, "Oki Outsider");
        Browser outsider = signIn(outsiderEmail);

        for (String path : List.of("/organizations/" + org, "/organizations/" + java.util.UUID.randomUUID(), "/organizations/not-a-uuid")) {
            HttpResponse<String> response = outsider.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).as(path).contains("Page not found").doesNotContain("Studio Rahasia");
        }
        HttpResponse<String> post = outsider.post("/organizations/" + org + "/profile", "name=Mine");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select name from organizations where id = cast(? as uuid)").param(org).query(String.class).single())
                .isEqualTo("Studio Rahasia");
    }

    @Test
    void theLastOwnerCannotLeaveAndIsToldWhy() {
        Users users = new Users(http);
        String ownerEmail = Users.uniqueEmail("orgpage-last");
        String ownerId = users.register(ownerEmail, "Lala Last");
        String org = OrganizationFixtures.createOrganization(http.withBearer(users.login(ownerEmail, Users.PASSWORD)), "Studio Sendiri");
        Browser owner = signIn(ownerEmail);

        HttpResponse<String> leave = owner.post("/organizations/" + org + "/leave", "");
        assertThat(leave.statusCode()).as(leave.body()).isEqualTo(409);
        assertThat(leave.body()).contains("The last owner cannot leave.");
        HttpResponse<String> demote = owner.post("/organizations/" + org + "/members/" + ownerId + "/role", "role=editor");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(demote.body()).contains("last owner");
        assertThat(fixtures.role(org, ownerId)).isEqualTo("owner");

        HttpResponse<String> wrongConfirm = owner.post("/organizations/" + org + "/delete", "confirm=nope");
        assertThat(wrongConfirm.statusCode()).isEqualTo(400);
        String slug = jdbc.sql("select slug from organizations where id = cast(? as uuid)").param(org).query(String.class).single();
        HttpResponse<String> delete = owner.post("/organizations/" + org + "/delete", "confirm=" + slug);
        assertThat(delete.statusCode()).isEqualTo(302);
        assertThat(delete.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/dashboard?deleted=" + slug));
        assertThat(jdbc.sql("select count(*) from organizations where id = cast(? as uuid)").param(org).query(Integer.class).single()).isZero();
    }

    @Test
    void theProfileAndInvitationFormsRefuseWhatTheApiRefusesAndKeepWhatWasTyped() {
        Users users = new Users(http);
        String ownerEmail = Users.uniqueEmail("orgpage-forms");
        users.register(ownerEmail, "Fina Forms");
        String org = OrganizationFixtures.createOrganization(http.withBearer(users.login(ownerEmail, Users.PASSWORD)), "Studio Formulir");
        Browser owner = signIn(ownerEmail);
        String tooLong = "S".repeat(256);

        HttpResponse<String> refused = owner.post("/organizations/" + org + "/profile", "name=" + tooLong
                + "&description=Cerita+rakyat&website=ftp%3A%2F%2Fexample.id&billing_email=finance%40kancil.example");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This name is too long: at most 255 characters.", "Enter a full address that starts with http:// or https://.")
                .contains("value=\"" + tooLong + "\"", ">Cerita rakyat</textarea>", "value=\"ftp://example.id\"",
                        "value=\"finance@kancil.example\"")
                .doesNotContain("Enter a valid email address.");
        HttpResponse<String> blank = owner.post("/organizations/" + org + "/profile", "name=+++&description=&website=&billing_email=");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter a name for the organization.");
        assertThat(jdbc.sql("select name from organizations where id = cast(? as uuid)").param(org).query(String.class).single())
                .isEqualTo("Studio Formulir");

        HttpResponse<String> saved = owner.post("/organizations/" + org + "/profile",
                "name=Studio+Formulir+Baru&description=&website=https%3A%2F%2Fkancil.example&billing_email=finance%40kancil.example");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select name || ' ' || website || ' ' || billing_email from organizations where id = cast(? as uuid)").param(org)
                .query(String.class).single()).isEqualTo("Studio Formulir Baru https://kancil.example finance@kancil.example");

        HttpResponse<String> badAddress = owner.post("/organizations/" + org + "/invitations", "email=not-an-address&role=viewer");
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(badAddress.body()).contains("Enter a valid email address to invite.", "value=\"not-an-address\"")
                .doesNotContain("Choose one of the roles.");
        // A value that does not convert (no such role) is reported before the other fields' rules are checked, as in Spring MVC.
        HttpResponse<String> badRole = owner.post("/organizations/" + org + "/invitations", "email=kawan%40kancil.example&role=emperor");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("Choose one of the roles.", "value=\"kawan@kancil.example\"");
        HttpResponse<String> invite = owner.post("/organizations/" + org + "/invitations", "email=kawan%40kancil.example&role=editor");
        assertThat(invite.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select role from invitations where organization_id = cast(? as uuid) and email = 'kawan@kancil.example'")
                .param(org).query(String.class).single()).isEqualTo("editor");

        HttpResponse<String> badChange = owner.post("/organizations/" + org + "/members/" + java.util.UUID.randomUUID() + "/role", "role=emperor");
        assertThat(badChange.statusCode()).isEqualTo(400);
        assertThat(badChange.body()).contains("Choose one of the roles.");
        HttpResponse<String> badTransfer = owner.post("/organizations/" + org + "/transfer", "user_id=nobody");
        assertThat(badTransfer.statusCode()).isEqualTo(400);
        assertThat(badTransfer.body()).contains("Choose another member to become the owner.");
    }

    @Test
    void aLargeOrganizationsPageShowsMembersAndInvitationsAPageAtATimeWithMoreLinks() {
        Users users = new Users(http);
        String ownerEmail = Users.uniqueEmail("orgpage-large");
        String ownerId = users.register(ownerEmail, "Lia Large");
        String org = OrganizationFixtures.createOrganization(http.withBearer(users.login(ownerEmail, Users.PASSWORD)), "Studio Raksasa");
        jdbc.sql("""
                with added as (
                    insert into users (email, name)
                    select 'orgpage-many-' || gen_random_uuid() || '@example.id', 'Many ' || n from generate_series(1, 119) n
                    returning id)
                insert into organization_members (organization_id, user_id, role, joined_at)
                select cast(:org as uuid), id, 'viewer', now() + interval '1 second' from added""")
                .param("org", org).update();
        for (int i = 0; i < 60; i++) {
            fixtures.pendingInvitation(org, ownerId, "viewer");
        }
        Browser owner = signIn(ownerEmail);

        List<String> seen = new java.util.ArrayList<>();
        String path = "/organizations/" + org;
        for (int page = 1; ; page++) {
            HttpResponse<String> response = owner.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> members = memberIds(response.body());
            assertThat(members).as("page " + page).hasSize(page < 3 ? OrganizationSettingsPagesController.LIST_SIZE : 20);
            seen.addAll(members);
            assertThat(response.body().contains("Back to the first members")).as("page " + page).isEqualTo(page > 1);
            java.util.regex.Matcher more = java.util.regex.Pattern.compile("href=\"(/organizations/[^\"]+\\?members=[^\"#]+)#members-title\">More members")
                    .matcher(response.body());
            if (!more.find()) {
                assertThat(page).isEqualTo(3);
                break;
            }
            path = more.group(1).replace("&amp;", "&");
        }
        assertThat(seen).as("every member once, in the order they joined").hasSize(120).doesNotHaveDuplicates().first().isEqualTo(ownerId);

        HttpResponse<String> first = owner.get("/organizations/" + org);
        assertThat(first.body()).contains("More invitations");
        assertThat(first.body().split("class=\"session-list__item invitation\"", -1)).hasSize(OrganizationSettingsPagesController.LIST_SIZE + 1);
        HttpResponse<String> edited = owner.get("/organizations/" + org + "?members=not-a-cursor&invitations=AAAA");
        assertThat(edited.statusCode()).as("an edited address shows the lists from their start").isEqualTo(200);
        assertThat(memberIds(edited.body())).containsExactlyElementsOf(seen.subList(0, OrganizationSettingsPagesController.LIST_SIZE));
        assertThat(edited.body()).doesNotContain("members=not-a-cursor#").doesNotContain("Back to the first");
    }

    /** The user ids of the members a page lists, from their role forms or remove buttons, in page order. */
    private static List<String> memberIds(String body) {
        List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("/members/([0-9a-f-]{36})/role\"").matcher(body);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** Signs in through the sign-in form, as a browser does, and keeps the session and CSRF cookies. */
    private Browser signIn(String email) {
        HttpResponse<String> form = http.get("/signin", HTML);
        String csrfCookie = cookie(form, "XSRF-TOKEN");
        String csrf = csrfField(form.body());
        HttpResponse<String> signIn = http.send(http.request("/signin").header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + Users.PASSWORD + "&_csrf=" + csrf)));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        return new Browser(cookie(signIn, "MODO_SESSION"), csrfCookie);
    }

    private static String cookie(HttpResponse<String> response, String name) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    private static String csrfField(String body) {
        return body.replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private final class Browser {
        private final String session;
        private String csrfCookie;

        Browser(String session, String csrfCookie) {
            this.session = session;
            this.csrfCookie = csrfCookie;
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> response = http.send(http.request(path).header("Accept", HTML).header("Cookie", cookies()).GET());
            // Signing in replaces the CSRF token: the cookie is cleared, then set anew; the last one counts.
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                    .map(c -> c.substring(0, c.indexOf(';')))
                    .reduce((first, second) -> second)
                    .filter(c -> !c.equals("XSRF-TOKEN="))
                    .ifPresent(c -> csrfCookie = c);
            return response;
        }

        /** Posts a form with a fresh CSRF token from the dashboard, which every signed-in person can open. */
        HttpResponse<String> post(String path, String body) {
            String csrf = csrfField(get("/dashboard").body());
            return http.send(http.request(path).header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookies())
                    .POST(HttpRequest.BodyPublishers.ofString(body + (body.isEmpty() ? "" : "&") + "_csrf=" + csrf)));
        }

        private String cookies() {
            return session + "; " + csrfCookie;
        }
    }
}
