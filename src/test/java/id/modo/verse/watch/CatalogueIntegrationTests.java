package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The fan side through the real API: the catalogue lists only published titles, progress, continue watching, the watchlist. */
@IntegrationTest
class CatalogueIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    StudioFixtures.Studio studio;
    Http fan;

    @BeforeEach
    void studio() {
        Http http = new Http(port);
        studio = new StudioFixtures(http, jdbc).studio("catalogue");
        fan = http.withBearer(new Users(http).signUpAndIn("fan").token());
    }

    @Test
    void theCatalogueListsPublishedTitlesOnlyAndSearchesTheirTitles() {
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String published = publishedMovie("Kancil " + word + " Pulang", "free");
        String draft = create("Kancil " + word + " Draft", "movie");
        JsonNode found = json(fan.call("GET", "/api/v1/contents?q=" + word.toLowerCase() + "&limit=10", null));
        assertThat(found.get("items").size()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(published);
        assertThat(fan.call("GET", "/api/v1/contents/" + published, null).statusCode()).isEqualTo(200);
        assertThat(fan.call("GET", "/api/v1/contents/" + draft, null).statusCode()).isEqualTo(404);
        assertThat(studio.asOwner().call("GET", "/api/v1/contents/" + draft, null).statusCode()).isEqualTo(200);
        assertThat(fan.call("GET", "/api/v1/contents?q=%25", null).statusCode()).isEqualTo(200);
        assertThat(fan.call("GET", "/api/v1/contents?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(fan.call("GET", "/api/v1/contents?cursor=nonsense", null).statusCode()).isEqualTo(400);
    }

    @Test
    void progressIsKeptByTheResumeRulesAndFeedsContinueWatching() {
        String movie = publishedMovie("Kancil Resume", "free");
        var report = fan.postJson("/api/v1/me/watch-history",
                "{\"content_id\":\"" + movie + "\",\"position_seconds\":600,\"duration_seconds\":1200,\"device_type\":\"web\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(json(report).get("position_seconds").asInt()).isEqualTo(600);
        // The same report again changes nothing; one row.
        fan.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + movie + "\",\"position_seconds\":600,\"duration_seconds\":1200}");
        assertThat(jdbc.sql("select count(*) from watch_history where content_id = cast(? as uuid)").param(movie).query(Integer.class).single())
                .isEqualTo(1);
        JsonNode continuing = json(fan.call("GET", "/api/v1/me/continue-watching", null));
        assertThat(continuing.get("items").get(0).get("content_id").asString()).isEqualTo(movie);
        assertThat(continuing.get("items").get(0).get("position_seconds").asInt()).isEqualTo(600);

        var finished = fan.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + movie + "\",\"position_seconds\":1150,\"duration_seconds\":1200}");
        assertThat(json(finished).get("completed").asBoolean()).isTrue();
        assertThat(json(fan.call("GET", "/api/v1/me/continue-watching", null)).get("items").size()).isZero();

        String premium = publishedMovie("Kancil Premium", "premium");
        assertThat(fan.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + premium + "\",\"position_seconds\":1,\"duration_seconds\":10}")
                .statusCode()).isEqualTo(403);
        String draft = create("Kancil Hidden", "movie");
        assertThat(fan.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + draft + "\",\"position_seconds\":1,\"duration_seconds\":10}")
                .statusCode()).isEqualTo(404);
        assertThat(fan.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + movie + "\",\"position_seconds\":-1,\"duration_seconds\":10}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theWatchlistAddsAndRemovesIdempotently() {
        String movie = publishedMovie("Kancil List", "subscribers");
        assertThat(fan.call("PUT", "/api/v1/me/watchlist/" + movie, null).statusCode()).isEqualTo(204);
        assertThat(fan.call("PUT", "/api/v1/me/watchlist/" + movie, null).statusCode()).isEqualTo(204);
        JsonNode list = json(fan.call("GET", "/api/v1/me/watchlist", null));
        assertThat(list.get("items").size()).isEqualTo(1);
        assertThat(json(fan.call("GET", "/api/v1/contents/" + movie, null)).get("in_watchlist").asBoolean()).isTrue();
        assertThat(json(fan.call("GET", "/api/v1/contents/" + movie, null)).get("playable").asBoolean()).isFalse();
        assertThat(fan.call("DELETE", "/api/v1/me/watchlist/" + movie, null).statusCode()).isEqualTo(204);
        assertThat(fan.call("DELETE", "/api/v1/me/watchlist/" + movie, null).statusCode()).isEqualTo(204);
        assertThat(json(fan.call("GET", "/api/v1/me/watchlist", null)).get("items").size()).isZero();
        assertThat(fan.call("PUT", "/api/v1/me/watchlist/" + create("Kancil Secret", "movie"), null).statusCode()).isEqualTo(404);
    }

    /** A movie made through the API and published as if its video were transcoded (the transcoding has its own test). */
    private String publishedMovie(String title, String visibility) {
        String id = create(title, "movie");
        jdbc.sql("update contents set status = 'published', published_at = now(), visibility = ? where id = cast(? as uuid)")
                .params(visibility, id).update();
        return id;
    }

    private String create(String title, String type) {
        var created = studio.asOwner().postJson("/api/v1/organizations/" + studio.organizationId() + "/contents",
                "{\"title\":\"" + title + "\",\"type\":\"" + type + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }
}
