package id.modo.verse.identity;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static id.modo.verse.support.Users.PASSWORD;
import static id.modo.verse.support.Users.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, sign-in, the bearer token, profile, password and sessions through the real API. */
@IntegrationTest
class AccountsApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    Users users;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
    }

    @Test
    void registerReturnsTheAccountWithoutSecretsAndRefusesTheSameEmailInAnyCase() {
        String email = Users.uniqueEmail("reg");
        var created = http.postJson("/api/v1/auth/register",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Dewi Lestari\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode account = json(created);
        assertThat(account.get("email").asString()).isEqualTo(email);
        assertThat(account.get("email_verified").asBoolean()).isFalse();
        assertThat(account.get("platform_role").asString()).isEqualTo("user");
        assertThat(created.body()).doesNotContain("password", "hash", "argon");

        var duplicate = http.postJson("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Someone Else\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).get("type").asString()).endsWith("/email-taken");
    }

    @Test
    void weakOrMalformedSignUpsAreRefusedWithFieldErrors() {
        var common = http.postJson("/api/v1/auth/register",
                "{\"email\":\"" + Users.uniqueEmail("weak") + "\",\"password\":\"password123\",\"name\":\"Weak\"}");
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("\"field\":\"password\"");

        var tooShort = http.postJson("/api/v1/auth/register",
                "{\"email\":\"" + Users.uniqueEmail("short") + "\",\"password\":\"Ab1!xyz\",\"name\":\"Short\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);

        var badEmail = http.postJson("/api/v1/auth/register", "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\",\"name\":\"X\"}");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("\"field\":\"email\"");
    }

    @Test
    void signInGivesABearerTokenThatSignOutRevokes() {
        String email = Users.uniqueEmail("login");
        String id = users.register(email, "Budi Santoso");
        var login = http.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = json(login);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("token").asString()).hasSizeGreaterThanOrEqualTo(43);
        // What the README's API conventions promise: an instant in UTC, with Z.
        assertThat(body.get("expires_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(body.at("/user/id").asString()).isEqualTo(id);
        String token = body.get("token").asString();

        assertThat(jdbc.sql("select count(*) from sessions where token_hash = ?").param(token).query(Long.class).single())
                .as("the raw token is never stored").isZero();

        var me = http.send(bearer(http.request("/api/v1/me"), token).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("email").asString()).isEqualTo(email);

        assertThat(http.send(bearer(http.request("/api/v1/auth/logout"), token).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(204);
        assertThat(http.send(bearer(http.request("/api/v1/me"), token).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theApiSetsNoCookies() {
        // A bearer client has no use for the pages' CSRF cookie; making one on every call cost a random token each time.
        Users.Signed user = users.signUpAndIn("cookies");
        var me = http.withBearer(user.token()).get("/api/v1/me", "application/json");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
        var page = http.get("/signin", "text/html");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = Users.uniqueEmail("same");
        users.register(email, "Same Answer");
        var wrong = http.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"not-the-password\"}");
        var unknown = http.postJson("/api/v1/auth/login", "{\"email\":\"" + Users.uniqueEmail("nobody") + "\",\"password\":\"not-the-password\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(withoutInstance(wrong)).isEqualTo(withoutInstance(unknown));
    }

    @Test
    void fiveFailuresLockTheAccountForThisAddressWithRetryAfter() {
        String email = Users.uniqueEmail("throttle");
        users.register(email, "Throttled");
        for (int i = 0; i < 5; i++) {
            assertThat(http.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong-" + i + "\"}").statusCode())
                    .isEqualTo(401);
        }
        var locked = http.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(json(locked).get("type").asString()).endsWith("/too-many-requests");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);

        // The window over (as if 15 minutes had passed), the right password works and clears the count.
        jdbc.sql("update rate_limits set window_start = now() - interval '16 minutes' where key like ?").param("login:" + email + "|%").update();
        assertThat(http.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from rate_limits where key like ?").param("login:" + email + "|%").query(Long.class).single()).isZero();
    }

    @Test
    void withoutTrustedProxiesAForwardedForHeaderIsIgnored() {
        String email = Users.uniqueEmail("forged");
        users.register(email, "Forged Address");
        HttpResponse<String> login = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.250")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")));
        String sessions = http.send(bearer(http.request("/api/v1/me/sessions"), json(login).get("token").asString()).GET()).body();
        assertThat(sessions).doesNotContain("203.0.113.250").contains("127.0.0.1");
    }

    @Test
    void signUpsPerAddressAreLimited() {
        String key = "signup:127.0.0.1";
        jdbc.sql("insert into rate_limits (key, window_start, hits) values (?, now(), 10000) "
                + "on conflict (key) do update set window_start = now(), hits = 10000").param(key).update();
        try {
            var limited = http.postJson("/api/v1/auth/register",
                    "{\"email\":\"" + Users.uniqueEmail("limited") + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Limited\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        } finally {
            jdbc.sql("delete from rate_limits where key = ?").param(key).update();
        }
    }

    @Test
    void missingBadOrRevokedTokensAre401Problems() {
        assertThat(http.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        var bogus = http.send(bearer(http.request("/api/v1/me"), "not-a-real-token").GET());
        assertThat(bogus.statusCode()).isEqualTo(401);
        assertThat(bogus.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var malformed = http.send(http.request("/api/v1/me").header("Authorization", "Basic abc").GET());
        assertThat(malformed.statusCode()).isEqualTo(401);
    }

    @Test
    void profileChangesOnlyTheFieldsAUserMaySet() {
        Users.Signed user = users.signUpAndIn("profile");
        // unchecked: it sends, on purpose, fields the API document does not list (no client may set them)
        var updated = http.unchecked().send(bearer(http.request("/api/v1/me"), user.token()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("""
                        {"name":"Sari Dewi","username":"sari_%s","bio":"Penulis cerita anak","language":"id","time_zone":"Asia/Makassar",
                         "avatar":"https://example.id/sari.png","platform_role":"superadmin","email_verified":true,"status":"suspended",
                         "id":"00000000-0000-0000-0000-000000000000","email":"hijack@example.id"}""".formatted(user.id().substring(0, 6)))));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode body = json(updated);
        assertThat(body.get("name").asString()).isEqualTo("Sari Dewi");
        assertThat(body.at("/preferences/language").asString()).isEqualTo("id");
        assertThat(body.at("/preferences/time_zone").asString()).isEqualTo("Asia/Makassar");
        assertThat(body.get("platform_role").asString()).isEqualTo("user");
        assertThat(body.get("email_verified").asBoolean()).isFalse();
        assertThat(body.get("email").asString()).isEqualTo(user.email());
        assertThat(body.get("id").asString()).isEqualTo(user.id());

        var badAvatar = http.send(bearer(http.request("/api/v1/me"), user.token()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"avatar\":\"javascript:alert(1)\",\"time_zone\":\"Mars/Base\"}")));
        assertThat(badAvatar.statusCode()).isEqualTo(400);

        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = cast(? as uuid) and action = 'update' and entity_type = 'user'")
                .param(user.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void usernamesAreUnique() {
        Users.Signed first = users.signUpAndIn("uname1");
        Users.Signed second = users.signUpAndIn("uname2");
        String name = "studio_" + first.id().substring(0, 6);
        assertThat(patch(first.token(), "{\"username\":\"" + name + "\"}").statusCode()).isEqualTo(200);
        var taken = patch(second.token(), "{\"username\":\"" + name.toUpperCase() + "\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).get("type").asString()).endsWith("/username-taken");
    }

    @Test
    void changingThePasswordSignsOutEveryOtherSession() {
        Users.Signed user = users.signUpAndIn("pw");
        String other = users.login(user.email(), PASSWORD);
        var wrongCurrent = http.send(bearer(http.request("/api/v1/me/password"), user.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"current_password\":\"nope\",\"new_password\":\"Wayang-Kulit-Baru-2027\"}")));
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);

        var changed = http.send(bearer(http.request("/api/v1/me/password"), user.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"Wayang-Kulit-Baru-2027\"}")));
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(http.send(bearer(http.request("/api/v1/me"), user.token()).GET()).statusCode()).isEqualTo(200);
        assertThat(http.send(bearer(http.request("/api/v1/me"), other).GET()).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}").statusCode())
                .isEqualTo(401);
        users.login(user.email(), "Wayang-Kulit-Baru-2027");
    }

    @Test
    void sessionsAreListedWithTheCurrentOneMarkedAndCanBeRevoked() {
        Users.Signed user = users.signUpAndIn("sessions");
        String other = users.login(user.email(), PASSWORD);
        Users.Signed stranger = users.signUpAndIn("stranger");

        JsonNode sessions = json(http.send(bearer(http.request("/api/v1/me/sessions"), user.token()).GET())).get("items");
        assertThat(sessions.size()).isEqualTo(2);
        JsonNode first = json(http.send(bearer(http.request("/api/v1/me/sessions?limit=1"), user.token()).GET()));
        assertThat(first.get("items").size()).isEqualTo(1);
        JsonNode second = json(http.send(bearer(http.request("/api/v1/me/sessions?limit=1&cursor=" + first.get("next_cursor").asString()),
                user.token()).GET()));
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(second.get("items").get(0).get("id").asString()).isNotEqualTo(first.get("items").get(0).get("id").asString());
        assertThat(http.send(bearer(http.request("/api/v1/me/sessions?limit=101"), user.token()).GET()).statusCode()).isEqualTo(400);
        assertThat(sessions.valueStream().filter(s -> s.get("current").asBoolean()).count()).isEqualTo(1);
        String otherId = sessions.valueStream().filter(s -> !s.get("current").asBoolean()).findFirst().orElseThrow().get("id").asString();

        // Someone else's session is simply not found.
        assertThat(http.send(bearer(http.request("/api/v1/me/sessions/" + otherId), stranger.token()).DELETE()).statusCode()).isEqualTo(404);
        assertThat(http.send(bearer(http.request("/api/v1/me/sessions/" + otherId), user.token()).DELETE()).statusCode()).isEqualTo(204);
        assertThat(http.send(bearer(http.request("/api/v1/me"), other).GET()).statusCode()).isEqualTo(401);
        assertThat(http.send(bearer(http.request("/api/v1/me/sessions/not-a-uuid"), user.token()).DELETE()).statusCode()).isEqualTo(400);
    }

    @Test
    void aSuspendedAccountCannotSignInAndItsSessionsStopAtOnce() {
        Users.Signed user = users.signUpAndIn("suspended");
        jdbc.sql("update users set status = 'suspended' where id = cast(? as uuid)").param(user.id()).update();
        assertThat(http.send(bearer(http.request("/api/v1/me"), user.token()).GET()).statusCode()).isEqualTo(401);
        var login = http.postJson("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(json(login).get("type").asString()).endsWith("/account-suspended");
    }

    @Test
    void everyStepIsAuditedWithAddressAndNoSecrets() {
        Users.Signed user = users.signUpAndIn("audited");
        http.postJson("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"wrong-one\"}");
        http.send(bearer(http.request("/api/v1/auth/logout"), user.token()).POST(HttpRequest.BodyPublishers.noBody()));
        var rows = jdbc.sql("select action, ip_address, coalesce(old_values::text, '') || coalesce(new_values::text, '') || metadata::text as data "
                        + "from audit_logs where user_id = cast(? as uuid) order by created_at").param(user.id()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("register", "verification_mail", "login", "login_failed", "logout");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("ip_address")).isNotNull());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("data").toString()).doesNotContain(PASSWORD, "argon2", "wrong-one"));
    }

    private HttpResponse<String> patch(String token, String body) {
        return http.send(bearer(http.request("/api/v1/me"), token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String withoutInstance(HttpResponse<String> response) {
        return response.body().replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
