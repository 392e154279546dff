package id.modo.verse.common.web;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie is for pages and the API takes only bearer tokens. Whatever spelling of an
 * API path a client sends (percent-encoded, double-encoded, with {@code ;} parameters, a trailing
 * slash, dot segments), the cookie never authenticates it: the rule that keeps the cookie away and
 * the CSRF exemption read the same path, and spellings that hide a path are refused outright.
 */
@IntegrationTest
class EncodedPathIntegrationTests {

    private static final String FOREIGN_ORIGIN = "https://evil.example";

    /** Spellings of {@code /api/v1/me}, none of which is the canonical one. */
    private static final List<String> ME_VARIANTS = List.of(
            "/%61pi/v1/me", "/ap%69/v1/me", "/%41PI/v1/me", "/api/v1/%6De", "/api/%76%31/me",
            "/%2561pi/v1/me", "/%25%36%31pi/v1/me", "/api%2Fv1/me", "/api%2fv1%2fme",
            "/api;x=1/v1/me", "/api/v1;x=1/me", "/api/v1/me;jsessionid=1", "/api/v1/me;",
            "/api/v1/me/", "//api/v1/me", "/./api/v1/me", "/x/../api/v1/me", "/%2e/api/v1/me", "/api/v1/./me");

    /** Spellings of the actuator's metrics, which also take only a bearer token. */
    private static final List<String> ACTUATOR_VARIANTS = List.of(
            "/%61ctuator/prometheus", "/%2561ctuator/prometheus", "/actuator;x=1/prometheus", "/actuator/prometheus/");

    @LocalServerPort
    int port;

    @Test
    void theCanonicalPathTakesTheBearerTokenAndRefusesTheCookie() {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("encoded-path");

        assertThat(http.send(http.request("/api/v1/me").header("Authorization", "Bearer " + user.token()).GET()).statusCode()).isEqualTo(200);
        assertThat(http.send(cookie(http, "/api/v1/me", user).GET()).statusCode()).isEqualTo(401);
        assertThat(http.send(cookie(http, "/api/v1/me", user).header("Origin", FOREIGN_ORIGIN).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Dibajak\"}"))).statusCode()).isEqualTo(401);
    }

    @Test
    void noSpellingOfAnApiPathLetsTheCookieReadOrWrite() {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("encoded-path");

        for (String path : ME_VARIANTS) {
            HttpResponse<String> read = http.send(cookie(http, path, user).GET());
            assertThat(read.statusCode()).as("GET %s with the cookie", path).isBetween(400, 499);
            assertThat(read.body()).as("GET %s with the cookie", path).doesNotContain(user.email());

            HttpResponse<String> write = http.send(cookie(http, path, user).header("Origin", FOREIGN_ORIGIN)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Dibajak\"}")));
            assertThat(write.statusCode()).as("PATCH %s with the cookie and a foreign Origin", path).isBetween(400, 499);
            assertThat(write.headers().firstValue("Content-Type")).as("PATCH %s answers a problem", path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        for (String path : ACTUATOR_VARIANTS) {
            assertThat(http.send(cookie(http, path, user).GET()).statusCode()).as("GET %s with the cookie", path).isBetween(400, 499);
        }

        HttpResponse<String> me = http.send(http.request("/api/v1/me").header("Authorization", "Bearer " + user.token()).GET());
        assertThat(Http.json(me).get("name").asString()).as("the profile is unchanged").isEqualTo("Test encoded-path");
    }

    @Test
    void aBearerTokenOnAHiddenSpellingIsRefusedTooNotServed() {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("encoded-path");

        for (String path : ME_VARIANTS) {
            HttpResponse<String> read = http.send(http.request(path).header("Authorization", "Bearer " + user.token())
                    .header("Accept", "application/json").GET());
            // 400 for a refused spelling; 404 for a path that is simply another path (a trailing slash).
            assertThat(read.statusCode()).as("GET %s with the bearer token", path).isIn(400, 404);
            assertThat(read.body()).as("GET %s with the bearer token", path).doesNotContain(user.email());
        }
    }

    @Test
    void pagesStillTakeTheCookieAndAnEncodedLetterInAPagePathIsRefused() {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("encoded-path");

        assertThat(http.send(cookie(http, "/account", user).header("Accept", "text/html").GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> encoded = http.send(cookie(http, "/%61ccount", user).header("Accept", "text/html").GET());
        assertThat(encoded.statusCode()).isEqualTo(400);
        assertThat(encoded.body()).doesNotContain(user.email());
    }

    @Test
    void encodedUnreservedCharactersAreRecognisedAndOthersAreNot() {
        assertThat(PathFirewall.encodesUnreservedCharacter("/%61pi/v1/me")).isTrue();
        assertThat(PathFirewall.encodesUnreservedCharacter("/api/v1/%7E")).isTrue();
        assertThat(PathFirewall.encodesUnreservedCharacter("/api/v1/%2D")).isTrue();
        assertThat(PathFirewall.encodesUnreservedCharacter("/p/caf%C3%A9")).as("UTF-8 is encoded as it must be").isFalse();
        assertThat(PathFirewall.encodesUnreservedCharacter("/search/a%20b")).as("a space").isFalse();
        assertThat(PathFirewall.encodesUnreservedCharacter("/api/v1/me")).isFalse();
        assertThat(PathFirewall.encodesUnreservedCharacter("/x%")).isFalse();
    }

    @Test
    void theBearerOnlyRuleReadsThePathAsTheSecurityRulesDoEvenWithoutTheFirewall() {
        for (String uri : List.of("/api/v1/me", "/%61pi/v1/me", "/api;x=1/v1/me", "/api/v1/me/", "/%61ctuator/prometheus")) {
            MockHttpServletRequest request = new MockHttpServletRequest("PATCH", uri);
            assertThat(Requests.BEARER_ONLY.matches(request)).as(uri).isTrue();
        }
        assertThat(Requests.BEARER_ONLY.matches(new MockHttpServletRequest("GET", "/account"))).isFalse();
        assertThat(Requests.BEARER_ONLY.matches(new MockHttpServletRequest("GET", "/apis"))).isFalse();
    }

    private static HttpRequest.Builder cookie(Http http, String path, Users.Signed user) {
        return http.request(path).header("Cookie", "MODO_SESSION=" + user.token()).header("Accept", "application/json");
    }
}
