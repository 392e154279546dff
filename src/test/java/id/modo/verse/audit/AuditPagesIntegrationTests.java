package id.modo.verse.audit;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page as a signed-in browser gets it: the list, the filters, the next page, and who may see it. */
@IntegrationTest
class AuditPagesIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    AuditFixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http(port);
        fixtures = new AuditFixtures(http, jdbc);
    }

    @Test
    void anAdminSeesTheLogWithValuesAndANextLink() {
        AuditFixtures.Team team = fixtures.team("Audit Page Studio");
        for (int i = 0; i < 22; i++) {
            fixtures.row(team.org(), team.owner().id(), "rename", "project", Instant.now().minusSeconds(60 + i),
                    "{\"title\":\"Draft " + i + "\"}", "{\"title\":\"Si Kancil " + i + "\"}");
        }
        String cookie = signIn(team.admin());

        HttpResponse<String> page = get("/organizations/" + team.org() + "/audit", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Audit log", "Audit Page Studio", "Test audit-owner", "rename", "Draft 0", "Si Kancil 0",
                "rel=\"next\"");
        String next = page.body().replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(next).startsWith("/organizations/" + team.org() + "/audit?cursor=");

        HttpResponse<String> second = get(next, cookie);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Draft 21").doesNotContain("rel=\"next\"");

        // Entries read as words and the filter offers the actions the log holds.
        fixtures.row(team.org(), team.owner().id(), "member_add", "member", Instant.now().minusSeconds(5), null, null);
        HttpResponse<String> named = get("/organizations/" + team.org() + "/audit?lang=en", cookie);
        assertThat(named.body()).contains(">Member added</span>", "<option value=\"member_add\">Member added</option>",
                "<option value=\"rename\">Rename</option>").doesNotContain(">member_add</span>");
        assertThat(get("/organizations/" + team.org() + "/audit?lang=id", cookie).body()).contains(">Anggota ditambahkan</span>");

        HttpResponse<String> filtered = get("/organizations/" + team.org() + "/audit?action=nothing_like_this&lang=id", cookie);
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).contains("Log audit", "Tidak ada catatan yang cocok");

        HttpResponse<String> byAction = get("/organizations/" + team.org() + "/audit?action=+rename+&entity_type=project&from="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).minusDays(2) + "&lang=en", cookie);
        assertThat(byAction.statusCode()).isEqualTo(200);
        assertThat(byAction.body()).contains("Si Kancil 0", "value=\"rename\"");
    }

    @Test
    void aFilterTheLogCannotHoldIsAFieldErrorBesideItsInputAndListsNothing() {
        AuditFixtures.Team team = fixtures.team("Audit Page Filters");
        fixtures.row(team.org(), team.owner().id(), "rename", "project", Instant.now().minusSeconds(60), null, "{\"title\":\"Si Kancil\"}");
        String cookie = signIn(team.admin());
        String path = "/organizations/" + team.org() + "/audit?lang=en&";

        String[][] refused = {
                {"action=nothing-like-this", "action", "Enter an action as the log writes it"},
                {"action=Rename", "action", "Enter an action as the log writes it"},
                {"action=" + "a".repeat(101), "action", "Enter an action as the log writes it"},
                {"entity_type=" + "p".repeat(51), "entity_type", "Enter a type as the log writes it"},
                {"from=kemarin", "from", "Enter a date as YYYY-MM-DD."},
                {"to=2026-02-30", "to", "Enter a date as YYYY-MM-DD."},
                {"from=2026-03-02&to=2026-03-01", "to", "The end date must not be before the start date."},
                {"actor=somebody", "actor", "Choose someone from the list."}};
        for (String[] bad : refused) {
            HttpResponse<String> answer = get(path + bad[0], cookie);
            assertThat(answer.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body()).as(bad[0])
                    .containsPattern("(?s)name=\"" + bad[1] + "\"[^>]*aria-invalid=\"true\".{0,2000}?class=\"field__error\">"
                            + java.util.regex.Pattern.quote(bad[2]))
                    .doesNotContain("Si Kancil");
        }
        assertThat(get(path + "from=kemarin", cookie).body()).as("what was typed comes back").contains("value=\"kemarin\"");
        assertThat(get("/organizations/" + team.org() + "/audit?cursor=tampered", cookie).statusCode()).isEqualTo(400);
    }

    @Test
    void editorsAreRefusedOutsidersSeeTheNotFoundPageAndVisitorsAreSentToSignIn() {
        AuditFixtures.Team team = fixtures.team("Audit Page Access");
        Users.Signed outsider = new Users(http).signUpAndIn("audit-outsider");

        assertThat(get("/organizations/" + team.org() + "/audit", signIn(team.editor())).statusCode()).isEqualTo(403);
        HttpResponse<String> notFound = get("/organizations/" + team.org() + "/audit", signIn(outsider));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(notFound.body()).doesNotContain("Audit Page Access");
        assertThat(get("/organizations/not-an-id/audit", signIn(outsider)).statusCode()).isEqualTo(404);

        HttpResponse<String> anonymous = http.get("/organizations/" + team.org() + "/audit", HTML);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/signin?next="));
    }

    private HttpResponse<String> get(String path, String cookie) {
        return http.send(http.request(path).header("Accept", HTML).header("Cookie", cookie).GET());
    }

    /** Signs in through the form, as a browser does, and returns the session cookie. */
    private String signIn(Users.Signed user) {
        var form = http.get("/signin", HTML);
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var signIn = http.send(http.request("/signin").header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("email=" + user.email() + "&password=" + Users.PASSWORD + "&_csrf=" + csrf)));
        assertThat(signIn.statusCode()).isEqualTo(302);
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_SESSION=")).findFirst().orElseThrow();
        return session.substring(0, session.indexOf(';'));
    }
}
