package id.modo.verse.studio.moodboard;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Write prompt" and "Generate image" of a moodboard item in the running app, with a platform OpenAI key pointed at the local
 * server that answers in OpenAI's documented wire format (chat completions, images with {@code b64_json}). The properties
 * are the AI gateway tests', so both share one application context.
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
class MoodboardAiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    Http owner;
    String project;
    String marker;

    @BeforeEach
    void project() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("moodboard-ai");
        owner = studio.asOwner();
        project = fixtures.project(owner, studio.organizationId(), "Kancil", "team");
        marker = "marker-" + UUID.randomUUID();
        HttpResponse<String> beats = owner.call("PUT", "/api/v1/projects/" + project + "/story/beats",
                "{\"base_version\":0,\"structure\":\"cat\",\"beats\":{\"catalyst\":\"The dry season empties the orchard " + marker + "\"}}");
        assertThat(beats.statusCode()).as(beats.body()).isEqualTo(200);
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void writePromptProposesThePromptInTheProjectsSettingsAndOnlyAcceptWritesIt() {
        String written = "Cracked red mud under a white sky, a lone rambutan tree, flat cartoon shapes";
        stubs.add(providers.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker))
                .willReturn(okJson(completion(written)))));
        HttpResponse<String> settings = owner.call("PUT", "/api/v1/projects/" + project + "/ai/settings",
                "{\"tone\":\"warm and witty\",\"audience\":\"children 6-10\",\"language\":\"id\"}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        JsonNode item = create("{\"beat_key\":\"catalyst\",\"animation_style\":\"cartoon\",\"color_mood\":\"dusty orange\","
                + "\"ai_prompt\":\"A hand-written prompt\"}");

        HttpResponse<String> started = owner.postJson(item(item) + "/prompt", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String generation = json(started).get("prompt_generation_id").asString();
        assertThat(owner.postJson(item(item) + "/prompt", "{}").statusCode()).as("one prompt at a time").isEqualTo(409);

        JsonNode done = waitFor(item, i -> i.get("prompt_generation_id").isNull());
        assertThat(done.get("ai_prompt").asString()).as("nothing overwrites the prompt without a click").isEqualTo("A hand-written prompt");
        assertThat(done.get("status").asString()).isEqualTo("pending");
        String proposal = done.get("prompt_proposal_id").asString();
        String sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)))
                .getFirst().getBodyAsString();
        assertThat(sent).contains("dusty orange", "style cartoon", "Kancil: Catalyst", "Tone: warm and witty", "Audience: children 6-10",
                "Language: Bahasa Indonesia");
        JsonNode charged = json(owner.get("/api/v1/ai/generations/" + generation, "application/json"));
        assertThat(charged.get("type").asString()).isEqualTo("moodboard_prompt");
        assertThat(charged.get("project_id").asString()).isEqualTo(project);

        JsonNode review = json(owner.get("/api/v1/projects/" + project + "/ai/proposals/" + proposal, "application/json"));
        assertThat(review.get("entity_type").asString()).isEqualTo("moodboard");
        assertThat(review.get("diff").toString()).contains("\"kind\":\"delete\"", "hand-written", "\"kind\":\"insert\"", "rambutan");
        HttpResponse<String> accepted = owner.postJson("/api/v1/projects/" + project + "/ai/proposals/" + proposal + "/accept",
                "{\"base_version\":" + review.get("base_version").asInt() + "}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode after = json(owner.get(item(item), "application/json"));
        assertThat(after.get("ai_prompt").asString()).isEqualTo(written);
        assertThat(after.get("prompt_proposal_id").isNull()).isTrue();

        // A prompt typed by hand while the next proposal waits is a save: accepting that proposal is the same 409 as two saves.
        owner.postJson(item(item) + "/prompt", "{}");
        JsonNode again = waitFor(item, i -> i.get("prompt_generation_id").isNull());
        String second = again.get("prompt_proposal_id").asString();
        int base = json(owner.get("/api/v1/projects/" + project + "/ai/proposals/" + second, "application/json")).get("base_version").asInt();
        HttpResponse<String> typed = owner.call("PATCH", item(item), "{\"version\":" + again.get("version").asInt() + ",\"ai_prompt\":\"Typed by hand\"}");
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        assertThat(owner.postJson("/api/v1/projects/" + project + "/ai/proposals/" + second + "/accept", "{\"base_version\":" + base + "}")
                .statusCode()).isEqualTo(409);
        assertThat(json(owner.get(item(item), "application/json")).get("ai_prompt").asString()).isEqualTo("Typed by hand");
    }

    @Test
    void generateImageMakesTheItemGeneratingThenCompletedWithThePictureInTheLibrary() throws IOException {
        stubs.add(providers.stubFor(post(urlEqualTo("/v1/images/generations")).withRequestBody(containing(marker))
                .willReturn(okJson(image(Base64.getEncoder().encodeToString(png()))))));
        JsonNode item = create("{\"beat_key\":\"catalyst\",\"ai_prompt\":\"a dry orchard at noon " + marker + "\",\"animation_style\":\"vector\"}");

        HttpResponse<String> started = owner.postJson(item(item) + "/generate", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode generating = json(started);
        assertThat(generating.get("status").asString()).isEqualTo("generating");
        String generation = generating.get("generation_id").asString();
        assertThat(owner.postJson(item(item) + "/generate", "").statusCode()).as("one picture at a time").isEqualTo(409);

        JsonNode done = waitFor(item, i -> !"generating".equals(i.get("status").asString()));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        JsonNode result = json(owner.get("/api/v1/ai/generations/" + generation, "application/json"));
        assertThat(done.get("image").asString()).isEqualTo("/media/" + result.get("result_asset_id").asString());
        assertThat(owner.get(done.get("image_url").asString(), "image/*").statusCode()).isEqualTo(200);
        assertThat(result.get("credits_charged").asInt()).isPositive();
        String sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/images/generations")).withRequestBody(containing(marker)))
                .getFirst().getBodyAsString();
        assertThat(sent).contains("Style: vector");
    }

    @Test
    void aRefusedPictureLeavesTheItemFailedWithTheReasonAndItsCreditsBack() {
        stubs.add(providers.stubFor(post(urlEqualTo("/v1/images/generations")).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Your request was rejected as a result of our safety system.","type":"invalid_request_error",
                         "param":null,"code":"content_policy_violation"}}"""))));
        JsonNode item = create("{\"beat_key\":\"catalyst\",\"description\":\"the crocodiles' river " + marker + "\"}");

        String generation = json(owner.postJson(item(item) + "/generate", "")).get("generation_id").asString();

        JsonNode done = waitFor(item, i -> !"generating".equals(i.get("status").asString()));
        assertThat(done.get("status").asString()).isEqualTo("failed");
        assertThat(done.get("error_message").asString()).isNotBlank();
        assertThat(done.get("image").isNull()).isTrue();
        assertThat(json(owner.get("/api/v1/ai/generations/" + generation, "application/json")).get("credits_charged").asInt()).isZero();
    }

    private JsonNode create(String body) {
        HttpResponse<String> created = owner.postJson("/api/v1/projects/" + project + "/moodboard/items", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private String item(JsonNode item) {
        return "/api/v1/projects/" + project + "/moodboard/items/" + item.get("id").asString();
    }

    private JsonNode waitFor(JsonNode item, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode now = json(owner.get(item(item), "application/json"));
            if (done.test(now)) {
                return now;
            }
            assertThat(Instant.now()).as("waited 60 s for " + now).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** OpenAI's chat completion, as its API reference shows it. */
    private static String completion(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini-2025-04-14",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}}""".formatted(content);
    }

    /** OpenAI's image generation answer with the picture as {@code b64_json}. */
    private static String image(String base64) {
        return """
                {"created":1713833628,"data":[{"b64_json":"%s"}],
                 "usage":{"total_tokens":100,"input_tokens":50,"output_tokens":50,"input_tokens_details":{"text_tokens":10,"image_tokens":40}}}"""
                .formatted(base64);
    }

    private static byte[] png() throws IOException {
        BufferedImage picture = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(5, 5, 0xE07A1F);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }
}
