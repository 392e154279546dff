package id.modo.verse.common.web;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON is taken as sent or refused (JsonInputConfiguration): a key twice in one object, a number or true/false for
 * a string field and a number for an enum are 400 problems naming the field, where Jackson would have kept the
 * last key, made "12" of 12 or picked the enum constant at that index.
 */
@IntegrationTest
class StrictJsonIntegrationTests {

    private static final String PROBE = "/api/v1/test-probe";

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port).withBearer(new Users(new Http(port)).signUpAndIn("strict-json").token());
    }

    @Test
    void aKeySentTwiceIsRefusedNamingIt() {
        JsonNode problem = refused(http.postJson(PROBE, "{\"title\":\"Kancil\",\"title\":\"Buaya\"}"));
        assertThat(problem.get("detail").asString()).isEqualTo("Duplicate field 'title': send each field once.");
        assertError(problem, "title", "appears more than once");

        assertError(refused(http.postJson(PROBE, "{\"title\":\"Kancil\",\"extra\":{\"a\":1,\"b\":[{\"c\":1,\"c\":2}]}}")),
                "extra.b[0].c", "appears more than once");
        assertError(refused(http.postJson("/api/v1/organizations", "{\"name\":\"Studio A\",\"name\":\"Studio B\"}")),
                "name", "appears more than once");
    }

    @Test
    void aNumberOrABooleanForAStringFieldIsRefused() {
        assertError(refused(http.postJson(PROBE, "{\"title\":12}")), "title", "must be a string");
        assertError(refused(http.postJson(PROBE, "{\"title\":1.5}")), "title", "must be a string");
        assertError(refused(http.postJson(PROBE, "{\"title\":true}")), "title", "must be a string");
        assertError(refused(http.postJson("/api/v1/organizations", "{\"name\":2026}")), "name", "must be a string");
    }

    @Test
    void aNumberForAnEnumIsRefusedRatherThanTakenAsAnIndex() {
        JsonNode problem = refused(http.postJson(PROBE, "{\"title\":\"Kancil\",\"genre\":1}"));
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("genre");
        assertThat(problem.get("errors").get(0).get("message").asString()).startsWith("must be one of");
    }

    @Test
    void strictnessTakesNothingFromWellFormedJson() {
        HttpResponse<String> accepted = http.postJson(PROBE, "{\"title\":\"Kancil\",\"episode_count\":3,\"goal_amount\":\"150000.50\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("episode_count").asInt()).isEqualTo(3);
    }

    private static JsonNode refused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).endsWith("/validation-failed");
        return problem;
    }

    private static void assertError(JsonNode problem, String field, String message) {
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(message);
    }
}
