package id.modo.verse.studio.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.modo.verse.identity.UserId;
import id.modo.verse.media.Assets;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.RequiredFfmpeg;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The demo's story animatic, on a project whose moodboard rows the test writes (the moodboard demo is another part's). */
@IntegrationTest
class AnimaticDemoIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Assets assets;
    @Autowired
    AnimaticDemo demo;

    @Test
    void theDemoRendersTheStoryFromTheBeatsThatHavePicturesAndWaitsForNoneWhenThereAreNone() throws Exception {
        RequiredFfmpeg.installation();
        Http http = new Http(port);
        StudioFixtures fixtures = new StudioFixtures(http, jdbc);
        StudioFixtures.Studio studio = fixtures.studio("animatic-demo");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Si Kancil", "public");
        UserId owner = UserId.of(UUID.fromString(studio.owner().id()));

        assertThat(demo.renderStory(owner, ProjectId.of(UUID.fromString(project)), Duration.ZERO)).isEmpty();
        assertThat(jdbc.sql("select count(*) from animations where project_id = cast(? as uuid)").param(project).query(Long.class).single())
                .isZero();

        AnimaticFixtures moodboard = new AnimaticFixtures(jdbc, assets);
        moodboard.beat(studio.owner().id(), studio.organizationId(), project, 0, "ordinary_world", 1);
        moodboard.beat(studio.owner().id(), studio.organizationId(), project, 5, "crossing_the_threshold", 1);
        var started = demo.renderStory(owner, ProjectId.of(UUID.fromString(project)), Duration.ofSeconds(1)).orElseThrow();
        AnimaticFixtures.awaitJob(studio.asOwner(), started.job().id().toString(), "completed", Duration.ofMinutes(3));

        JsonNode story = Http.json(studio.asOwner().get("/api/v1/projects/" + project + "/animatics", "application/json")).get("story");
        assertThat(story.get("status").asString()).isEqualTo("completed");
        assertThat(story.get("captions").asString()).isEqualTo("burned");
        assertThat(story.get("duration_seconds").asDouble()).as("two pictures of 3 s").isCloseTo(6, within(0.1));
        assertThat(AnimaticFixtures.probe(http, story.get("video_url").asString()).get("format").get("duration").asDouble())
                .isCloseTo(6, within(0.1));
    }
}
