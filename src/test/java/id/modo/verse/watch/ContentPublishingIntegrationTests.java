package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** An organization publishes contents, seasons and episodes through the real API; other organizations see none of it. */
@IntegrationTest
class ContentPublishingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;

    @BeforeEach
    void studio() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        studio = fixtures.studio("watch");
    }

    @Test
    void aContentIsCreatedWithEveryPublisherFieldAndNothingClientsMayNotSet() {
        var created = studio.asOwner().unchecked().postJson(contents(), """
                {"title":"  Si Kancil dan Buaya ","original_title":"Kancil & Crocodile","type":"movie","genre":"Fable",
                 "sub_genres":["Comedy"],"rating":"PG-13","content_warnings":["mild peril"],"duration_minutes":12,
                 "release_year":2026,"release_date":"2026-12-01","poster_url":"https://cdn.example.id/p.jpg",
                 "cast_list":[{"name":"Raka","role":"Kancil"}],"crew_list":[{"name":"Sari","role":"Director"}],
                 "languages":["id","en"],"visibility":"free","country":"Indonesia",
                 "status":"published","view_count":999,"average_rating":5,"hls_url":"https://evil.example/x.m3u8",
                 "organization_id":"%s"}""".formatted(UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode content = json(created);
        assertThat(content.get("title").asString()).isEqualTo("Si Kancil dan Buaya");
        assertThat(content.get("slug").asString()).isEqualTo("si-kancil-dan-buaya");
        assertThat(content.get("type").asString()).isEqualTo("movie");
        assertThat(content.get("rating").asString()).isEqualTo("PG-13");
        assertThat(content.get("status").asString()).isEqualTo("draft");
        assertThat(content.get("allowed_statuses").toString()).isEqualTo("[\"processing\"]");
        assertThat(content.get("view_count").asInt()).isZero();
        assertThat(content.get("average_rating").isNull()).isTrue();
        assertThat(content.get("hls_url").isNull()).isTrue();
        assertThat(content.get("organization_id").asString()).isEqualTo(studio.organizationId());
        assertThat(content.get("cast_list").get(0).get("role").asString()).isEqualTo("Kancil");
        assertThat(content.get("visibility").asString()).isEqualTo("free");

        String id = content.get("id").asString();
        var patched = studio.asOwner().call("PATCH", contents() + "/" + id, "{\"genre\":\"\",\"languages\":[],\"title\":\"Kancil\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("genre").isNull()).isTrue();
        assertThat(json(patched).get("languages").size()).isZero();
        assertThat(json(patched).get("title").asString()).isEqualTo("Kancil");

        assertThat(studio.asOwner().postJson(contents(), "{\"title\":\"x\",\"type\":\"opera\"}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().postJson(contents(), "{\"title\":\"  \",\"type\":\"movie\"}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().postJson(contents(), "{\"title\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().postJson(contents(), "{\"title\":\"x\",\"type\":\"movie\",\"release_year\":1200}").statusCode())
                .isEqualTo(400);
        assertThat(studio.asOwner().postJson(contents(), "{\"title\":\"x\",\"type\":\"movie\",\"poster_url\":\"javascript:alert(1)\"}")
                .statusCode()).isEqualTo(400);
        var taken = studio.asOwner().postJson(contents(), "{\"title\":\"Other\",\"type\":\"short\",\"slug\":\"si-kancil-dan-buaya\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).get("type").asString()).endsWith("/slug-taken");
        var linked = studio.asOwner().postJson(contents(), "{\"title\":\"x\",\"type\":\"movie\",\"project_id\":\"" + UUID.randomUUID() + "\"}");
        assertThat(linked.statusCode()).isEqualTo(400);
    }

    @Test
    void seasonsAndEpisodesAreNumberedOnceAndCountedByTheModule() {
        String series = create("Petualangan Kancil", "series");
        var season = studio.asOwner().postJson(contents() + "/" + series + "/seasons", "{\"season_number\":1,\"title\":\"Musim 1\"}");
        assertThat(season.statusCode()).as(season.body()).isEqualTo(201);
        var again = studio.asOwner().postJson(contents() + "/" + series + "/seasons", "{\"season_number\":1}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).endsWith("/number-taken");

        for (int n = 1; n <= 3; n++) {
            var episode = studio.asOwner().postJson(contents() + "/" + series + "/episodes",
                    "{\"season_number\":1,\"episode_number\":" + n + ",\"title\":\"Episode " + n + "\"}");
            assertThat(episode.statusCode()).as(episode.body()).isEqualTo(201);
        }
        var duplicate = studio.asOwner().postJson(contents() + "/" + series + "/episodes", "{\"season_number\":1,\"episode_number\":2}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).get("type").asString()).endsWith("/number-taken");
        assertThat(studio.asOwner().postJson(contents() + "/" + series + "/episodes", "{\"season_number\":2,\"episode_number\":1}")
                .statusCode()).isEqualTo(400);

        JsonNode content = json(studio.asOwner().call("GET", contents() + "/" + series, null));
        assertThat(content.get("season_count").asInt()).isEqualTo(1);
        assertThat(content.get("episode_count").asInt()).isEqualTo(3);
        JsonNode seasons = json(studio.asOwner().call("GET", contents() + "/" + series + "/seasons", null));
        assertThat(seasons.get(0).get("episode_count").asInt()).isEqualTo(3);
        assertThat(seasons.get(0).get("episodes").size()).isEqualTo(3);
        String second = seasons.get(0).get("episodes").get(1).get("id").asString();
        assertThat(studio.asOwner().call("DELETE", contents() + "/" + series + "/episodes/" + second, null).statusCode()).isEqualTo(204);
        content = json(studio.asOwner().call("GET", contents() + "/" + series, null));
        assertThat(content.get("episode_count").asInt()).isEqualTo(2);

        String movie = create("Film Kancil", "movie");
        var wrong = studio.asOwner().postJson(contents() + "/" + movie + "/seasons", "{\"season_number\":1}");
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(json(wrong).get("type").asString()).endsWith("/wrong-content-type");
    }

    @Test
    void statusMovesOnlyAlongTheContentsLife() {
        String movie = create("Kancil Status", "movie");
        var skip = studio.asOwner().postJson(contents() + "/" + movie + "/status", "{\"status\":\"published\"}");
        assertThat(skip.statusCode()).isEqualTo(409);
        JsonNode problem = json(skip);
        assertThat(problem.get("type").asString()).endsWith("/illegal-transition");
        assertThat(problem.get("from").asString()).isEqualTo("draft");
        assertThat(problem.get("to").asString()).isEqualTo("published");
        assertThat(problem.get("allowed").toString()).isEqualTo("[\"processing\"]");

        var processing = studio.asOwner().postJson(contents() + "/" + movie + "/status", "{\"status\":\"processing\"}");
        assertThat(processing.statusCode()).isEqualTo(200);
        // Nothing transcoded yet: publishing is refused, not half-done.
        var notReady = studio.asOwner().postJson(contents() + "/" + movie + "/status", "{\"status\":\"published\"}");
        assertThat(notReady.statusCode()).isEqualTo(409);
        assertThat(json(notReady).get("type").asString()).endsWith("/video-not-ready");
        assertThat(studio.asOwner().postJson(contents() + "/" + movie + "/status", "{\"status\":\"gone\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationSeesNoneOfItAndViewersMayNotChangeIt() {
        String series = create("Rahasia", "series");
        StudioFixtures.Studio other = fixtures.studio("watch-other");
        String path = "/api/v1/organizations/" + studio.organizationId() + "/contents";
        List<String[]> calls = List.of(
                new String[] {"GET", path, null},
                new String[] {"POST", path, "{\"title\":\"x\",\"type\":\"movie\"}"},
                new String[] {"GET", path + "/" + series, null},
                new String[] {"PATCH", path + "/" + series, "{\"title\":\"Mine\"}"},
                new String[] {"POST", path + "/" + series + "/status", "{\"status\":\"processing\"}"},
                new String[] {"GET", path + "/" + series + "/seasons", null},
                new String[] {"POST", path + "/" + series + "/seasons", "{\"season_number\":1}"},
                new String[] {"POST", path + "/" + series + "/episodes", "{\"season_number\":1,\"episode_number\":1}"},
                new String[] {"DELETE", path + "/" + series, null});
        for (String[] call : calls) {
            assertThat(other.asOwner().call(call[0], call[1], call[2]).statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
        }
        // Their own organization's path with our content's id is 404 as well.
        String theirs = "/api/v1/organizations/" + other.organizationId() + "/contents/" + series;
        assertThat(other.asOwner().call("GET", theirs, null).statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("DELETE", theirs, null).statusCode()).isEqualTo(404);

        var viewer = fixtures.member(studio, "viewer");
        Http asViewer = new Http(port).withBearer(viewer.token());
        assertThat(asViewer.call("GET", path + "/" + series, null).statusCode()).isEqualTo(200);
        assertThat(asViewer.call("PATCH", path + "/" + series, "{\"title\":\"Mine\"}").statusCode()).isEqualTo(403);
        assertThat(asViewer.call("DELETE", path + "/" + series, null).statusCode()).isEqualTo(403);
        assertThat(studio.asOwner().call("DELETE", path + "/" + series, null).statusCode()).isEqualTo(204);
        assertThat(studio.asOwner().call("GET", path + "/" + series, null).statusCode()).isEqualTo(404);
    }

    private String create(String title, String type) {
        var created = studio.asOwner().postJson(contents(), "{\"title\":\"" + title + "\",\"type\":\"" + type + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private String contents() {
        return "/api/v1/organizations/" + studio.organizationId() + "/contents";
    }
}
