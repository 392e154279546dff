package id.modo.verse.studio.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import id.modo.verse.media.Assets;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.RequiredFfmpeg;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Animatics rendered by the real ffmpeg from moodboard pictures in the real database, read back with ffprobe. */
@IntegrationTest
class AnimaticIntegrationTests {

    private static final Duration RENDER = Duration.ofMinutes(3);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Assets assets;
    Http http;
    StudioFixtures fixtures;
    AnimaticFixtures moodboard;
    StudioFixtures.Studio studio;
    String project;
    String owner;
    String base;

    @BeforeEach
    void project() {
        RequiredFfmpeg.installation();
        http = new Http(port);
        fixtures = new StudioFixtures(http, jdbc);
        moodboard = new AnimaticFixtures(jdbc, assets);
        studio = fixtures.studio("animatic");
        owner = studio.owner().id();
        project = fixtures.project(studio.asOwner(), studio.organizationId(), "Si Kancil Animatic", "team");
        base = "/api/v1/projects/" + project + "/animatics";
    }

    @Test
    void aBeatBecomesAnH264AndAacMp4OfItsPicturesForTheChosenSecondsWithAPoster() throws Exception {
        moodboard.beat(owner, studio.organizationId(), project, 1, "call_to_adventure", 2);

        HttpResponse<String> started = studio.asOwner().postJson(base, """
                {"beat_index": 1, "durations": [2, 3.5], "captions": "burned"}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = Http.json(started).get("job_id").asString();
        JsonNode done = AnimaticFixtures.awaitJob(studio.asOwner(), job, "completed", RENDER);
        assertThat(done.get("kind").asString()).isEqualTo("studio-animatic");
        assertThat(done.get("total").asLong()).isGreaterThanOrEqualTo(5500);

        JsonNode list = Http.json(studio.asOwner().get(base, "application/json"));
        assertThat(list.get("can_render").asBoolean()).isTrue();
        assertThat(list.get("story").isNull()).isTrue();
        JsonNode beat = list.get("beats").get(1);
        assertThat(beat.get("title").asString()).isEqualTo("Call to adventure");
        assertThat(beat.get("picture_count").asInt()).isEqualTo(2);
        JsonNode animatic = beat.get("animatic");
        assertThat(animatic.get("status").asString()).isEqualTo("completed");
        assertThat(animatic.get("job_id").asString()).isEqualTo(job);
        assertThat(animatic.get("duration_seconds").asDouble()).isCloseTo(5.5, within(0.1));
        assertThat(animatic.get("width").asInt()).isEqualTo(1280);
        assertThat(animatic.get("captions_url").isNull()).isTrue();
        assertThat(list.get("beats").get(0).get("animatic").isNull()).isTrue();

        JsonNode probe = AnimaticFixtures.probe(http, animatic.get("video_url").asString());
        JsonNode video = stream(probe, "video");
        assertThat(video.get("codec_name").asString()).isEqualTo("h264");
        assertThat(video.get("pix_fmt").asString()).isEqualTo("yuv420p");
        assertThat(video.get("width").asInt()).isEqualTo(1280);
        assertThat(video.get("height").asInt()).isEqualTo(720);
        assertThat(stream(probe, "audio").get("codec_name").asString()).isEqualTo("aac");
        assertThat(probe.get("format").get("duration").asDouble()).isCloseTo(5.5, within(0.1));

        HttpResponse<byte[]> poster = AnimaticFixtures.bytes(http, animatic.get("poster_url").asString());
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void theStoryJoinsItsBeatsInOrderWithTheSoundCutToTheVideoAndWebVttCues() throws Exception {
        moodboard.beat(owner, studio.organizationId(), project, 3, "meeting_the_mentor", 2);
        moodboard.beat(owner, studio.organizationId(), project, 0, "ordinary_world", 1);
        String sound = moodboard.sound(owner, studio.organizationId(), 10);

        HttpResponse<String> started = studio.asOwner().postJson(base, """
                {"scope": "story", "seconds_per_image": 2, "captions": "webvtt", "audio_asset_id": "%s"}""".formatted(sound));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        AnimaticFixtures.awaitJob(studio.asOwner(), Http.json(started).get("job_id").asString(), "completed", RENDER);

        JsonNode story = Http.json(studio.asOwner().get(base, "application/json")).get("story");
        assertThat(story.get("scope").asString()).isEqualTo("story");
        assertThat(story.get("beat_index").isNull()).isTrue();
        assertThat(story.get("duration_seconds").asDouble()).isCloseTo(6, within(0.1));
        JsonNode probe = AnimaticFixtures.probe(http, story.get("video_url").asString());
        assertThat(stream(probe, "video").get("codec_name").asString()).isEqualTo("h264");
        JsonNode audio = stream(probe, "audio");
        assertThat(audio.get("codec_name").asString()).isEqualTo("aac");
        assertThat(audio.get("duration").asDouble()).as("the 10 s tone is cut to the video").isCloseTo(6, within(0.1));

        HttpResponse<String> cues = studio.asOwner().get(story.get("captions_url").asString(), "text/vtt");
        assertThat(cues.statusCode()).isEqualTo(200);
        assertThat(cues.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vtt");
        assertThat(cues.body()).startsWith("WEBVTT").contains("00:00:00.000 --> 00:00:02.000\nOrdinary world",
                "00:00:02.000 --> 00:00:06.000\nMeeting the mentor");
    }

    @Test
    void aCancelKillsFfmpegAndLeavesNoAssetAndARetryRendersAgain() throws Exception {
        moodboard.beat(owner, studio.organizationId(), project, 2, "refusal_of_the_call", 3);
        HttpResponse<String> started = studio.asOwner().postJson(base, """
                {"beat_index": 2, "seconds_per_image": 10, "captions": "none"}""");
        String job = Http.json(started).get("job_id").asString();
        await().atMost(RENDER).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.json(studio.asOwner().get("/api/v1/jobs/" + job, "application/json")).get("done").asLong() > 0);

        assertThat(studio.asOwner().call("POST", "/api/v1/jobs/" + job + "/cancel", null).statusCode()).isEqualTo(200);
        AnimaticFixtures.awaitJob(studio.asOwner(), job, "cancelled", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("modo-animatic-")));
        JsonNode animatic = Http.json(studio.asOwner().get(base, "application/json")).get("beats").get(2).get("animatic");
        assertThat(animatic.get("status").asString()).isEqualTo("cancelled");
        assertThat(animatic.get("failure_reason").asString()).contains("cancelled");
        assertThat(animatic.get("video_url").isNull()).isTrue();
        assertThat(animaticAssets()).isZero();

        assertThat(studio.asOwner().call("POST", "/api/v1/jobs/" + job + "/retry", null).statusCode()).isEqualTo(200);
        AnimaticFixtures.awaitJob(studio.asOwner(), job, "completed", RENDER);
        animatic = Http.json(studio.asOwner().get(base, "application/json")).get("beats").get(2).get("animatic");
        assertThat(animatic.get("status").asString()).isEqualTo("completed");
        assertThat(animatic.get("duration_seconds").asDouble()).isCloseTo(30, within(0.1));
        assertThat(animaticAssets()).as("the video and its poster").isEqualTo(2);
    }

    @Test
    void nothingToAnimateIsAConflictAndBadSettingsAreNamed() throws Exception {
        HttpResponse<String> empty = studio.asOwner().postJson(base, "{\"beat_index\": 4}");
        assertThat(empty.statusCode()).isEqualTo(409);
        assertThat(Http.json(empty).get("type").asString()).endsWith("/animatic-no-pictures");
        assertThat(Http.json(empty).get("detail").asString()).contains("Beat 4 has no moodboard pictures");
        HttpResponse<String> story = studio.asOwner().postJson(base, "{\"scope\": \"story\"}");
        assertThat(story.statusCode()).isEqualTo(409);

        moodboard.beat(owner, studio.organizationId(), project, 0, "ordinary_world", 2);
        StudioFixtures.Studio other = fixtures.studio("animatic-other");
        String foreignSound = moodboard.sound(other.owner().id(), other.organizationId(), 1);
        assertInvalid("{}", "beat_index");
        assertInvalid("{\"beat_index\": 0, \"durations\": [3]}", "durations");
        assertInvalid("{\"beat_index\": 0, \"durations\": [3, 21]}", "durations[1]");
        assertInvalid("{\"beat_index\": 0, \"seconds_per_image\": 0.5}", "seconds_per_image");
        assertInvalid("{\"beat_index\": 0, \"captions\": \"loud\"}", "captions");
        assertInvalid("{\"scope\": \"story\", \"beat_index\": 0}", "beat_index");
        assertInvalid("{\"beat_index\": 0, \"audio_asset_id\": \"" + foreignSound + "\"}", "audio_asset_id");
        String picture = moodboard.picture(owner, studio.organizationId(), project, 9);
        assertInvalid("{\"beat_index\": 0, \"audio_asset_id\": \"" + picture.substring("/media/".length()) + "\"}", "audio_asset_id");
        assertThat(jdbc.sql("select count(*) from animations where project_id = cast(? as uuid)").param(project).query(Long.class).single())
                .as("nothing refused was recorded").isZero();
    }

    @Test
    void anotherOrganizationSeesNothingAndAViewerMayWatchButNotRender() throws Exception {
        moodboard.beat(owner, studio.organizationId(), project, 0, "ordinary_world", 1);
        Http outsider = http.withBearer(fixtures.studio("animatic-outsider").owner().token());
        assertThat(outsider.get(base, "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.postJson(base, "{\"beat_index\": 0}").statusCode()).isEqualTo(404);

        Users.Signed viewer = fixtures.member(studio, "viewer");
        Http asViewer = http.withBearer(viewer.token());
        HttpResponse<String> seen = asViewer.get(base, "application/json");
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(Http.json(seen).get("can_render").asBoolean()).isFalse();
        assertThat(asViewer.postJson(base, "{\"beat_index\": 0}").statusCode()).isEqualTo(403);

        HttpResponse<String> started = studio.asOwner().postJson(base, "{\"beat_index\": 0, \"seconds_per_image\": 1}");
        String job = Http.json(started).get("job_id").asString();
        String animatic = Http.json(started).get("animatic_id").asString();
        assertThat(asViewer.get("/api/v1/jobs/" + job, "application/json").statusCode()).as("only who may render follows the job")
                .isEqualTo(404);
        assertThat(outsider.get("/api/v1/jobs/" + job, "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.get(base + "/" + animatic + "/captions.vtt", "text/vtt").statusCode()).isEqualTo(404);
        AnimaticFixtures.awaitJob(studio.asOwner(), job, "completed", RENDER);
    }

    private void assertInvalid(String body, String field) {
        HttpResponse<String> refused = studio.asOwner().postJson(base, body);
        assertThat(refused.statusCode()).as(body + " → " + refused.body()).isEqualTo(400);
        assertThat(Http.json(refused).get("errors").get(0).get("field").asString()).as(refused.body()).isEqualTo(field);
    }

    private long animaticAssets() {
        return jdbc.sql("select count(*) from assets where project_id = cast(? as uuid) and category = 'animatic'").param(project)
                .query(Long.class).single();
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode stream : probe.get("streams")) {
            if (type.equals(stream.get("codec_type").asString())) {
                return stream;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }
}
