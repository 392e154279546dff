package id.modo.verse.identity;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.modo.verse.support.Hops;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with GitHub and with Discord, end to end over HTTP against a real local HTTP server
 * (WireMock) that answers in each provider's documented wire format: GitHub's token endpoint
 * ({@code POST /login/oauth/access_token}, JSON only when asked for with {@code Accept}), its
 * {@code GET /user} (numeric {@code id}, a public {@code email} that may be null) and
 * {@code GET /user/emails} ({@code primary}/{@code verified} flags); Discord's
 * {@code POST /api/oauth2/token} and {@code GET /api/users/@me} (snowflake {@code id} as a string,
 * {@code email}, {@code verified}). The test plays the person at the provider: it reads the
 * authorization request the app sent the browser to and comes back with a code and the state.
 */
@IntegrationTest
class GitHubAndDiscordSignInIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String GITHUB_CLIENT = "Iv1.modo0test0github";
    private static final String GITHUB_SECRET = "github-test-secret";
    private static final String DISCORD_CLIENT = "1187459730012345678";
    private static final String DISCORD_SECRET = "discord-test-secret";
    private static final WireMockServer PROVIDERS = new WireMockServer(options().dynamicPort());

    static {
        PROVIDERS.start();
        // GitHub answers an unknown or used code with 200 and an error document, not with a 4xx.
        PROVIDERS.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("""
                                {"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.",\
                                "error_uri":"https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}""")));
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        String base = PROVIDERS.baseUrl();
        registry.add("modo.identity.oauth.github.client-id", () -> GITHUB_CLIENT);
        registry.add("modo.identity.oauth.github.client-secret", () -> GITHUB_SECRET);
        registry.add("modo.identity.oauth.github.authorization-uri", () -> base + "/login/oauth/authorize");
        registry.add("modo.identity.oauth.github.token-uri", () -> base + "/login/oauth/access_token");
        registry.add("modo.identity.oauth.github.user-info-uri", () -> base + "/user");
        registry.add("modo.identity.oauth.github.user-emails-uri", () -> base + "/user/emails");
        registry.add("modo.identity.oauth.discord.client-id", () -> DISCORD_CLIENT);
        registry.add("modo.identity.oauth.discord.client-secret", () -> DISCORD_SECRET);
        registry.add("modo.identity.oauth.discord.authorization-uri", () -> base + "/oauth2/authorize");
        registry.add("modo.identity.oauth.discord.token-uri", () -> base + "/api/oauth2/token");
        registry.add("modo.identity.oauth.discord.user-info-uri", () -> base + "/api/users/@me");
    }

    @AfterAll
    static void stop() {
        PROVIDERS.stop();
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
    void theSignInPageOffersGitHubAndDiscordOnly() {
        var page = http.send(http.request("/signin").header("Accept", HTML).header("Accept-Language", "en").GET());
        assertThat(page.body()).contains("href=\"/oauth2/authorization/github\"", "Continue with GitHub")
                .contains("href=\"/oauth2/authorization/discord\"", "Continue with Discord")
                .doesNotContain("/oauth2/authorization/google");
    }

    @Test
    void gitHubWithAPrivateEmailCreatesAVerifiedAccountFromThePrimaryVerifiedAddress() {
        String email = Users.uniqueEmail("github-new");
        long githubId = githubId();
        // GitHub's /user shows null when the person keeps their email private; /user/emails still lists it.
        GitHubPerson person = new GitHubPerson(githubId, "sari-dev", "Sari Wulandari", null,
                emails(Map.of("email", "sari@users.noreply.github.com", "primary", false, "verified", true, "visibility", "private"),
                        Map.of("email", email, "primary", true, "verified", true, "visibility", "private")));

        String session = signedIn(signIn("github", person.stub()));

        assertAccountPage(session, email);
        var row = jdbc.sql("select id, github_id, email_verified, password_hash, name from users where lower(email) = ?")
                .param(email).query().singleRow();
        assertThat(row).containsEntry("github_id", Long.toString(githubId)).containsEntry("email_verified", true)
                .containsEntry("password_hash", null).containsEntry("name", "Sari Wulandari");
        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = ? and action = 'login' and metadata->>'provider' = 'github'")
                .param(row.get("id")).query(Long.class).single()).isEqualTo(1);
        // The code went to GitHub as GitHub expects: asking for JSON, with the client's credentials, for our callback.
        PROVIDERS.verify(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withHeader("Accept", containing("application/json"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(GITHUB_CLIENT, GITHUB_SECRET))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("redirect_uri=" + urlEncoded("http://localhost:" + port + "/login/oauth2/code/github"))));

        // The next sign-in finds the account by its GitHub id, whatever the email at GitHub is now.
        GitHubPerson renamed = new GitHubPerson(githubId, "sari-dev", "Sari W.", null,
                emails(Map.of("email", Users.uniqueEmail("github-moved"), "primary", true, "verified", true, "visibility", "public")));
        assertAccountPage(signedIn(signIn("github", renamed.stub())), email);
        assertThat(jdbc.sql("select count(*) from users where github_id = ?").param(Long.toString(githubId)).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void gitHubsVerifiedPrimaryEmailLinksTheExistingAccount() {
        Users.Signed existing = new Users(http).signUpAndIn("github-link");
        jdbc.sql("update users set email_verified = true where id = cast(? as uuid)").param(existing.id()).update();
        long githubId = githubId();
        GitHubPerson person = new GitHubPerson(githubId, "budi", null, existing.email(),
                emails(Map.of("email", existing.email().toUpperCase(), "primary", true, "verified", true, "visibility", "public")));

        String session = signedIn(signIn("github", person.stub()));

        assertAccountPage(session, existing.email());
        assertThat(jdbc.sql("select github_id from users where id = cast(? as uuid)").param(existing.id()).query(String.class).single())
                .isEqualTo(Long.toString(githubId));
        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = cast(? as uuid) and action = 'oauth_link'")
                .param(existing.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(new Users(http).login(existing.email(), Users.PASSWORD)).as("a verified account keeps its password").isNotBlank();
    }

    @Test
    void gitHubsUnverifiedEmailOfAnExistingAccountIsRefused() {
        Users.Signed existing = new Users(http).signUpAndIn("github-unverified");
        long githubId = githubId();
        // The public email on /user matches, but /user/emails says GitHub never verified it.
        GitHubPerson person = new GitHubPerson(githubId, "mallory", "Mallory", existing.email(),
                emails(Map.of("email", existing.email(), "primary", true, "verified", false, "visibility", "public")));

        var callback = signIn("github", person.stub());

        assertRefused(callback, "unverified_email");
        assertThat(jdbc.sql("select github_id from users where id = cast(? as uuid)").param(existing.id()).query(String.class).optional())
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from users where github_id = ?").param(Long.toString(githubId)).query(Long.class).single())
                .isZero();
    }

    @Test
    void aCodeGitHubDoesNotKnowEndsTheSignInWithoutASession() {
        var callback = signIn("github", "code-nobody-issued-" + UUID.randomUUID());
        assertRefused(callback, "failed");
    }

    @Test
    void discordCreatesAVerifiedAccountWithItsSnowflakeId() {
        String email = Users.uniqueEmail("discord-new");
        String discordId = discordId();
        DiscordPerson person = new DiscordPerson(discordId, "nelly", "Nelly Nusantara", email, true);

        String session = signedIn(signIn("discord", person.stub()));

        assertAccountPage(session, email);
        var row = jdbc.sql("select discord_id, email_verified, password_hash, name from users where lower(email) = ?")
                .param(email).query().singleRow();
        assertThat(row).containsEntry("discord_id", discordId).containsEntry("email_verified", true)
                .containsEntry("password_hash", null).containsEntry("name", "Nelly Nusantara");
        PROVIDERS.verify(postRequestedFor(urlPathEqualTo("/api/oauth2/token"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(DISCORD_CLIENT, DISCORD_SECRET))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=authorization_code")));
    }

    @Test
    void discordsVerifiedEmailLinksTheExistingAccountAndAnUnverifiedOneIsRefused() {
        Users.Signed existing = new Users(http).signUpAndIn("discord-link");
        Users.Signed other = new Users(http).signUpAndIn("discord-unverified");

        var refused = signIn("discord", new DiscordPerson(discordId(), "mallory", null, other.email(), false).stub());
        assertRefused(refused, "unverified_email");
        assertThat(jdbc.sql("select discord_id from users where id = cast(? as uuid)").param(other.id()).query(String.class).optional())
                .isEmpty();
        assertThat(http.withBearer(other.token()).get("/api/v1/me", "application/json").statusCode())
                .as("the refused sign-in leaves the account alone").isEqualTo(200);

        String discordId = discordId();
        String session = signedIn(signIn("discord", new DiscordPerson(discordId, "budi", null, existing.email(), true).stub()));
        assertAccountPage(session, existing.email());
        assertThat(jdbc.sql("select discord_id from users where id = cast(? as uuid)").param(existing.id()).query(String.class).single())
                .isEqualTo(discordId);
    }

    /** A GitHub account as GitHub's REST API documents /user and /user/emails. */
    private record GitHubPerson(long id, String login, String name, String publicEmail, String emailsJson) {

        /** Stubs the token exchange and the two user calls for one code; answers the code. */
        String stub() {
            String code = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
            PROVIDERS.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(1)
                    .withHeader("Accept", containing("application/json"))
                    .withRequestBody(containing("code=" + code))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody("{\"access_token\":\"" + token + "\",\"scope\":\"read:user,user:email\",\"token_type\":\"bearer\"}")));
            // Without Accept: application/json GitHub answers form-encoded, which a JSON client cannot read.
            PROVIDERS.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(2)
                    .withRequestBody(containing("code=" + code))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .withBody("access_token=" + token + "&scope=read%3Auser%2Cuser%3Aemail&token_type=bearer")));
            PROVIDERS.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody("""
                                    {"login":%s,"id":%d,"node_id":"MDQ6VXNlcjE=","avatar_url":"https://avatars.githubusercontent.com/u/%d?v=4",\
                                    "gravatar_id":"","url":"https://api.github.com/users/%s","html_url":"https://github.com/%s","type":"User",\
                                    "site_admin":false,"name":%s,"company":null,"blog":"","location":"Jakarta","email":%s,"hireable":null,\
                                    "bio":null,"twitter_username":null,"public_repos":2,"public_gists":0,"followers":1,"following":0,\
                                    "created_at":"2019-01-14T04:33:35Z","updated_at":"2026-01-14T04:33:35Z"}"""
                                    .formatted(quoted(login), id, id, login, login, quoted(name), quoted(publicEmail)))));
            PROVIDERS.stubFor(get(urlPathEqualTo("/user/emails")).withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(emailsJson)));
            return code;
        }
    }

    /** A Discord account as Discord's API documents the user object of /users/@me with the email scope. */
    private record DiscordPerson(String id, String username, String globalName, String email, boolean verified) {

        String stub() {
            String code = UUID.randomUUID().toString().replace("-", "").substring(0, 30);
            String token = UUID.randomUUID().toString().replace("-", "");
            PROVIDERS.stubFor(post(urlPathEqualTo("/api/oauth2/token")).withRequestBody(containing("code=" + code))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":604800,"
                                    + "\"refresh_token\":\"" + UUID.randomUUID().toString().replace("-", "") + "\",\"scope\":\"identify email\"}")));
            PROVIDERS.stubFor(get(urlPathEqualTo("/api/users/@me")).withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("""
                                    {"id":%s,"username":%s,"discriminator":"0","global_name":%s,"avatar":"8342729096ea3675442027381ff50dfe",\
                                    "bot":false,"mfa_enabled":false,"banner":null,"accent_color":null,"locale":"id","verified":%s,\
                                    "email":%s,"flags":0,"premium_type":0,"public_flags":0}"""
                                    .formatted(quoted(id), quoted(username), quoted(globalName), verified, quoted(email)))));
            return code;
        }
    }

    /**
     * Starts a sign-in at the app, checks the authorization request it sends the browser to, and
     * comes back to the app's callback with {@code code} and the state, as the provider would after
     * the person approves. Answers the app's response to the callback.
     */
    private HttpResponse<String> signIn(String provider, String code) {
        var start = Hops.get("http://localhost:" + port + "/oauth2/authorization/" + provider, null);
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = Hops.location(start);
        String authorizePath = provider.equals("github") ? "/login/oauth/authorize" : "/oauth2/authorize";
        assertThat(authorize).startsWith(PROVIDERS.baseUrl() + authorizePath + "?");
        Map<String, String> query = query(URI.create(authorize).getRawQuery());
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", provider.equals("github") ? GITHUB_CLIENT : DISCORD_CLIENT)
                .containsEntry("scope", provider.equals("github") ? "read:user user:email" : "identify email")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/" + provider)
                .containsKey("state");
        String stateCookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_OAUTH_STATE="))
                .findFirst().orElseThrow();
        return Hops.get(query.get("redirect_uri") + "?code=" + code + "&state=" + urlEncoded(query.get("state")),
                stateCookie.substring(0, stateCookie.indexOf(';')));
    }

    /** The {@code MODO_SESSION} cookie ("name=value") of a successful callback. */
    private static String signedIn(HttpResponse<String> callback) {
        assertThat(callback.statusCode()).as(Hops.location(callback)).isEqualTo(302);
        assertThat(Hops.location(callback)).endsWith("/dashboard");
        String session = callback.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_SESSION="))
                .findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        return session.substring(0, session.indexOf(';'));
    }

    private void assertAccountPage(String session, String email) {
        var account = http.send(http.request("/account").header("Accept", HTML).header("Cookie", session).GET());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(email);
    }

    private static void assertRefused(HttpResponse<String> callback, String reason) {
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(Hops.location(callback)).endsWith("/signin?oauth_error=" + reason);
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("MODO_SESSION="));
    }

    @SafeVarargs
    private static String emails(Map<String, Object>... emails) {
        StringBuilder json = new StringBuilder("[");
        for (Map<String, Object> email : emails) {
            json.append(json.length() > 1 ? "," : "").append("{\"email\":").append(quoted((String) email.get("email")))
                    .append(",\"primary\":").append(email.get("primary")).append(",\"verified\":").append(email.get("verified"))
                    .append(",\"visibility\":").append(quoted((String) email.get("visibility"))).append('}');
        }
        return json.append(']').toString();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** GitHub ids are numbers in JSON, growing past 2^31 in time; the test uses large ones. */
    private static long githubId() {
        return ThreadLocalRandom.current().nextLong(3_000_000_000L, 9_000_000_000L);
    }

    /** Discord ids are 64-bit snowflakes, sent as strings because JavaScript numbers cannot hold them. */
    private static String discordId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, Long.MAX_VALUE));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
