package id.modo.verse.identity;

import id.modo.verse.support.Hops;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with Google, end to end over HTTP: the app redirects to a real OpenID Connect server
 * (mock-oauth2-server on a local port, standing in for Google), which approves at once and sends
 * the browser back with a code; the app exchanges it, checks the ID token and opens a session.
 * Only Google is configured here (its own application context); the shared context has no OAuth.
 */
@IntegrationTest
class OAuthSignInIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String CLIENT_ID = "modo-test-client";
    private static final MockOAuth2Server SERVER = new MockOAuth2Server();

    static {
        SERVER.start();
    }

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("modo.identity.oauth.google.client-id", () -> CLIENT_ID);
        registry.add("modo.identity.oauth.google.client-secret", () -> "modo-test-secret");
        registry.add("modo.identity.oauth.google.issuer-uri", () -> SERVER.issuerUrl("google").toString());
    }

    @AfterAll
    static void stop() {
        SERVER.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theSignInPageOffersOnlyTheConfiguredProvider() {
        var page = http.send(http.request("/signin").header("Accept", HTML).header("Accept-Language", "en").GET());
        assertThat(page.body()).contains("href=\"/oauth2/authorization/google\"").contains("Continue with Google")
                .doesNotContain("/oauth2/authorization/github").doesNotContain("/oauth2/authorization/discord");
    }

    @Test
    void theSignInComesBackToThePageItStartedFrom() {
        String next = "/invitations/accept?token=abc-DEF_123";
        var page = http.send(http.request("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8))
                .header("Accept", HTML).GET());
        assertThat(page.body()).contains("href=\"/oauth2/authorization/google?next=%2Finvitations%2Faccept%3Ftoken%3Dabc-DEF_123\"");

        var callback = authorizeAndCallBack("/oauth2/authorization/google?next=%2Finvitations%2Faccept%3Ftoken%3Dabc-DEF_123",
                "google-" + UUID.randomUUID(), Users.uniqueEmail("oauth-next"), true, "Rani");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(Hops.location(callback)).endsWith(next);
        // Only a path on this site: another host is never where a sign-in ends.
        var elsewhere = authorizeAndCallBack("/oauth2/authorization/google?next=%2F%2Fevil.example%2F",
                "google-" + UUID.randomUUID(), Users.uniqueEmail("oauth-next"), true, "Rani");
        assertThat(Hops.location(elsewhere)).endsWith("/dashboard");
    }

    @Test
    void aNewVerifiedEmailCreatesAVerifiedAccountLinkedToGoogle() {
        String email = Users.uniqueEmail("oauth-new");
        String subject = "google-" + UUID.randomUUID();

        String session = signInWithGoogle(subject, email, true, "Sari Wulandari");

        var account = http.send(http.request("/account").header("Accept", HTML).header("Cookie", session).GET());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(email);
        var row = jdbc.sql("select id, google_id, email_verified, password_hash, name from users where lower(email) = ?")
                .param(email).query().singleRow();
        assertThat(row).containsEntry("google_id", subject).containsEntry("email_verified", true)
                .containsEntry("password_hash", null).containsEntry("name", "Sari Wulandari");
        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = ? and action = 'login' and metadata->>'provider' = 'google'")
                .param(row.get("id")).query(Long.class).single()).isEqualTo(1);

        // The next sign-in finds the account by its Google id, even with another email at Google.
        String again = signInWithGoogle(subject, Users.uniqueEmail("oauth-changed"), true, "Sari");
        var sameAccount = http.send(http.request("/account").header("Accept", HTML).header("Cookie", again).GET());
        assertThat(sameAccount.body()).contains(email);
        assertThat(jdbc.sql("select count(*) from users where google_id = ?").param(subject).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aVerifiedEmailOfAnExistingAccountLinksThatAccount() {
        Users.Signed existing = new Users(http).signUpAndIn("oauth-link");
        String subject = "google-" + UUID.randomUUID();

        String session = signInWithGoogle(subject, existing.email().toUpperCase(), true, "Budi");

        var account = http.send(http.request("/account").header("Accept", HTML).header("Cookie", session).GET());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(existing.email());
        var row = jdbc.sql("select id, google_id, email_verified from users where google_id = ?").param(subject).query().singleRow();
        assertThat(row.get("id").toString()).isEqualTo(existing.id());
        assertThat(row).containsEntry("email_verified", true);
        // The address was never verified here, so whoever signed up with it loses the password and sessions.
        assertThat(jdbc.sql("select password_hash from users where google_id = ?").param(subject).query(String.class).optional()).isEmpty();
        assertThat(http.withBearer(existing.token()).get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = ? and action = 'oauth_link'")
                .param(row.get("id")).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from users where lower(email) = lower(?)").param(existing.email()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aVerifiedAccountKeepsItsPasswordWhenLinked() {
        Users.Signed existing = new Users(http).signUpAndIn("oauth-keep");
        jdbc.sql("update users set email_verified = true where id = cast(? as uuid)").param(existing.id()).update();
        String subject = "google-" + UUID.randomUUID();

        signInWithGoogle(subject, existing.email(), true, "Budi");

        assertThat(jdbc.sql("select google_id from users where id = cast(? as uuid)").param(existing.id()).query(String.class).single())
                .isEqualTo(subject);
        assertThat(new Users(http).login(existing.email(), Users.PASSWORD)).isNotBlank();
    }

    @Test
    void anUnverifiedEmailOfAnExistingAccountIsRefused() {
        Users.Signed existing = new Users(http).signUpAndIn("oauth-unverified");
        String subject = "google-" + UUID.randomUUID();

        var callback = authorizeAndCallBack(subject, existing.email(), false, "Mallory");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(Hops.location(callback)).endsWith("/signin?oauth_error=unverified_email");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("MODO_SESSION="));
        var page = http.send(http.request(Hops.location(callback).replaceFirst("^https?://[^/]+", "")).header("Accept", HTML)
                .header("Accept-Language", "en").GET());
        assertThat(page.body()).contains("has not verified your email");
        assertThat(jdbc.sql("select google_id from users where id = cast(? as uuid)").param(existing.id()).query(String.class).optional())
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from users where google_id = ?").param(subject).query(Long.class).single()).isZero();
    }

    @Test
    void aCallbackWithoutTheStateCookieIsRefused() {
        var start = Hops.get("http://localhost:" + port + "/oauth2/authorization/google", null);
        // No token is enqueued: the app must refuse before it asks the server for one.
        var provider = Hops.get(Hops.location(start), null);
        var callback = Hops.get(Hops.location(provider), null);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(Hops.location(callback)).endsWith("/signin?oauth_error=failed");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("MODO_SESSION="));
    }

    /** The whole flow; answers the {@code MODO_SESSION} cookie ("name=value") the app set. */
    private String signInWithGoogle(String subject, String email, boolean emailVerified, String name) {
        var callback = authorizeAndCallBack(subject, email, emailVerified, name);
        assertThat(callback.statusCode()).as(Hops.location(callback)).isEqualTo(302);
        assertThat(Hops.location(callback)).endsWith("/dashboard");
        String session = callback.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_SESSION="))
                .findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        return session.substring(0, session.indexOf(';'));
    }

    private HttpResponse<String> authorizeAndCallBack(String subject, String email, boolean emailVerified, String name) {
        return authorizeAndCallBack("/oauth2/authorization/google", subject, email, emailVerified, name);
    }

    private HttpResponse<String> authorizeAndCallBack(String path, String subject, String email, boolean emailVerified, String name) {
        var start = Hops.get("http://localhost:" + port + path, null);
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(Hops.location(start)).startsWith(SERVER.issuerUrl("google").toString());
        String stateCookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_OAUTH_STATE="))
                .findFirst().orElseThrow();
        assertThat(stateCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Max-Age=600");

        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, "JWT", List.of(CLIENT_ID),
                Map.of("email", email, "email_verified", emailVerified, "name", name), 3600));
        var provider = Hops.get(Hops.location(start), null);
        assertThat(provider.statusCode()).as(provider.body()).isEqualTo(302);
        assertThat(Hops.location(provider)).startsWith("http://localhost:" + port + "/login/oauth2/code/google?");

        return Hops.get(Hops.location(provider), stateCookie.substring(0, stateCookie.indexOf(';')));
    }

}
