package id.modo.verse.organization;

import id.modo.verse.common.SecureTokens;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestSmtp;
import id.modo.verse.support.Users;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invitations end to end: the API, the mail as GreenMail receives it, the link's token, and the
 * rules for who may accept what and when.
 */
@IntegrationTest
class InvitationsApiIntegrationTests {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("(http://localhost:8080/invitations/accept\\?token=([A-Za-z0-9_-]{43}))");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    Users users;
    OrganizationFixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
        fixtures = new OrganizationFixtures(jdbc);
    }

    @Test
    void theInviteeGetsAMailWithASingleUseLinkAndAcceptingMakesThemAMember() throws Exception {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed guest = users.signUpAndIn("inv-guest");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Undangan");

        Instant before = Instant.now();
        var invited = asOwner.postJson(invitations(org), "{\"email\":\"" + guest.email().toUpperCase() + "\",\"role\":\"editor\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        JsonNode invitation = json(invited);
        String invitationId = invitation.get("id").asString();
        assertThat(invitation.get("email").asString()).isEqualTo(guest.email());
        assertThat(invitation.get("role").asString()).isEqualTo("editor");
        assertThat(invitation.get("status").asString()).isEqualTo("pending");
        assertThat(invitation.get("invited_by").asString()).isEqualTo(owner.id());
        assertThat(invitation.get("organization_id").asString()).isEqualTo(org);
        assertThat(invitation.get("created_at").isNull()).isFalse();
        assertThat(Instant.parse(invitation.get("expires_at").asString()))
                .isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5), Instant.now().plus(Duration.ofDays(7)).plusSeconds(5));
        assertThat(invited.body()).doesNotContain("token");

        MimeMessage mail = awaitMails(guest.email(), 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Test inv-owner invited you to Studio Undangan on MODO Creator Verse");
        String text = TestSmtp.text(mail);
        assertThat(text).contains("Test inv-owner invited you to join Studio Undangan on MODO Creator Verse as editor.");
        String token = token(mail);
        assertThat(TestSmtp.html(mail)).contains("/invitations/accept?token=" + token);

        String stored = jdbc.sql("select token from invitations where id = cast(? as uuid)").param(invitationId).query(String.class).single();
        assertThat(stored).as("only the hash is stored").isEqualTo(SecureTokens.sha256(token)).matches("[0-9a-f]{64}");

        var listed = asOwner.get(invitations(org), "application/json");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json(listed).get("items").get(0).get("status").asString()).isEqualTo("pending");
        assertThat(listed.body()).doesNotContain(token, stored);

        Http asGuest = http.withBearer(guest.token());
        var accepted = asGuest.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("id").asString()).isEqualTo(org);
        assertThat(json(accepted).get("my_role").asString()).isEqualTo("editor");

        assertThat(fixtures.role(org, guest.id())).isEqualTo("editor");
        assertThat(jdbc.sql("select invited_by::text from organization_members where organization_id = cast(? as uuid) and user_id = cast(? as uuid)")
                .params(org, guest.id()).query(String.class).single()).isEqualTo(owner.id());
        var row = jdbc.sql("select status, accepted_at from invitations where id = cast(? as uuid)").param(invitationId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("accepted");
        assertThat(row.get("accepted_at")).isNotNull();
        JsonNode members = json(asGuest.get("/api/v1/organizations/" + org + "/members", "application/json")).get("items");
        assertThat(members.valueStream().map(m -> m.get("email").asString())).contains(guest.email());

        // Used: the same link answers 410 for accepting and declining.
        assertGone(asGuest.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}"));
        assertGone(asGuest.postJson("/api/v1/invitations/decline", "{\"token\":\"" + token + "\"}"));
        assertThat(json(asOwner.get(invitations(org), "application/json")).get("items").get(0).get("status").asString()).isEqualTo("accepted");

        var audit = jdbc.sql("""
                select action, organization_id::text as org, coalesce(old_values::text, '') || coalesce(new_values::text, '') || metadata::text as data
                from audit_logs where entity_type = 'invitation' and entity_id = cast(? as uuid) order by created_at""")
                .param(invitationId).query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("create", "accept");
        assertThat(audit).allSatisfy(r -> {
            assertThat(r.get("org")).isEqualTo(org);
            assertThat(r.get("data").toString()).doesNotContain(token, stored);
        });
        assertThat(jdbc.sql("select count(*) from audit_logs where organization_id = cast(? as uuid) and action = 'member_add' and entity_id = cast(? as uuid)")
                .params(org, guest.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheInvitedAddressMayAcceptOrDeclineAndDecliningEndsTheInvitation() {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed guest = users.signUpAndIn("inv-guest");
        Users.Signed other = users.signUpAndIn("inv-other");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Tolak");
        String token = invite(asOwner, org, guest.email(), "viewer");

        var mismatch = http.withBearer(other.token()).postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}");
        assertThat(mismatch.statusCode()).isEqualTo(403);
        assertThat(json(mismatch).get("type").asString()).isEqualTo("https://modo.id/problems/invitation-email-mismatch");
        assertThat(http.withBearer(other.token()).postJson("/api/v1/invitations/decline", "{\"token\":\"" + token + "\"}").statusCode())
                .isEqualTo(403);
        assertThat(fixtures.role(org, other.id())).isNull();

        var unknown = http.withBearer(guest.token()).postJson("/api/v1/invitations/accept", "{\"token\":\"" + SecureTokens.newToken() + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(http.withBearer(guest.token()).postJson("/api/v1/invitations/accept", "{\"token\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}").statusCode())
                .as("signed out").isEqualTo(401);

        Http asGuest = http.withBearer(guest.token());
        assertThat(asGuest.postJson("/api/v1/invitations/decline", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(204);
        assertGone(asGuest.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}"));
        assertThat(fixtures.role(org, guest.id())).isNull();
        JsonNode listed = json(asOwner.get(invitations(org), "application/json"));
        assertThat(listed.get("items").get(0).get("status").asString()).isEqualTo("declined");
        assertThat(jdbc.sql("select user_id::text from audit_logs where entity_type = 'invitation' and action = 'decline' and organization_id = cast(? as uuid)")
                .param(org).query(String.class).single()).isEqualTo(guest.id());
    }

    /** Declining on the invitation's page ends on the dashboard with a word that it is done, in the reader's language. */
    @Test
    void decliningOnThePageSaysItIsDone() {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed guest = users.signUpAndIn("inv-guest");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Tolak Halaman");
        String token = invite(http.withBearer(owner.token()), org, guest.email(), "viewer");
        id.modo.verse.support.PageSession session = id.modo.verse.support.PageSession.signIn(http, guest);
        HttpResponse<String> invitation = session.get("/invitations/accept?token=" + token);
        HttpResponse<String> declined = session.post("/invitations/decline", invitation, "token=" + token, "text/html");
        assertThat(declined.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard?declined");
        assertThat(session.get("/dashboard?declined&lang=en").body()).contains("You declined the invitation.");
        assertThat(session.get("/dashboard?declined&lang=id").body()).contains("Anda menolak undangan itu.");
        assertThat(session.get("/dashboard?lang=en").body()).doesNotContain("You declined the invitation.");
        assertThat(fixtures.role(org, guest.id())).isNull();
    }

    @Test
    void anExpiredInvitationIsGoneShowsAsExpiredAndTheAddressCanBeInvitedAgain() {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed guest = users.signUpAndIn("inv-guest");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Kedaluwarsa");
        String token = invite(asOwner, org, guest.email(), "editor");
        jdbc.sql("update invitations set expires_at = now() - interval '1 minute' where organization_id = cast(? as uuid)").param(org).update();

        var gone = http.withBearer(guest.token()).postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}");
        assertGone(gone);
        assertThat(json(gone).get("detail").asString()).contains("expired");
        assertThat(json(asOwner.get(invitations(org), "application/json")).get("items").get(0).get("status").asString()).isEqualTo("expired");

        String fresh = invite(asOwner, org, guest.email(), "editor");
        assertThat(jdbc.sql("select status from invitations where organization_id = cast(? as uuid) order by created_at")
                .param(org).query(String.class).list()).containsExactly("expired", "pending");
        assertThat(http.withBearer(guest.token()).postJson("/api/v1/invitations/accept", "{\"token\":\"" + fresh + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRevokedInvitationIsGone() {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed guest = users.signUpAndIn("inv-guest");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Batal");
        String token = invite(asOwner, org, guest.email(), "admin");
        String id = json(asOwner.get(invitations(org), "application/json")).get("items").get(0).get("id").asString();

        assertThat(asOwner.call("DELETE", invitations(org) + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(asOwner.call("DELETE", invitations(org) + "/" + id, null).statusCode()).as("revoking twice").isEqualTo(204);
        assertGone(http.withBearer(guest.token()).postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}"));
        assertThat(json(asOwner.get(invitations(org), "application/json")).get("items").get(0).get("status").asString()).isEqualTo("revoked");
        assertGone(asOwner.call("POST", invitations(org) + "/" + id + "/resend", null));
        assertThat(asOwner.call("DELETE", invitations(org) + "/" + java.util.UUID.randomUUID(), null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_logs where entity_type = 'invitation' and action = 'revoke' and entity_id = cast(? as uuid)")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void resendingMailsANewTokenAndKillsTheOldOne() {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed guest = users.signUpAndIn("inv-guest");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Ulang");
        String first = invite(asOwner, org, guest.email(), "viewer");
        String id = json(asOwner.get(invitations(org), "application/json")).get("items").get(0).get("id").asString();
        // Let it run out: a resend revives an expired invitation too.
        jdbc.sql("update invitations set expires_at = now() - interval '1 day' where id = cast(? as uuid)").param(id).update();

        var resent = asOwner.call("POST", invitations(org) + "/" + id + "/resend", null);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(json(resent).get("status").asString()).isEqualTo("pending");
        assertThat(Instant.parse(json(resent).get("expires_at").asString())).isAfter(Instant.now().plus(Duration.ofDays(6)));
        List<MimeMessage> mails = awaitMails(guest.email(), 2);
        String second = token(mails.get(1));
        assertThat(second).isNotEqualTo(first);

        Http asGuest = http.withBearer(guest.token());
        assertThat(asGuest.postJson("/api/v1/invitations/accept", "{\"token\":\"" + first + "\"}").statusCode())
                .as("the old token is dead").isEqualTo(404);
        assertThat(asGuest.postJson("/api/v1/invitations/accept", "{\"token\":\"" + second + "\"}").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_logs where entity_type = 'invitation' and action = 'resend' and entity_id = cast(? as uuid)")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void membersAndPendingInviteesCannotBeInvitedAgainAndOnlyOwnersInviteOwners() {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed admin = users.signUpAndIn("inv-admin");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Ganda");
        fixtures.unlimitedMembers(org); // more people than the free plan seats
        fixtures.addMember(org, admin.id(), "admin");

        var member = asOwner.postJson(invitations(org), "{\"email\":\"" + admin.email().toUpperCase() + "\",\"role\":\"viewer\"}");
        assertThat(member.statusCode()).isEqualTo(409);
        assertThat(json(member).get("type").asString()).isEqualTo("https://modo.id/problems/already-member");
        assertThat(asOwner.postJson(invitations(org), "{\"email\":\"" + owner.email() + "\",\"role\":\"viewer\"}").statusCode()).isEqualTo(409);

        String email = Users.uniqueEmail("twice");
        // Fields a client may not set are ignored: the invitation is pending, its inviter the caller.
        var first = asOwner.unchecked().postJson(invitations(org), """
                {"email":"%s","role":"viewer","status":"accepted","token":"chosen","invited_by":"%s","expires_at":"2099-01-01T00:00:00Z"}"""
                .formatted(email, admin.id()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).get("status").asString()).isEqualTo("pending");
        assertThat(json(first).get("invited_by").asString()).isEqualTo(owner.id());
        var again = http.withBearer(admin.token()).postJson(invitations(org), "{\"email\":\"" + email + "\",\"role\":\"editor\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).isEqualTo("https://modo.id/problems/already-invited");

        var adminInvitesOwner = http.withBearer(admin.token()).postJson(invitations(org), "{\"email\":\"" + Users.uniqueEmail("o") + "\",\"role\":\"owner\"}");
        assertThat(adminInvitesOwner.statusCode()).isEqualTo(403);
        String ownerInvitation = json(asOwner.postJson(invitations(org), "{\"email\":\"" + Users.uniqueEmail("o") + "\",\"role\":\"owner\"}"))
                .get("id").asString();
        assertThat(http.withBearer(admin.token()).call("POST", invitations(org) + "/" + ownerInvitation + "/resend", null).statusCode())
                .as("an admin cannot resend an owner invitation").isEqualTo(403);

        assertThat(asOwner.postJson(invitations(org), "{\"email\":\"not-an-email\",\"role\":\"viewer\"}").statusCode()).isEqualTo(400);
        var badRole = asOwner.postJson(invitations(org), "{\"email\":\"" + Users.uniqueEmail("r") + "\",\"role\":\"superadmin\"}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("\"field\":\"role\"");
        assertThat(asOwner.postJson(invitations(org), "{\"email\":\"" + Users.uniqueEmail("r") + "\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theMailIsWrittenInTheInvitersLanguageWhenTheInviteeHasNone() {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Http asOwner = http.withBearer(owner.token());
        assertThat(asOwner.call("PATCH", "/api/v1/me", "{\"language\":\"id\"}").statusCode()).isEqualTo(200);
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Bahasa");
        String email = Users.uniqueEmail("bahasa");
        assertThat(asOwner.postJson(invitations(org), "{\"email\":\"" + email + "\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
        MimeMessage mail = awaitMails(email, 1).getFirst();
        try {
            assertThat(mail.getSubject()).isEqualTo("Test inv-owner mengundang Anda ke Studio Bahasa di MODO Creator Verse");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoAcceptsAtOnceAddTheMemberOnce() throws Exception {
        Users.Signed owner = users.signUpAndIn("inv-owner");
        Users.Signed guest = users.signUpAndIn("inv-guest");
        String secondSession = users.login(guest.email(), Users.PASSWORD);
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Balapan");
        String token = invite(asOwner, org, guest.email(), "editor");

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (String session : List.of(guest.token(), secondSession)) {
                Http client = http.withBearer(session);
                results.add(threads.submit(() -> {
                    start.await();
                    return client.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}").statusCode();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 410);
        assertThat(jdbc.sql("select count(*) from organization_members where organization_id = cast(? as uuid) and user_id = cast(? as uuid)")
                .params(org, guest.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_logs where organization_id = cast(? as uuid) and action = 'member_add' and entity_id = cast(? as uuid)")
                .params(org, guest.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_logs where organization_id = cast(? as uuid) and action = 'accept'")
                .param(org).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void invitationMailsPerOrganizationAreLimited() {
        Users.Signed owner = new Users(http).signUpAndIn("inv-limit");
        Http asOwner = http.withBearer(owner.token());
        String org = json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Studio Batas\"}")).get("id").asString();
        String key = "invitations:" + org;
        jdbc.sql("insert into rate_limits (key, window_start, hits) values (?, now(), 100)").param(key).update();
        var limited = asOwner.postJson(invitations(org), "{\"email\":\"" + Users.uniqueEmail("spam") + "\",\"role\":\"viewer\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.sql("select count(*) from invitations where organization_id = cast(? as uuid)").param(org).query(Long.class).single())
                .isZero();
    }

    /** Invites through the API and returns the token from the mail that arrives. */
    private String invite(Http asInviter, String org, String email, String role) {
        int before = invitationMails(email).size();
        var invited = asInviter.postJson(invitations(org), "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        return token(awaitMails(email, before + 1).get(before));
    }

    /** Invitation mails only: a user who signed up also gets a verification mail, at its own pace. */
    private static List<MimeMessage> awaitMails(String to, int count) {
        await().atMost(DELIVERY).until(() -> invitationMails(to).size() >= count);
        return invitationMails(to);
    }

    private static List<MimeMessage> invitationMails(String to) {
        return TestSmtp.get().messagesTo(to).stream().filter(mail -> TestSmtp.text(mail).contains("/invitations/accept?token=")).toList();
    }

    private static String token(MimeMessage mail) {
        Matcher link = LINK.matcher(TestSmtp.text(mail));
        assertThat(link.find()).as("the accept link in the mail").isTrue();
        return link.group(2);
    }

    private static void assertGone(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(410);
        assertThat(json(response).get("type").asString()).isEqualTo("https://modo.id/problems/invitation-gone");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static String invitations(String org) {
        return "/api/v1/organizations/" + org + "/invitations";
    }
}
