package id.modo.verse.common.web;

import id.modo.verse.common.ProblemType;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Every way a client can get a request wrong answers an RFC 9457 problem, never a framework page or a stack trace. */
@IntegrationTest
class ProblemDetailsIntegrationTests {

    private static final String PROBE = "/api/v1/test-probe";

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        // The API answers anonymous callers 401 before anything else; these tests are about what a signed-in client gets.
        http = new Http(port).withBearer(new Users(new Http(port)).signUpAndIn("problems").token());
    }

    @Test
    void anonymousCallersGet401EvenForUnknownRoutes() {
        var response = new Http(port).get("/api/v1/no-such-thing", "application/json");
        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void unknownApiRouteIs404() {
        var response = http.get("/api/v1/no-such-thing", "application/json");
        assertProblem(response, 404, "not-found");
        assertThat(json(response).get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void unknownRouteForAnApiClientIs404Problem() {
        assertProblem(http.get("/no-such-page", "*/*"), 404, "not-found");
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        var response = http.send(http.request(PROBE).header("Accept", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST", "GET"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        var response = http.send(http.request(PROBE).header("Content-Type", "text/plain").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("title=x")));
        assertProblem(response, 415, "unsupported-media-type");
        assertThat(json(response).get("detail").asString()).contains("application/json");
    }

    @Test
    void malformedJsonIs400() {
        var response = http.postJson(PROBE, "{\"title\": \"Sang Penjaga\", ");
        assertProblem(response, 400, "malformed-body");
        assertThat(json(response).get("detail").asString()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void missingBodyIs400() {
        var response = http.postJson(PROBE, "");
        assertProblem(response, 400, "malformed-body");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        var response = http.postJson(PROBE, "{\"title\":\"Sang Penjaga\",\"episode_count\":\"twelve\"}");
        assertProblem(response, 400, "validation-failed");
        assertThat(errors(response)).containsExactly("episode_count: must be a number");
    }

    @Test
    void unknownEnumValueIs400ListingTheAllowedValues() {
        var response = http.postJson(PROBE, "{\"title\":\"Sang Penjaga\",\"genre\":\"HORROR\"}");
        assertProblem(response, 400, "validation-failed");
        assertThat(errors(response)).containsExactly("genre: must be one of DRAMA, COMEDY, ANIMATION");
    }

    @Test
    void beanValidationErrorsAreListedPerField() {
        var response = http.postJson(PROBE, "{\"title\":\"\",\"episode_count\":0}");
        assertProblem(response, 400, "validation-failed");
        assertThat(errors(response)).containsExactlyInAnyOrder("title: must not be blank", "episode_count: must be greater than or equal to 1");
    }

    @Test
    void wrongQueryParameterTypeIs400() {
        var response = http.get(PROBE + "?page=abc", "application/json");
        assertProblem(response, 400, "validation-failed");
        assertThat(errors(response)).containsExactly("page: must be a number");
    }

    @Test
    void missingQueryParameterIs400() {
        var response = http.get(PROBE, "application/json");
        assertProblem(response, 400, "validation-failed");
        assertThat(errors(response)).containsExactly("page: is required");
    }

    @Test
    void bodyOverOneMegabyteIs413() {
        String big = "{\"title\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertProblem(http.postJson(PROBE, big), 413, "payload-too-large");
    }

    @Test
    void chunkedBodyOverOneMegabyteIs413() {
        byte[] chunk = ("{\"title\":\"" + "x".repeat(64 * 1024)).getBytes();
        byte[] filler = "y".repeat(64 * 1024).getBytes();
        // No Content-Length: the body arrives chunked, so only counting the bytes can catch it.
        var publisher = HttpRequest.BodyPublishers.ofByteArrays(
                Stream.concat(Stream.of(chunk), Stream.generate(() -> filler).limit(20)).toList());
        var response = http.send(http.request(PROBE).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(publisher));
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        var response = http.get(PROBE + "/failure", "application/json");
        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("PSQLException", "secret_table", "IllegalStateException", "at id.modo", "Exception");
        assertThat(json(response).get("reference").asString()).hasSize(36);
    }

    @Test
    void aVersionConflictWithAnotherRequestIs409NotA500() {
        var response = http.get(PROBE + "/version-conflict", "application/json");
        assertProblem(response, 409, "concurrent-change");
        assertThat(response.body()).doesNotContain("Subscription", "6ddbc73f", "Optimistic", "reference");
    }

    @Test
    void springErrorPathAnswersAProblemToo() {
        var response = http.get("/error", "application/json");
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").asString()).startsWith(ProblemType.BASE_URI);
    }

    @Test
    void malformedUrlRejectedByTheServerItselfIsAProblemWithoutServerDetails() throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write("GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes());
            String response = new String(socket.getInputStream().readAllBytes());
            assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"type\":\"" + ProblemType.BASE_URI + "bad-request\"")
                    .doesNotContain("Tomcat", "<style", "<html");
        }
    }

    @Test
    void notAcceptableIs406() {
        var response = http.get(PROBE + "?page=1", "application/xml");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void validRequestStillWorksAndUsesSnakeCaseAndIsoOffsets() {
        var response = http.postJson(PROBE, "{\"title\":\"Sang Penjaga\",\"genre\":\"DRAMA\",\"episode_count\":8,\"goal_amount\":\"150000000.00\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("episode_count").asInt()).isEqualTo(8);
        assertThat(body.get("created_at").asString()).isEqualTo("2026-11-25T10:15:30+07:00");
        assertThat(body.has("episodeCount")).isFalse();
    }

    @Test
    void pagesGetTheErrorPageInsteadOfJson() {
        var response = http.get("/no-such-page", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<html", "Page not found", "href=\"/\"");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("type").asString()).isEqualTo(ProblemType.BASE_URI + slug);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("trace", "exception", "org.springframework", "java.", "tools.jackson");
    }

    private static List<String> errors(HttpResponse<String> response) {
        return json(response).get("errors").valueStream()
                .map(error -> error.get("field").asString() + ": " + error.get("message").asString())
                .toList();
    }
}
