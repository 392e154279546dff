package id.modo.verse.studio.prediction;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prediction's AI suggestions through the gateway, with a platform OpenAI key pointed at the local server that answers
 * in OpenAI's documented chat completion format (the same settings as the ai module's gateway tests, so the context is shared).
 */
@IntegrationTest
@TestPropertySource(properties = {
        "modo.ai.openai.api-key=sk-platform-generation-tests",
        "modo.ai.anthropic.api-key=sk-ant-platform-generation-tests",
        "modo.ai.timeout=10s",
        "modo.ai.fallback.max-attempts=2",
        "modo.ai.fallback.max-total=20s",
        "modo.ai.fallback.initial-backoff=10ms",
        "modo.ai.fallback.max-backoff=20ms",
        "modo.ai.generations.per-user-limit=500",
        "db-scheduler.polling-interval=1s"})
class PredictionSuggestionsIntegrationTests {

    static final String ANSWER = "- Cast a voice children already know\n- Release in the June school holidays\n\n2. Cut a 30-second teaser for TikTok";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer providers = TestGateways.server();
    StubMapping stub;

    @AfterEach
    void removeStub() {
        if (stub != null) {
            providers.removeStub(stub);
        }
    }

    @Test
    void withAProviderTheSuggestionsArriveThroughTheGatewayAndAreKeptWithThePrediction() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("predict-ai");
        String title = "Kancil " + StudioFixtures.unique();
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), title, "team");
        stub = providers.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(title))
                .willReturn(okJson(completion(ANSWER))));
        String predictions = "/api/v1/projects/" + project + "/predictions";

        JsonNode made = json(studio.asOwner().postJson(predictions, PredictionApiIntegrationTests.request("")));
        assertThat(made.get("suggestions_status").asString()).isEqualTo("pending");
        String generation = made.get("suggestions_generation_id").asString();
        assertThat(generation).isNotBlank();

        JsonNode read = made;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (read.get("suggestions_status").asString().equals("pending") && Instant.now().isBefore(deadline)) {
            sleep();
            read = json(studio.asOwner().get(predictions + "/" + made.get("id").asString(), "application/json"));
        }
        assertThat(read.get("suggestions_status").asString()).isEqualTo("ready");
        assertThat(read.get("suggestions").valueStream().map(JsonNode::asString).toList()).isEqualTo(List.of(
                "Cast a voice children already know", "Release in the June school holidays", "Cut a 30-second teaser for TikTok"));
        JsonNode listed = json(studio.asOwner().get(predictions, "application/json")).get("items").get(0);
        assertThat(listed.get("suggestions").size()).isEqualTo(3);

        var sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(title)));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getBodyAsString()).contains("Predicted worldwide gross").contains("teaser_engagement");
        assertThat(json(studio.asOwner().get("/api/v1/ai/generations/" + generation, "application/json")).get("type").asString())
                .isEqualTo("performance_suggestions");
    }

    /** OpenAI's chat completion object as its API reference shows it. */
    static String completion(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini-2025-04-14",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                          "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                          "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                 "service_tier":"default"}""".formatted(JsonMapper.builder().build().writeValueAsString(content));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
