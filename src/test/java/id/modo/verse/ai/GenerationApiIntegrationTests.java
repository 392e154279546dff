package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generation API in the running app with platform keys for OpenAI and Anthropic, both pointed at the local server
 * that speaks their wire formats. Each test's prompts carry a marker of its own, and its stubs match only that, so
 * the tests do not answer each other's calls. Credits are checked on the ledger itself, against the usage log.
 */
@AiGatewayTest
class GenerationApiIntegrationTests {

    static final String OPENAI_KEY = AiGatewayTest.OPENAI_KEY;
    static final String ANTHROPIC_KEY = AiGatewayTest.ANTHROPIC_KEY;
    static final String SYNOPSIS = "Kancil outwits the crocodiles and crosses the river to the orchard.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    Http http;
    Http owner;
    Users.Signed ownerUser;
    String org;
    String marker;

    @BeforeEach
    void organization() {
        http = new Http(port);
        ownerUser = new Users(http).signUpAndIn("ai-gen");
        owner = http.withBearer(ownerUser.token());
        org = organizationOf(owner);
        marker = "marker-" + UUID.randomUUID();
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void aSynopsisCostsExactlyItsPriceAndTheUsageRowAgrees() {
        stub(openAi().willReturn(okJson(OpenAiWire.completion(SYNOPSIS))));
        int before = balance().available();

        HttpResponse<String> answered = owner.postJson(generations(), synopsis(marker));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode generation = Http.json(answered);
        assertThat(generation.get("status").asString()).isEqualTo("completed");
        assertThat(generation.get("result").asString()).isEqualTo(SYNOPSIS);
        assertThat(generation.get("credits_price").asInt()).isEqualTo(3);
        assertThat(generation.get("credits_charged").asInt()).isEqualTo(3);
        assertThat(generation.get("provider").asString()).isEqualTo("openai");
        assertThat(generation.get("template_version").asString()).isEqualTo("synopsis.v1");
        assertThat(balance().available()).isEqualTo(before - 3);
        assertThat(balance().held()).isZero();
        Map<String, Object> usage = usage(generation.get("id").asString());
        assertThat(usage).containsEntry("status", "success").containsEntry("endpoint", "synopsis").containsEntry("provider", "openai")
                .containsEntry("model", "gpt-4.1-mini").containsEntry("credits_used", 3).containsEntry("input_tokens", 19)
                .containsEntry("output_tokens", 10).containsEntry("user_id", UUID.fromString(ownerUser.id()));
        assertThat(usage.get("cost_usd").toString()).isEqualTo("0.000024");
        assertThat(usage.get("request_metadata").toString()).contains("\"attempts\": 1").contains("\"own_key\": false")
                .contains("\"fell_back_to_platform_key\": false");
        // The template filled in what was given and left out the lines of what was not.
        var sent = providers.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker)));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getBodyAsString()).contains("Genre: fable").doesNotContain("Tone:").doesNotContain("{{");
        assertThat(owner.get("/api/v1/ai/generations/" + generation.get("id").asString(), "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void aFailingProviderFallsBackToTheNextAndWhenAllFailTheCreditsComeBack() {
        stub(openAi().willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(OpenAiWire.SERVER_ERROR)));
        stub(post(urlEqualTo("/v1/messages")).withHeader("Authorization", equalTo("Bearer " + ANTHROPIC_KEY)).withRequestBody(containing(marker + "-ok"))
                .willReturn(okJson(OpenAiWire.anthropicMessage(SYNOPSIS))));
        stub(post(urlEqualTo("/v1/messages")).withRequestBody(containing(marker + "-down"))
                .willReturn(aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        int before = balance().available();

        JsonNode fellBack = Http.json(owner.postJson(generations(), synopsis(marker + "-ok")));
        assertThat(fellBack.get("provider").asString()).isEqualTo("anthropic");
        assertThat(fellBack.get("credits_charged").asInt()).isEqualTo(3);
        assertThat(balance().available()).isEqualTo(before - 3);

        HttpResponse<String> down = owner.postJson(generations(), synopsis(marker + "-down"));
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        JsonNode problem = Http.json(down);
        assertThat(problem.get("type").asString()).endsWith("/ai-provider-unavailable");
        String failedId = problem.get("generation_id").asString();
        assertThat(balance().available()).isEqualTo(before - 3);
        assertThat(balance().held()).isZero();
        JsonNode failed = Http.json(owner.get("/api/v1/ai/generations/" + failedId, "application/json"));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("credits_charged").asInt()).isZero();
        assertThat(usage(failedId)).containsEntry("status", "error").containsEntry("credits_used", 0).containsEntry("provider", null);
        assertThat(usage(failedId).get("request_metadata").toString()).contains("\"attempts\": 2");
    }

    @Test
    void aStructuredAnswerThatDoesNotFitIsAskedForOnceMoreThenFailsWithTheCreditsBack() {
        String beats = "{\"beats\":[{\"name\":\"Opening Image\",\"description\":\"The drought.\",\"intensity\":2}]}";
        // One marker answers invalid JSON first and a fitting answer second; the other answers beats without intensity twice.
        stub(openAi(marker + "-once").inScenario(marker).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("asked").willReturn(okJson(OpenAiWire.completion("{\"beats\": [}"))));
        stub(openAi(marker + "-once").inScenario(marker).whenScenarioStateIs("asked").willReturn(okJson(OpenAiWire.completion(beats))));
        stub(openAi(marker + "-never").willReturn(okJson(OpenAiWire.completion("{\"beats\":[{\"name\":\"Catalyst\",\"description\":\"A flood.\"}]}"))));
        int before = balance().available();

        HttpResponse<String> retried = owner.postJson(generations(), structure(marker + "-once"));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        JsonNode ok = Http.json(retried);
        assertThat(ok.get("result_json").get("beats").get(0).get("name").asString()).isEqualTo("Opening Image");
        assertThat(ok.get("credits_charged").asInt()).isEqualTo(10);
        assertThat(balance().available()).isEqualTo(before - 10);
        // The discarded first answer's tokens count; a model priced per generation charges its type's price once.
        assertThat(usage(ok.get("id").asString())).containsEntry("status", "success").containsEntry("input_tokens", 38)
                .containsEntry("output_tokens", 20).containsEntry("credits_used", 10);

        HttpResponse<String> refused = owner.postJson(generations(), structure(marker + "-never"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        assertThat(Http.json(refused).get("detail").asString()).contains("did not fit the story_structure schema, twice").contains("intensity");
        assertThat(balance().available()).isEqualTo(before - 10);
        assertThat(balance().held()).isZero();
        assertThat(providers.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker + "-never")))).hasSize(2);
        assertThat(usage(Http.json(refused).get("generation_id").asString())).containsEntry("status", "error").containsEntry("provider", "openai")
                .containsEntry("input_tokens", 38).containsEntry("output_tokens", 20).containsEntry("credits_used", 0);
    }

    @Test
    void aModelPricedByTokensPaysTheTokensOfBothAnswersOfAStructuredRetry() {
        ledger.grant(OrganizationId.of(UUID.fromString(org)), null, CreditLedger.Grant.BONUS, 1000, "test", marker, "AI test credits");
        String beats = "{\"beats\":[{\"name\":\"Opening Image\",\"description\":\"The drought.\",\"intensity\":2}]}";
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("asked").willReturn(okJson(OpenAiWire.completion("{\"beats\":[{\"name\":\"Catalyst\"}]}"))));
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs("asked").willReturn(okJson(OpenAiWire.completion(beats))));
        // 20 credits per 1k tokens either way: one answer (19 + 10 tokens) would cost 1 credit, both (38 + 20) cost 2.
        jdbc.sql("update ai_models set credits_per_1k_input_tokens = 20, credits_per_1k_output_tokens = 20 where provider = 'openai' and model = 'gpt-4.1-mini'")
                .update();
        try {
            int before = balance().available();

            HttpResponse<String> retried = owner.postJson(generations(), structure(marker));

            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            JsonNode ok = Http.json(retried);
            assertThat(ok.get("credits_charged").asInt()).isEqualTo(2);
            assertThat(balance().available()).isEqualTo(before - 2);
            assertThat(balance().held()).isZero();
            assertThat(usage(ok.get("id").asString())).containsEntry("input_tokens", 38).containsEntry("output_tokens", 20)
                    .containsEntry("credits_used", 2);
        } finally {
            jdbc.sql("update ai_models set credits_per_1k_input_tokens = null, credits_per_1k_output_tokens = null where provider = 'openai' and model = 'gpt-4.1-mini'")
                    .update();
        }
    }

    @Test
    void aWrongTypeOrInputIs400AndNothingIsHeld() {
        JsonNode unknown = Http.json(owner.postJson(generations(), "{\"type\":\"sonnet\",\"input\":{}}"));
        assertThat(unknown.get("status").asInt()).isEqualTo(400);
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(unknown.get("allowed").toString()).contains("synopsis").contains("character_image");

        HttpResponse<String> missing = owner.postJson(generations(), "{\"type\":\"synopsis\",\"input\":{\"genre\":\"fable\",\"mood\":\"x\"}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Http.json(missing).get("errors").toString()).contains("input.premise").contains("input.mood");

        HttpResponse<String> project = owner.postJson(generations(),
                "{\"type\":\"synopsis\",\"input\":{\"premise\":\"x\"},\"project_id\":\"" + UUID.randomUUID() + "\"}");
        assertThat(project.statusCode()).isEqualTo(404);
        assertThat(balance().held()).isZero();
        assertThat(jdbc.sql("select count(*) from ai_generations where organization_id = ?").param(UUID.fromString(org))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theLanguageIsEnOrIdAndTheTemplateNamesItToTheModel() {
        stub(openAi().withRequestBody(containing("Language: Bahasa Indonesia")).willReturn(okJson(OpenAiWire.completion(SYNOPSIS))));
        String asked = "{\"type\":\"synopsis\",\"input\":{\"premise\":\"" + marker + "\"}";

        HttpResponse<String> french = owner.postJson(generations(), asked + ",\"language\":\"fr\"}");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(Http.json(french).get("errors").get(0).get("field").asString()).isEqualTo("language");
        HttpResponse<String> named = owner.postJson(generations(), asked.replace("}", ",\"language\":\"Bahasa\"}") + "}");
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(Http.json(named).get("errors").get(0).get("field").asString()).isEqualTo("input.language");
        assertThat(balance().held()).isZero();

        HttpResponse<String> indonesian = owner.postJson(generations(), asked + ",\"language\":\"id\"}");
        assertThat(indonesian.statusCode()).as(indonesian.body()).isEqualTo(200);
        assertThat(Http.json(indonesian).get("input").get("language").asString()).isEqualTo("id");
    }

    @Test
    void anotherOrganizationsGenerationIs404AndAViewerMayNotGenerate() {
        stub(openAi().willReturn(okJson(OpenAiWire.completion(SYNOPSIS))));
        String id = Http.json(owner.postJson(generations(), synopsis(marker))).get("id").asString();
        Users.Signed stranger = new Users(http).signUpAndIn("ai-stranger");
        Http outsider = http.withBearer(stranger.token());
        organizationOf(outsider);

        assertThat(outsider.get("/api/v1/ai/generations/" + id, "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.call("POST", "/api/v1/ai/generations/" + id + "/cancel", null).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/ai/generations/" + UUID.randomUUID(), "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.postJson(generations(), synopsis(marker)).statusCode()).isEqualTo(404);

        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?, ?, 'viewer')")
                .params(UUID.fromString(org), UUID.fromString(stranger.id())).update();
        assertThat(outsider.get("/api/v1/ai/generations/" + id, "application/json").statusCode()).isEqualTo(200);
        assertThat(outsider.postJson(generations(), synopsis(marker)).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutAProviderItIs409AiNotConfiguredAndNoCreditIsTouched() {
        List<UUID> text = jdbc.sql("select id from ai_models where enabled and kind = 'text'").query(UUID.class).list();
        int before = balance().available();
        jdbc.sql("update ai_models set enabled = false where id in (:ids)").param("ids", text).update();
        try {
            HttpResponse<String> refused = owner.postJson(generations(), synopsis(marker));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(Http.json(refused).get("type").asString()).endsWith("/ai-not-configured");
            assertThat(Http.json(refused).get("detail").asString()).contains("MODO_AI_COMPATIBLE_BASE_URL");
        } finally {
            jdbc.sql("update ai_models set enabled = true where id in (:ids)").param("ids", text).update();
        }
        assertThat(balance().available()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from credit_reservations where organization_id = ?").param(UUID.fromString(org))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aStreamSendsTheTokensThenTheFinalGeneration() {
        stub(post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(containing(marker)).withRequestBody(containing("\"stream\":true"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiWire.stream("Kancil", " outwits", " the crocodiles."))));
        int before = balance().available();

        HttpResponse<String> streamed = http.unchecked().send(http.request(generations()).header("Authorization", "Bearer " + ownerUser.token())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(synopsis(marker))));

        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        String body = streamed.body();
        assertThat(body).contains("event:token\ndata:{\"text\":\"Kancil\"}", "event:token\ndata:{\"text\":\" outwits\"}");
        assertThat(body.indexOf("event:generation")).isGreaterThan(body.lastIndexOf("event:token"));
        assertThat(body).contains("\"result\":\"Kancil outwits the crocodiles.\"").contains("\"credits_charged\":3");
        assertThat(balance().available()).isEqualTo(before - 3);
    }

    @Test
    void aFreeOrganizationRunsOneAtATimeSoASecondRequestWhileOneRunsIs429() throws Exception {
        stub(openAi(marker + "-slow").willReturn(okJson(OpenAiWire.completion(SYNOPSIS)).withFixedDelay(1500)));
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> owner.postJson(generations(), synopsis(marker + "-slow")));
        waitFor(() -> jdbc.sql("select count(*) from ai_generations where organization_id = ? and status = 'running'")
                .param(UUID.fromString(org)).query(Integer.class).single() == 1);

        HttpResponse<String> second = owner.postJson(generations(), synopsis(marker));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(second).get("type").asString()).endsWith("/ai-concurrency-limit");
        assertThat(Http.json(second).get("limit").asInt()).isEqualTo(1);
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(balance().held()).isZero();
    }

    @Test
    void aUserOverTheRateLimitIs429() {
        jdbc.sql("insert into rate_limits (key, window_start, hits) values (?, now(), 500)")
                .param(GenerationRequests.RATE_KEY + ownerUser.id()).update();
        HttpResponse<String> limited = owner.postJson(generations(), synopsis(marker));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anAsyncGenerationRunsAsAJobAndCancellingItGivesTheCreditsBackOnce() {
        stub(openAi(marker + "-slow").willReturn(okJson(OpenAiWire.completion(SYNOPSIS)).withFixedDelay(1500)));
        int before = balance().available();

        HttpResponse<String> accepted = send(owner, synopsis(marker + "-slow"), "respond-async");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Http.json(accepted).get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/ai/generations/" + id);
        assertThat(balance().held()).isEqualTo(3);
        waitFor(() -> "running".equals(status(id)) && jobOf(id) != null);

        JsonNode cancelled = Http.json(owner.call("POST", "/api/v1/ai/generations/" + id + "/cancel", null));
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(balance().available()).isEqualTo(before);
        HttpResponse<String> again = owner.call("POST", "/api/v1/ai/generations/" + id + "/cancel", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("type").asString()).endsWith("/illegal-transition");
        assertThat(Http.json(again).get("from").asString()).isEqualTo("cancelled");

        // The provider answers after the cancel: the job ends, and nothing is charged or logged twice.
        waitFor(() -> jdbc.sql("select state from jobs where id = ?").param(jobOf(id)).query(String.class).single().matches("cancelled|failed|completed"));
        assertThat(balance().available()).isEqualTo(before);
        assertThat(balance().held()).isZero();
        assertThat(jdbc.sql("select count(*) from ai_usage_logs where request_metadata ->> 'generation_id' = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(usage(id)).containsEntry("status", "cancelled").containsEntry("credits_used", 0);
        assertThat(status(id)).isEqualTo("cancelled");
    }

    @Test
    void anImageIsMadeAsAJobAndKeptInTheMediaLibrary() throws IOException {
        byte[] png = png();
        stub(post(urlEqualTo("/v1/images/generations")).withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(containing(marker)).willReturn(okJson(OpenAiWire.image(Base64.getEncoder().encodeToString(png)))));
        int before = balance().available();

        HttpResponse<String> accepted = owner.postJson(generations(),
                "{\"type\":\"character_image\",\"input\":{\"name\":\"Kancil\",\"description\":\"a clever mouse-deer, " + marker + "\"}}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Http.json(accepted).get("id").asString();
        waitFor(() -> "completed".equals(status(id)) || "failed".equals(status(id)));
        JsonNode done = Http.json(owner.get("/api/v1/ai/generations/" + id, "application/json"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        String asset = done.get("result_asset_id").asString();
        assertThat(owner.get("/api/v1/assets/" + asset, "application/json").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select category from assets where id = ?").param(UUID.fromString(asset)).query(String.class).single()).isEqualTo("ai");
        assertThat(done.get("credits_charged").asInt()).isEqualTo(12);
        assertThat(balance().available()).isEqualTo(before - 12);
        assertThat(usage(id)).containsEntry("endpoint", "character_image").containsEntry("credits_used", 12);
        assertThat(usage(id).get("cost_usd").toString()).isEqualTo("0.042000");
        // Following an ended generation sends it once and ends the stream.
        HttpResponse<String> events = owner.get("/api/v1/ai/generations/" + id + "/events", "text/event-stream");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("event:generation").contains("\"status\":\"completed\"").contains(asset);
    }

    @Test
    void fiftyConcurrentMixedGenerationsLeaveTheLedgerEqualToTheGrantsLessTheUsageLog() throws Exception {
        // Billing gives every new organization its free subscription after the organization's commit.
        waitFor(() -> jdbc.sql("select count(*) from subscriptions where organization_id = ?").param(UUID.fromString(org)).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("update subscriptions set plan = 'team', status = 'active' where organization_id = ?").param(UUID.fromString(org)).update()).isEqualTo(1);
        ledger.grant(OrganizationId.of(UUID.fromString(org)), null, CreditLedger.Grant.BONUS, 1000, "test", marker, "AI test credits");
        stub(openAi(marker + "-ok").willReturn(okJson(OpenAiWire.completion(SYNOPSIS)).withFixedDelay(50)));
        stub(openAi(marker + "-down").willReturn(aResponse().withStatus(500).withBody(OpenAiWire.SERVER_ERROR)));
        stub(post(urlEqualTo("/v1/messages")).withRequestBody(containing(marker + "-down")).willReturn(aResponse().withStatus(500)));
        int grants = jdbc.sql("select coalesce(sum(amount), 0) from credit_transactions where organization_id = ? and amount > 0")
                .param(UUID.fromString(org)).query(Integer.class).single();

        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            ids.add(threads.submit(() -> {
                String which = n % 3 == 2 ? "-down" : "-ok";
                HttpResponse<String> answered = n % 2 == 0 ? send(owner, synopsis(marker + which), "respond-async")
                        : owner.postJson(generations(), synopsis(marker + which));
                JsonNode body = Http.json(answered);
                String id = body.has("generation_id") ? body.get("generation_id").asString() : body.has("id") ? body.get("id").asString() : null;
                if (id != null && n % 5 == 0) {
                    owner.call("POST", "/api/v1/ai/generations/" + id + "/cancel", null);
                }
                return id;
            }));
        }
        List<String> started = new ArrayList<>();
        for (Future<String> id : ids) {
            if (id.get() != null) {
                started.add(id.get());
            }
        }
        threads.shutdown();
        waitFor(() -> jdbc.sql("select count(*) from ai_generations where organization_id = ? and status in ('pending', 'running')")
                .param(UUID.fromString(org)).query(Integer.class).single() == 0);

        CreditLedger.Balances after = balance();
        int used = jdbc.sql("select coalesce(sum(credits_used), 0) from ai_usage_logs where organization_id = ?")
                .param(UUID.fromString(org)).query(Integer.class).single();
        assertThat(started).hasSizeGreaterThan(25);
        assertThat(jdbc.sql("select count(*) from ai_usage_logs where organization_id = ?").param(UUID.fromString(org))
                .query(Integer.class).single()).isEqualTo(started.size());
        assertThat(used).isPositive();
        assertThat(after.held()).isZero();
        assertThat(after.total()).isEqualTo(grants - used);
        assertThat(jdbc.sql("select coalesce(sum(credits_charged), 0) from ai_generations where organization_id = ?")
                .param(UUID.fromString(org)).query(Integer.class).single()).isEqualTo(used);
    }

    // ---------------------------------------------------------------- helpers

    MappingBuilder openAi() {
        return openAi(marker);
    }

    MappingBuilder openAi(String text) {
        return post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(containing(text));
    }

    void stub(MappingBuilder stub) {
        stubs.add(providers.stubFor(stub));
    }

    String generations() {
        return "/api/v1/organizations/" + org + "/ai/generations";
    }

    static String synopsis(String premise) {
        return "{\"type\":\"synopsis\",\"input\":{\"premise\":\"" + premise + "\",\"genre\":\"fable\",\"beats\":[\"The river\",\"The count\"]}}";
    }

    static String structure(String synopsis) {
        return "{\"type\":\"story_structure\",\"input\":{\"synopsis\":\"" + synopsis + "\",\"structure\":\"Save the Cat\"}}";
    }

    HttpResponse<String> send(Http as, String body, String prefer) {
        return as.send(as.request(generations()).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Prefer", prefer).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String organizationOf(Http as) {
        HttpResponse<String> created = as.postJson("/api/v1/organizations", "{\"name\":\"AI Studio\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    CreditLedger.Balances balance() {
        return ledger.balances(OrganizationId.of(UUID.fromString(org)));
    }

    Map<String, Object> usage(String generation) {
        return jdbc.sql("select * from ai_usage_logs where request_metadata ->> 'generation_id' = ?").param(generation)
                .query().singleRow();
    }

    String status(String generation) {
        return jdbc.sql("select status from ai_generations where id = ?").param(UUID.fromString(generation)).query(String.class).single();
    }

    UUID jobOf(String generation) {
        List<UUID> job = jdbc.sql("select job_id from ai_generations where id = ?").param(UUID.fromString(generation)).query(UUID.class).list();
        return job.isEmpty() ? null : job.getFirst();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC0FFEE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
