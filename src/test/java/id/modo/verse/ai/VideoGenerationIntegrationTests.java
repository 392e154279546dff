package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.modo.verse.ai.GenerationApiIntegrationTests.organizationOf;
import static id.modo.verse.ai.GenerationApiIntegrationTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A beat video through the gateway in the running app, with the platform's OpenAI key pointed at the local server that
 * answers as OpenAI's Videos API documents: the create answers a queued video, the retrieve follows it to completed or
 * failed, the content is the MP4. The seeded sora-2 makes 4, 8 or 12 seconds at 10 credits a second, so a 4-second
 * video holds and costs 40 credits. Each test's prompt carries its own marker and its own video id.
 */
@AiGatewayTest
class VideoGenerationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    Http owner;
    String org;
    String marker;
    String videoId;

    @BeforeEach
    void organization() {
        Http http = new Http(port);
        owner = http.withBearer(new Users(http).signUpAndIn("ai-video").token());
        org = organizationOf(owner);
        marker = "marker-" + UUID.randomUUID();
        videoId = "video_" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void aVideoIsFollowedToCompletedStoredAsAnMp4AndChargedOnce() {
        stub(create().willReturn(okJson(VideoWire.video(videoId, "queued", 0, "4"))));
        String scenario = "video " + videoId;
        stub(get(urlEqualTo("/v1/videos/" + videoId)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(VideoWire.video(videoId, "in_progress", 40, "4"))).willSetStateTo("done"));
        stub(get(urlEqualTo("/v1/videos/" + videoId)).inScenario(scenario).whenScenarioStateIs("done")
                .willReturn(okJson(VideoWire.video(videoId, "completed", 100, "4"))));
        stub(get(urlEqualTo("/v1/videos/" + videoId + "/content")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(VideoWire.mp4())));
        int before = balance().available();

        HttpResponse<String> started = owner.postJson(generations(), video("4"));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Http.json(started).get("id").asString();
        assertThat(Http.json(started).get("credits_price").asInt()).isEqualTo(40);
        JsonNode done = ended(id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("credits_charged").asInt()).isEqualTo(40);
        assertThat(done.get("provider").asString()).isEqualTo("openai");
        assertThat(done.get("model").asString()).isEqualTo("sora-2");
        assertThat(balance().available()).isEqualTo(before - 40);
        assertThat(balance().held()).isZero();
        UUID asset = UUID.fromString(done.get("result_asset_id").asString());
        assertThat(jdbc.sql("select mime_type from assets where id = ? and organization_id = ?").params(asset, UUID.fromString(org))
                .query(String.class).single()).isEqualTo("video/mp4");
        Map<String, Object> usage = usage(id);
        assertThat(usage).containsEntry("status", "success").containsEntry("endpoint", "beat_video").containsEntry("model", "sora-2")
                .containsEntry("credits_used", 40);
        assertThat(usage.get("cost_usd").toString()).isEqualTo("0.400000");
        assertThat(jdbc.sql("select provider_job_id from ai_generations where id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo(videoId);
        // One video asked for, with the documented fields, and followed until it was made.
        var created = providers.findAll(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(containing(marker)));
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + AiGatewayTest.OPENAI_KEY);
        assertThat(created.getFirst().getBodyAsString()).contains("name=\"model\"", "sora-2", "name=\"seconds\"", "name=\"size\"", "1280x720",
                "Length: 4 seconds.");
        assertThat(providers.findAll(getRequestedFor(urlEqualTo("/v1/videos/" + videoId)))).hasSize(2);
        assertThat(providers.findAll(getRequestedFor(urlEqualTo("/v1/videos/" + videoId + "/content")))).hasSize(1);
    }

    @Test
    void aVideoTheProviderCouldNotMakeFailsWithItsReasonAndTheHoldComesBack() {
        stub(create().willReturn(okJson(VideoWire.video(videoId, "queued", 0, "4"))));
        stub(get(urlEqualTo("/v1/videos/" + videoId)).willReturn(okJson(VideoWire.failed(videoId, "moderation_blocked",
                "The request was blocked by our moderation system."))));
        int before = balance().available();

        String id = Http.json(owner.postJson(generations(), video("4"))).get("id").asString();

        JsonNode done = ended(id);
        assertThat(done.get("status").asString()).isEqualTo("failed");
        assertThat(done.get("error").asString()).contains("blocked by our moderation system", "moderation_blocked");
        assertThat(done.get("credits_charged").asInt()).isZero();
        assertThat(balance().available()).isEqualTo(before);
        assertThat(balance().held()).isZero();
        assertThat(usage(id)).containsEntry("status", "error").containsEntry("credits_used", 0);
        assertThat(providers.findAll(getRequestedFor(urlEqualTo("/v1/videos/" + videoId + "/content")))).isEmpty();
    }

    @Test
    void aRefusedOrFailingCreateChargesNothing() {
        stub(create(marker + "-refused").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(VideoWire.error("Invalid value for seconds.", "seconds"))));
        stub(create(marker + "-down").willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(OpenAiWire.SERVER_ERROR)));
        int before = balance().available();

        String refused = Http.json(owner.postJson(generations(), video(marker + "-refused", "4"))).get("id").asString();
        String down = Http.json(owner.postJson(generations(), video(marker + "-down", "4"))).get("id").asString();

        JsonNode refusedDone = ended(refused);
        assertThat(refusedDone.get("status").asString()).isEqualTo("failed");
        assertThat(refusedDone.get("error").asString()).contains("400");
        JsonNode downDone = ended(down);
        assertThat(downDone.get("status").asString()).isEqualTo("failed");
        assertThat(downDone.get("error").asString()).contains("500");
        // The chain tried the 500 again (two attempts), the 400 once.
        assertThat(providers.findAll(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(containing(marker + "-down")))).hasSize(2);
        assertThat(providers.findAll(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(containing(marker + "-refused")))).hasSize(1);
        assertThat(balance().available()).isEqualTo(before);
        assertThat(balance().held()).isZero();
    }

    @Test
    void cancellingAVideoBeingMadeEndsItLocallyAndReleasesTheHold() {
        stub(create().willReturn(okJson(VideoWire.video(videoId, "queued", 0, "4"))));
        stub(get(urlEqualTo("/v1/videos/" + videoId)).willReturn(okJson(VideoWire.video(videoId, "in_progress", 10, "4"))));
        int before = balance().available();

        String id = Http.json(owner.postJson(generations(), video("4"))).get("id").asString();
        waitFor(() -> jdbc.sql("select provider_job_id from ai_generations where id = ?").param(UUID.fromString(id))
                .query(String.class).optional().isPresent());
        assertThat(balance().held()).isEqualTo(40);

        HttpResponse<String> cancelled = owner.postJson("/api/v1/ai/generations/" + id + "/cancel", "");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Http.json(cancelled).get("status").asString()).isEqualTo("cancelled");
        assertThat(balance().available()).isEqualTo(before);
        assertThat(balance().held()).isZero();
        assertThat(usage(id)).containsEntry("status", "cancelled").containsEntry("credits_used", 0);
        assertThat(providers.findAll(getRequestedFor(urlEqualTo("/v1/videos/" + videoId + "/content")))).isEmpty();
    }

    @Test
    void aLengthTheVideoModelsDoNotMakeIsA400WithTheLengthsTheyDo() {
        int before = balance().available();

        HttpResponse<String> refused = owner.postJson(generations(), video("5"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = Http.json(refused);
        assertThat(problem.get("errors").toString()).contains("input.seconds", "4, 8, 12");
        assertThat(problem.get("allowed_seconds").toString()).isEqualTo("[4,8,12]");
        assertThat(owner.postJson(generations(), "{\"type\":\"beat_video\",\"input\":{\"prompt\":\"x\",\"seconds\":\"4\",\"size\":\"wide\"}}")
                .statusCode()).isEqualTo(400);
        assertThat(balance().available()).isEqualTo(before);
        assertThat(providers.findAll(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(containing(marker)))).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    MappingBuilder create() {
        return create(marker);
    }

    MappingBuilder create(String text) {
        return post(urlEqualTo("/v1/videos")).withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY))
                .withRequestBody(containing(text));
    }

    void stub(MappingBuilder stub) {
        stubs.add(providers.stubFor(stub));
    }

    String generations() {
        return "/api/v1/organizations/" + org + "/ai/generations";
    }

    String video(String seconds) {
        return video(marker, seconds);
    }

    static String video(String prompt, String seconds) {
        return "{\"type\":\"beat_video\",\"input\":{\"prompt\":\"A mouse-deer at the river " + prompt + "\",\"seconds\":\"" + seconds
                + "\",\"size\":\"1280x720\"}}";
    }

    JsonNode ended(String id) {
        waitFor(() -> GenerationStatus.of(jdbc.sql("select status from ai_generations where id = ?").param(UUID.fromString(id))
                .query(String.class).single()).terminal());
        return Http.json(owner.get("/api/v1/ai/generations/" + id, "application/json"));
    }

    CreditLedger.Balances balance() {
        return ledger.balances(OrganizationId.of(UUID.fromString(org)));
    }

    Map<String, Object> usage(String generation) {
        return jdbc.sql("select * from ai_usage_logs where request_metadata ->> 'generation_id' = ?").param(generation)
                .query().singleRow();
    }
}
