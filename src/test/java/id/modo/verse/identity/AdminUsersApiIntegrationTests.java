package id.modo.verse.identity;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static id.modo.verse.support.Users.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The platform admin's accounts API, the access rules of the admin area and the Prometheus endpoint. */
@IntegrationTest
class AdminUsersApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    Http http;
    Users users;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
    }

    /** A fresh account made a platform admin through SQL, then signed in again. */
    private Users.Signed admin(String role) {
        Users.Signed signed = users.signUpAndIn("admin");
        jdbc.sql("update users set platform_role = ? where id = ?").params(role, UUID.fromString(signed.id())).update();
        return new Users.Signed(signed.email(), users.login(signed.email(), PASSWORD), signed.id());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void searchMatchesEmailNameOrUsernameInAnyCaseAndTreatsWildcardsAsText() {
        Http asAdmin = http.withBearer(admin("admin").token());
        String tag = "srch" + UUID.randomUUID().toString().substring(0, 6);
        Users.Signed byName = users.signUpAndIn("byname");
        jdbc.sql("update users set name = ? where id = ?").params("Ayu " + tag.toUpperCase() + " Lestari", UUID.fromString(byName.id())).update();
        Users.Signed byUsername = users.signUpAndIn("byuser");
        jdbc.sql("update users set username = ? where id = ?").params(tag + "_ayu", UUID.fromString(byUsername.id())).update();
        String byEmail = Users.uniqueEmail(tag);
        users.register(byEmail, "Someone");

        var found = asAdmin.get("/api/v1/admin/users?q=" + tag.toUpperCase(), "application/json");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode page = json(found);
        assertThat(page.get("items").valueStream().map(item -> item.get("id").asString()))
                .containsExactlyInAnyOrder(byName.id(), byUsername.id(), json(asAdmin.get("/api/v1/admin/users?q=" + encode(byEmail), "application/json"))
                        .get("items").get(0).get("id").asString());
        assertThat(page.get("next_cursor").isNull()).isTrue();
        JsonNode first = page.get("items").get(0);
        assertThat(first.propertyNames()).contains("id", "email", "name", "username", "status", "platform_role", "email_verified",
                "created_at", "last_login_at");
        assertThat(found.body()).doesNotContain("password", "hash");

        // % and _ are matched literally, not as wildcards.
        assertThat(json(asAdmin.get("/api/v1/admin/users?q=" + encode(tag + "_"), "application/json")).get("items").size()).isEqualTo(1);
        assertThat(json(asAdmin.get("/api/v1/admin/users?q=" + encode("%" + tag), "application/json")).get("items").size()).isZero();
        // The status filter.
        assertThat(json(asAdmin.get("/api/v1/admin/users?status=suspended&q=" + tag, "application/json")).get("items").size()).isZero();
        assertThat(json(asAdmin.get("/api/v1/admin/users?status=active&q=" + tag, "application/json")).get("items").size()).isEqualTo(3);
    }

    @Test
    void pagingVisitsEveryMatchExactlyOnceNewestFirstEvenWithEqualTimes() {
        Http asAdmin = http.withBearer(admin("admin").token());
        String tag = "page" + UUID.randomUUID().toString().substring(0, 6);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < 27; i++) {
            // Groups of three share a created_at, so the id decides their order.
            Timestamp createdAt = Timestamp.from(base.plus(Duration.ofMinutes(i / 3)));
            inserted.add(jdbc.sql("""
                    insert into users (email, name, created_at, updated_at) values (:email, :name, :at, :at) returning id""")
                    .param("email", tag + "-" + i + "@example.id")
                    .param("name", "Paged " + i)
                    .param("at", createdAt)
                    .query(UUID.class).single().toString());
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var response = asAdmin.get("/api/v1/admin/users?limit=10&q=" + tag + (cursor == null ? "" : "&cursor=" + cursor), "application/json");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            sizes.add(page.get("items").size());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);

        assertThat(sizes).containsExactly(10, 10, 7);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inserted);
        assertThat(json(asAdmin.get("/api/v1/admin/users?limit=1&q=" + tag, "application/json")).get("items").get(0).get("name").asString())
                .isIn("Paged 24", "Paged 25", "Paged 26");
        assertThat(json(asAdmin.get("/api/v1/admin/users?q=" + tag, "application/json")).get("items").size()).as("default limit 20").isEqualTo(20);
    }

    @Test
    void limitCursorAndStatusAreValidated() {
        Http asAdmin = http.withBearer(admin("admin").token());
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=-5")) {
            var response = asAdmin.get("/api/v1/admin/users?" + query, "application/json");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).get("type").asString()).as(query).endsWith("/validation-failed");
        }
        assertThat(asAdmin.get("/api/v1/admin/users?limit=100", "application/json").statusCode()).isEqualTo(200);
        for (String cursor : List.of("not-a-cursor", "dTE6MTIzOm5vdC1hLXV1aWQ", "%00%01", "MTIzOmFiYw")) {
            var response = asAdmin.get("/api/v1/admin/users?cursor=" + cursor, "application/json");
            assertThat(response.statusCode()).as(cursor).isEqualTo(400);
            // A NUL is refused at the door, before the cursor is looked at.
            assertThat(json(response).get("type").asString()).endsWith(cursor.contains("%00") ? "/invalid-text" : "/invalid-cursor");
        }
        assertThat(asAdmin.get("/api/v1/admin/users?status=banned", "application/json").statusCode()).isEqualTo(400);
        assertThat(asAdmin.get("/api/v1/admin/mail-outbox?limit=101", "application/json").statusCode()).isEqualTo(400);
        assertThat(asAdmin.get("/api/v1/admin/mail-outbox?cursor=tampered", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void suspendingSignsTheUserOutAtOnceAndRestoringLetsThemBackIn() {
        Users.Signed admin = admin("admin");
        Http asAdmin = http.withBearer(admin.token());
        Users.Signed victim = users.signUpAndIn("victim");
        String secondToken = users.login(victim.email(), PASSWORD);
        Http asVictim = http.withBearer(victim.token());
        assertThat(asVictim.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);

        var suspended = asAdmin.call("POST", "/api/v1/admin/users/" + victim.id() + "/suspend", null);
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(json(suspended).get("status").asString()).isEqualTo("suspended");
        assertThat(json(suspended).get("id").asString()).isEqualTo(victim.id());

        assertThat(asVictim.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(http.withBearer(secondToken).get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from sessions where user_id = ?").param(UUID.fromString(victim.id())).query(Long.class).single())
                .isZero();
        var login = http.postJson("/api/v1/auth/login", "{\"email\":\"" + victim.email() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(json(login).get("type").asString()).endsWith("/account-suspended");
        assertThat(jdbc.sql("select count(*) from audit_logs where action = 'suspend' and entity_type = 'user' and entity_id = ? and user_id = ?")
                .params(UUID.fromString(victim.id()), UUID.fromString(admin.id())).query(Long.class).single()).isEqualTo(1);

        // Suspending twice changes nothing and records nothing more.
        assertThat(asAdmin.call("POST", "/api/v1/admin/users/" + victim.id() + "/suspend", null).statusCode()).isEqualTo(200);
        assertThat(json(asAdmin.get("/api/v1/admin/users?status=suspended&q=" + encode(victim.email()), "application/json"))
                .get("items").size()).isEqualTo(1);

        var restored = asAdmin.call("POST", "/api/v1/admin/users/" + victim.id() + "/restore", null);
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(json(restored).get("status").asString()).isEqualTo("active");
        assertThat(asVictim.get("/api/v1/me", "application/json").statusCode()).as("old tokens stay dead").isEqualTo(401);
        String fresh = users.login(victim.email(), PASSWORD);
        assertThat(http.withBearer(fresh).get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_logs where action in ('suspend', 'restore') and entity_id = ?")
                .param(UUID.fromString(victim.id())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void adminsCannotSuspendThemselvesNorASuperadminAndDeletedAccountsStayDeleted() {
        Users.Signed admin = admin("admin");
        Http asAdmin = http.withBearer(admin.token());
        var self = asAdmin.call("POST", "/api/v1/admin/users/" + admin.id() + "/suspend", null);
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(json(self).get("type").asString()).endsWith("/cannot-suspend-self");
        assertThat(asAdmin.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);

        Users.Signed superadmin = admin("superadmin");
        assertThat(asAdmin.call("POST", "/api/v1/admin/users/" + superadmin.id() + "/suspend", null).statusCode()).isEqualTo(403);
        Http asSuperadmin = http.withBearer(superadmin.token());
        assertThat(asSuperadmin.call("POST", "/api/v1/admin/users/" + superadmin.id() + "/suspend", null).statusCode()).isEqualTo(409);
        Users.Signed otherSuperadmin = admin("superadmin");
        assertThat(asSuperadmin.call("POST", "/api/v1/admin/users/" + otherSuperadmin.id() + "/suspend", null).statusCode()).isEqualTo(200);

        Users.Signed gone = users.signUpAndIn("gone");
        jdbc.sql("update users set status = 'deleted' where id = ?").param(UUID.fromString(gone.id())).update();
        var restore = asAdmin.call("POST", "/api/v1/admin/users/" + gone.id() + "/restore", null);
        assertThat(restore.statusCode()).isEqualTo(409);
        assertThat(json(restore).get("type").asString()).endsWith("/account-deleted");
        assertThat(asAdmin.call("POST", "/api/v1/admin/users/" + gone.id() + "/suspend", null).statusCode()).isEqualTo(409);

        assertThat(asAdmin.call("POST", "/api/v1/admin/users/" + UUID.randomUUID() + "/suspend", null).statusCode()).isEqualTo(404);
        assertThat(asAdmin.call("POST", "/api/v1/admin/users/" + UUID.randomUUID() + "/restore", null).statusCode()).isEqualTo(404);
        assertThat(asAdmin.call("POST", "/api/v1/admin/users/not-a-uuid/restore", null).statusCode()).isEqualTo(400);
    }

    @Test
    void onlyPlatformAdminsGetIn() {
        Users.Signed member = users.signUpAndIn("member");
        Http asMember = http.withBearer(member.token());
        for (String path : List.of("/api/v1/admin/users", "/api/v1/admin/mail-outbox", "/api/v1/admin/mail-outbox/" + UUID.randomUUID())) {
            var denied = asMember.get(path, "application/json");
            assertThat(denied.statusCode()).as(path).isEqualTo(403);
            assertThat(json(denied).get("type").asString()).endsWith("/forbidden");
            var anonymous = http.get(path, "application/json");
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(json(anonymous).get("type").asString()).endsWith("/unauthorized");
        }
        assertThat(asMember.call("POST", "/api/v1/admin/users/" + member.id() + "/suspend", null).statusCode()).isEqualTo(403);
        assertThat(http.call("POST", "/api/v1/admin/users/" + member.id() + "/suspend", null).statusCode()).isEqualTo(401);
    }

    @Test
    void prometheusMetricsAreForPlatformAdminsOnlyAndHealthStaysPublic() {
        var anonymous = http.get("/actuator/prometheus", "text/plain");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        Users.Signed member = users.signUpAndIn("metrics");
        assertThat(http.withBearer(member.token()).get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(403);
        assertThat(http.withBearer("not-a-token").get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);

        var metrics = http.withBearer(admin("admin").token()).get("/actuator/prometheus", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body()).contains("# HELP", "jvm_memory_used_bytes", "http_server_requests_seconds");

        assertThat(http.get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void theMailOutboxListsMailsWithoutTheirTextWhichOnlyItsOwnAddressShows() {
        Http asAdmin = http.withBearer(admin("admin").token());
        String email = Users.uniqueEmail("outbox");
        users.register(email, "Outbox Reader");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(email).query(Long.class).single() > 0);

        var list = asAdmin.get("/api/v1/admin/mail-outbox?limit=100", "application/json");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode mail = json(list).get("items").valueStream().filter(item -> item.get("recipient").asString().equals(email))
                .findFirst().orElseThrow();
        assertThat(mail.propertyNames()).contains("id", "recipient", "subject", "status", "attempts", "last_error", "created_at",
                "sent_at", "template").doesNotContain("text_body", "html_body");
        assertThat(list.body()).doesNotContain("verify-email?token=");
        assertThat(json(list).has("next_cursor")).isTrue();

        var one = asAdmin.get("/api/v1/admin/mail-outbox/" + mail.get("id").asString(), "application/json");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).get("text_body").asString()).contains("/verify-email?token=");
        assertThat(asAdmin.get("/api/v1/admin/mail-outbox/" + UUID.randomUUID(), "application/json").statusCode()).isEqualTo(404);

        var small = json(asAdmin.get("/api/v1/admin/mail-outbox?limit=1", "application/json"));
        assertThat(small.get("items").size()).isEqualTo(1);
        var next = asAdmin.get("/api/v1/admin/mail-outbox?limit=1&cursor=" + small.get("next_cursor").asString(), "application/json");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(json(next).get("items").get(0).get("id").asString()).isNotEqualTo(small.get("items").get(0).get("id").asString());
    }

    @Test
    void configuredAdminEmailsBecomePlatformAdminsOnceAndOnlyThem() {
        Users.Signed listed = users.signUpAndIn("listed");
        Users.Signed other = users.signUpAndIn("other");
        Users.Signed superadmin = admin("superadmin");
        IdentityProperties properties = new IdentityProperties(Duration.ofDays(7), Duration.ofDays(30), 5, 30, Duration.ofMinutes(15), 20, 10,
                List.of(" " + listed.email().toUpperCase() + " ", "", superadmin.email(), "nobody-" + UUID.randomUUID() + "@example.id"));
        assertThat(properties.isAdminEmail(listed.email())).isTrue();
        assertThat(properties.isAdminEmail(other.email())).isFalse();
        PlatformAdmins admins = new PlatformAdmins(jdbc, properties, events, transactions, Clock.systemUTC());

        admins.grantConfiguredAdmins();
        admins.grantConfiguredAdmins();

        assertThat(role(listed.id())).isEqualTo("admin");
        assertThat(role(other.id())).isEqualTo("user");
        assertThat(role(superadmin.id())).as("a superadmin stays one").isEqualTo("superadmin");
        assertThat(jdbc.sql("select count(*) from audit_logs where action = 'grant_platform_admin' and entity_id = ?")
                .param(UUID.fromString(listed.id())).query(Long.class).single()).as("granted once").isEqualTo(1);
        assertThat(http.withBearer(listed.token()).get("/api/v1/admin/users?limit=1", "application/json").statusCode()).isEqualTo(200);
    }

    private String role(String userId) {
        return jdbc.sql("select platform_role from users where id = ?").param(UUID.fromString(userId)).query(String.class).single();
    }
}
