package id.modo.verse.common.web;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that cannot be stored or decoded (bytes that are not UTF-8, the NUL character) and bodies
 * that cannot be parsed (a multipart body cut off before its closing boundary) are the client's
 * mistake: 400 with a problem document or the error page, nothing changed, no stack trace logged.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BadTextIntegrationTests {

    private static final String HTML = "text/html";
    private static final String NOT_UTF8 = "x=%FF%FE";

    @LocalServerPort
    int port;

    @Test
    void invalidUtf8InAQueryIsRefusedOnPagesTheApiAndTheActuator(CapturedOutput output) {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("bad-text");
        PageSession page = PageSession.signIn(http, user);

        for (String query : List.of(NOT_UTF8, "x=%C0%AF", "q=%E2%82", "%FF=1", "q=a%00b")) {
            for (String path : List.of("/", "/signin", "/pricing", "/about")) {
                HttpResponse<String> response = http.get(path + "?" + query, HTML);
                assertThat(response.statusCode()).as("%s?%s", path, query).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as("the error page").startsWith("text/html");
            }
            assertThat(page.get("/dashboard?" + query).statusCode()).as("/dashboard?%s", query).isEqualTo(400);
            for (String path : List.of("/api/v1/plans", "/api/v1/me", "/actuator/health", "/v3/api-docs")) {
                HttpResponse<String> response = http.send(http.request(path + "?" + query).header("Accept", "application/json")
                        .header("Authorization", "Bearer " + user.token()).GET());
                assertProblem(response, path + "?" + query);
            }
        }
        assertThat(http.get("/pricing?q=caf%C3%A9+%F0%9F%8E%AC", HTML).statusCode()).as("real UTF-8, emoji and all").isEqualTo(200);
        assertThat(output.getAll()).doesNotContain("Unhandled error", "InvalidParameterException");
    }

    @Test
    void aNulInAJsonStringIsRefusedAndChangesNothing(CapturedOutput output) {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("bad-text");
        Http api = http.withBearer(user.token());

        HttpResponse<String> profile = api.call("PATCH", "/api/v1/me", "{\"name\":\"Rina\\u0000Hacker\"}");
        assertProblem(profile, "a NUL in the name");
        assertThat(json(profile).get("type").asString()).endsWith("/invalid-text");
        assertProblem(api.call("PATCH", "/api/v1/me", "{\"username\":\"rina\\u0000\"}"), "a NUL in the username, not 'taken'");
        assertProblem(api.call("PATCH", "/api/v1/me", "{\"preferences\":{\"theme\\u0000\":\"x\"}}"), "a NUL in a free-form key");
        assertProblem(api.call("PATCH", "/api/v1/me", "{\"preferences\":{\"theme\":[\"\\u0000\"]}}"), "a NUL deep in a free-form value");
        assertThat(json(api.call("GET", "/api/v1/me", null)).get("name").asString()).isEqualTo("Test bad-text");

        assertProblem(api.call("POST", "/api/v1/organizations", "{\"name\":\"Studio\\u0000Nol\"}"), "a NUL in an organization name, not 'slug taken'");

        HttpResponse<String> login = http.postJson("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\\u0000\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertProblem(login, "a NUL in the login email");
        assertProblem(http.postJson("/api/v1/auth/register", "{\"email\":\"" + Users.uniqueEmail("nul") + "\",\"password\":\""
                + Users.PASSWORD + "\",\"name\":\"A\\u0000B\"}"), "a NUL in the sign-up name, not 'email taken'");

        // An escaped backslash followed by u0000 is the ordinary text backslash-u0000, and an escape of another character (u0041, "A") is taken.
        HttpResponse<String> ordinary = api.call("PATCH", "/api/v1/me", "{\"bio\":\"ketik \\\\u0000 di terminal \\u0041\"}");
        assertThat(ordinary.statusCode()).as(ordinary.body()).isEqualTo(200);
        assertThat(json(ordinary).get("bio").asString()).isEqualTo("ketik \\u0000 di terminal A");
        assertThat(output.getAll()).doesNotContain("Unhandled error", "invalid byte sequence");
    }

    @Test
    void aNulInAFormOrAQueryFilterIsRefused(CapturedOutput output) {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("bad-text");

        HttpResponse<String> form = http.get("/signin", HTML);
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        for (String email : List.of(user.email() + "%00", "%FF%FE" + user.email())) {
            HttpResponse<String> signIn = http.send(http.request("/signin").header("Accept", HTML)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&password=" + Users.PASSWORD + "&_csrf=" + csrf)));
            assertThat(signIn.statusCode()).as("sign-in form with %s", email).isEqualTo(400);
            assertThat(signIn.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("MODO_SESSION="));
        }

        Http api = http.withBearer(user.token());
        String org = json(api.postJson("/api/v1/organizations", "{\"name\":\"Studio Filter Nol\"}")).get("id").asString();
        for (String filter : List.of("/api/v1/organizations/" + org + "/audit-logs?action=a%00b",
                "/api/v1/organizations/" + org + "/members?cursor=%00", "/api/v1/me/sessions?cursor=abc%00")) {
            assertProblem(api.call("GET", filter, null), filter);
        }
        assertThat(output.getAll()).doesNotContain("Unhandled error");
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryIsRefused(CapturedOutput output) {
        Http http = new Http(port);
        Users.Signed user = new Users(http).signUpAndIn("bad-text");
        Http api = http.withBearer(user.token());
        String org = json(api.postJson("/api/v1/organizations", "{\"name\":\"Studio Multipart\"}")).get("id").asString();

        String cut = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"poster.png\"\r\nContent-Type: image/png\r\n\r\nnot all of it";
        String nulField = "--XYZ\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nlo\u0000go\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhalo\r\n--XYZ--\r\n";
        String noParts = "--XYZ--";
        for (String body : List.of(cut, nulField, noParts, "garbage without any boundary")) {
            HttpResponse<String> response = api.send(api.request("/api/v1/organizations/" + org + "/assets")
                    .header("Accept", "application/json").header("Content-Type", "multipart/form-data; boundary=XYZ")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertProblem(response, body);
        }
        HttpResponse<String> noBoundary = api.send(api.request("/api/v1/organizations/" + org + "/assets")
                .header("Accept", "application/json").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString(cut)));
        assertProblem(noBoundary, "no boundary parameter");
        assertThat(json(api.call("GET", "/api/v1/organizations/" + org + "/assets", null)).get("items")).as("nothing stored").isEmpty();
        assertThat(output.getAll()).doesNotContain("Unhandled error");
    }

    @Test
    void theQueryCheckTellsTextFromBytes() {
        assertThat(RequestTextFilter.queryProblem("q=caf%C3%A9&limit=20&flag")).isNull();
        assertThat(RequestTextFilter.queryProblem("q=a+b&empty=")).isNull();
        assertThat(RequestTextFilter.queryProblem("x=%FF%FE")).contains("'x'");
        assertThat(RequestTextFilter.queryProblem("x=%ED%A0%80")).as("a lone surrogate, as UTF-8").isNotNull();
        assertThat(RequestTextFilter.queryProblem("x=%00")).isNotNull();
        assertThat(RequestTextFilter.queryProblem("x=%4")).isNotNull();
    }

    private static void assertProblem(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
    }
}
