package id.modo.verse.studio.animatic;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.ai.VideoWire;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A beat's AI video in the running app, with the platform's OpenAI key pointed at the local server that answers as
 * OpenAI's Videos API documents. The properties are the AI gateway tests', so they share one application context.
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
class BeatVideoIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    Http owner;
    String project;
    String marker;
    String videoId;

    @BeforeEach
    void project() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        studio = fixtures.studio("beat-video");
        owner = studio.asOwner();
        project = fixtures.project(owner, studio.organizationId(), "Kancil", "team");
        marker = "marker-" + UUID.randomUUID();
        videoId = "video_" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> beats = owner.call("PUT", "/api/v1/projects/" + project + "/story/beats",
                "{\"base_version\":0,\"structure\":\"cat\",\"beats\":{\"catalyst\":\"The dry season empties the orchard " + marker + "\"}}");
        assertThat(beats.statusCode()).as(beats.body()).isEqualTo(200);
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void aBeatsVideoIsMadeFromItsBeatMoodboardAndSettingsShownWithAPlayerChargedOnceAndDiscarded() {
        stub(create().willReturn(okJson(VideoWire.video(videoId, "queued", 0, "4"))));
        stub(get(urlEqualTo("/v1/videos/" + videoId)).willReturn(okJson(VideoWire.video(videoId, "completed", 100, "4"))));
        stub(get(urlEqualTo("/v1/videos/" + videoId + "/content")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(VideoWire.mp4())));
        HttpResponse<String> item = owner.postJson("/api/v1/projects/" + project + "/moodboard/items",
                "{\"beat_key\":\"catalyst\",\"ai_prompt\":\"Cracked red mud under a white sky\",\"animation_style\":\"cartoon\","
                        + "\"color_mood\":\"dusty orange\"}");
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
        assertThat(owner.call("PUT", "/api/v1/projects/" + project + "/ai/settings",
                "{\"tone\":\"warm and witty\",\"audience\":\"children 6-10\",\"language\":\"id\"}").statusCode()).isEqualTo(200);

        JsonNode offer = json(owner.get(videos(), "application/json"));
        assertThat(offer.get("can_generate").asBoolean()).isTrue();
        assertThat(offer.get("configured").asBoolean()).isTrue();
        assertThat(offer.get("lengths").toString()).isEqualTo("[{\"seconds\":4,\"credits\":40},{\"seconds\":8,\"credits\":80},"
                + "{\"seconds\":12,\"credits\":120}]");

        HttpResponse<String> started = owner.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":4}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode generating = json(started);
        assertThat(generating.get("status").asString()).isEqualTo("generating");
        assertThat(generating.get("credits_price").asInt()).isEqualTo(40);
        String id = generating.get("id").asString();
        JsonNode done = waitFor(id, video -> !"generating".equals(video.get("status").asString()));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("credits_charged").asInt()).isEqualTo(40);
        assertThat(owner.get(done.get("video_url").asString(), "video/*").statusCode()).isEqualTo(200);
        String sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/videos")).withRequestBody(containing(marker))).getFirst().getBodyAsString();
        assertThat(sent).contains("Catalyst: The dry season empties the orchard", "Cracked red mud under a white sky", "cartoon, dusty orange",
                "Tone: warm and witty", "Audience: children 6-10", "Bahasa Indonesia", "Length: 4 seconds.", "1280x720");
        UUID asset = UUID.fromString(done.get("asset_id").asString());
        assertThat(jdbc.sql("select organization_id from assets where id = ?").param(asset).query(UUID.class).single())
                .isEqualTo(UUID.fromString(studio.organizationId()));

        assertThat(owner.call("DELETE", videos() + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(owner.get(videos() + "/" + id, "application/json").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from assets where id = ?").param(asset).query(Integer.class).single()).isZero();
    }

    @Test
    void aVideoTheProviderCouldNotMakeIsFailedWithItsReasonAndNothingCharged() {
        stub(create().willReturn(okJson(VideoWire.video(videoId, "queued", 0, "4"))));
        stub(get(urlEqualTo("/v1/videos/" + videoId)).willReturn(okJson(VideoWire.failed(videoId, "moderation_blocked",
                "The request was blocked by our moderation system."))));

        String id = json(owner.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":4}")).get("id").asString();

        JsonNode done = waitFor(id, video -> !"generating".equals(video.get("status").asString()));
        assertThat(done.get("status").asString()).isEqualTo("failed");
        assertThat(done.get("error_message").asString()).contains("moderation");
        assertThat(done.get("credits_charged").asInt()).isZero();
        assertThat(done.get("video_url").isNull()).isTrue();
    }

    @Test
    void oneVideoPerBeatAtATimeAndCancellingReleasesTheHold() {
        stub(create().willReturn(okJson(VideoWire.video(videoId, "queued", 0, "8"))));
        stub(get(urlEqualTo("/v1/videos/" + videoId)).willReturn(okJson(VideoWire.video(videoId, "in_progress", 25, "8"))));

        JsonNode started = json(owner.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":8}"));
        assertThat(owner.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":4}").statusCode()).as("one at a time").isEqualTo(409);
        UUID generation = UUID.fromString(started.get("generation_id").asString());
        awaitTrue(() -> jdbc.sql("select provider_job_id from ai_generations where id = ?").param(generation).query(String.class).optional().isPresent());

        HttpResponse<String> cancelled = owner.postJson(videos() + "/" + started.get("id").asString() + "/cancel", "");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("cancelled");
        assertThat(json(cancelled).get("credits_charged").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from credit_reservations where reference_id = ? and status = 'held'")
                .param(generation.toString()).query(Integer.class).single()).isZero();
        assertThat(owner.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":4}").statusCode()).isEqualTo(202);
    }

    @Test
    void othersGetA404AViewerMayWatchButNotMakeAndBadInputIsA400() {
        Users.Signed viewer = fixtures.member(studio, "viewer");
        Http asViewer = new Http(port).withBearer(viewer.token());
        Http outsider = fixtures.studio("beat-video-outsider").asOwner();

        assertThat(outsider.get(videos(), "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":4}").statusCode()).isEqualTo(404);
        JsonNode seen = json(asViewer.get(videos(), "application/json"));
        assertThat(seen.get("can_generate").asBoolean()).isFalse();
        assertThat(seen.get("lengths").isEmpty()).isTrue();
        assertThat(asViewer.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":4}").statusCode()).isEqualTo(403);

        HttpResponse<String> unknownBeat = owner.postJson(videos(), "{\"beat_key\":\"no-such-beat\",\"seconds\":4}");
        assertThat(unknownBeat.statusCode()).isEqualTo(400);
        assertThat(unknownBeat.body()).contains("beat_key");
        HttpResponse<String> badLength = owner.postJson(videos(), "{\"beat_key\":\"catalyst\",\"seconds\":5}");
        assertThat(badLength.statusCode()).isEqualTo(400);
        assertThat(badLength.body()).contains("seconds", "4, 8, 12");
        assertThat(owner.postJson(videos(), "{\"beat_key\":\"catalyst\"}").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from ai_generations where project_id = ?").param(UUID.fromString(project))
                .query(Integer.class).single()).isZero();
    }

    private String videos() {
        return "/api/v1/projects/" + project + "/animatics/ai-videos";
    }

    private MappingBuilder create() {
        return post(urlEqualTo("/v1/videos")).withRequestBody(containing(marker));
    }

    private void stub(MappingBuilder stub) {
        stubs.add(providers.stubFor(stub));
    }

    private JsonNode waitFor(String id, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode now = json(owner.get(videos() + "/" + id, "application/json"));
            if (done.test(now)) {
                return now;
            }
            assertThat(Instant.now()).as("waited 90 s for " + now).isBefore(deadline);
            pause();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 90 s").isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
