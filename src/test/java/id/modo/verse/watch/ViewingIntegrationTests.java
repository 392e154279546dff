package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** View counts (once per viewer, title and day) and Next Up through the real API. */
@IntegrationTest
class ViewingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    StudioFixtures.Studio studio;
    Http http;
    Http fan;

    @BeforeEach
    void studio() {
        http = new Http(port);
        studio = new StudioFixtures(http, jdbc).studio("viewing");
        fan = http.withBearer(new Users(http).signUpAndIn("viewer").token());
    }

    @Test
    void aViewCountsOncePerViewerAndDayNotPerReport() {
        Series series = publishedSeries("Kancil Counted", 2);
        for (int position : new int[] {0, 60, 120, 120}) {
            assertThat(report(fan, series.id(), series.episodes().get(0), position, 1200).statusCode()).isEqualTo(200);
        }
        // Another episode of the same title the same day is the same view.
        report(fan, series.id(), series.episodes().get(1), 30, 1200);
        assertThat(views(series.id())).isEqualTo(1);
        Http second = http.withBearer(new Users(http).signUpAndIn("viewer2").token());
        report(second, series.id(), series.episodes().get(0), 10, 1200);
        report(second, series.id(), series.episodes().get(0), 20, 1200);
        assertThat(views(series.id())).isEqualTo(2);
        // A refused report counts nothing.
        assertThat(report(fan, series.id(), series.episodes().get(0), -1, 1200).statusCode()).isEqualTo(400);
        assertThat(views(series.id())).isEqualTo(2);
        // Yesterday's view is another day's: today's still counts once.
        Users.Signed thirdUser = new Users(http).signUpAndIn("viewer3");
        Http third = http.withBearer(thirdUser.token());
        String thirdId = thirdUser.id();
        jdbc.sql("insert into content_views (content_id, user_id, view_date) values (cast(? as uuid), cast(? as uuid), current_date - 1)")
                .params(series.id(), thirdId).update();
        report(third, series.id(), series.episodes().get(0), 10, 1200);
        assertThat(views(series.id())).isEqualTo(3);
    }

    @Test
    void reportsOfAMovieSentAtOnceKeepOneRowAndOneView() throws Exception {
        String movie = publishedMovie("Kancil Sekali");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int position = 600 + i;
                sent.add(pool.submit(() -> fan.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + movie
                        + "\",\"position_seconds\":" + position + ",\"duration_seconds\":3600}").statusCode()));
            }
            for (Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from watch_history where content_id = cast(? as uuid)").param(movie).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(views(movie)).isEqualTo(1);
    }

    @Test
    void deletingEpisodesTakesTheirHistoryWithThem() {
        Series series = publishedSeries("Kancil Dihapus", 2);
        for (String episode : series.episodes()) {
            assertThat(report(fan, series.id(), episode, 60, 1200).statusCode()).isEqualTo(200);
            assertThat(studio.asOwner().call("DELETE", "/api/v1/organizations/" + studio.organizationId() + "/contents/" + series.id()
                    + "/episodes/" + episode, null).statusCode()).isEqualTo(204);
        }
        assertThat(jdbc.sql("select count(*) from watch_history where content_id = cast(? as uuid)").param(series.id()).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void nextUpOffersTheEpisodeAfterTheLastPlayedAndDropsFinishedAndStaleSeries() {
        Series series = publishedSeries("Kancil Next", 3);
        assertThat(nextUp(fan)).isEmpty();
        // Started, not finished: that is continue watching, not next up.
        report(fan, series.id(), series.episodes().get(0), 600, 1200);
        assertThat(nextUp(fan)).isEmpty();
        report(fan, series.id(), series.episodes().get(0), 1199, 1200);
        assertThat(nextUp(fan)).containsExactly(series.id() + " S1E2");
        report(fan, series.id(), series.episodes().get(1), 1199, 1200);
        // Rewatching episode 1 does not send the viewer back.
        report(fan, series.id(), series.episodes().get(0), 1199, 1200);
        assertThat(nextUp(fan)).containsExactly(series.id() + " S1E3");

        Series other = publishedSeries("Kancil Other", 2);
        report(fan, other.id(), other.episodes().get(0), 1199, 1200);
        assertThat(nextUp(fan)).as("most recently watched first").containsExactly(other.id() + " S1E2", series.id() + " S1E3");

        report(fan, series.id(), series.episodes().get(2), 1199, 1200);
        assertThat(nextUp(fan)).as("a finished series drops out").containsExactly(other.id() + " S1E2");

        jdbc.sql("update watch_history set watched_at = now() - interval '366 days' where content_id = cast(? as uuid)").param(other.id()).update();
        assertThat(nextUp(fan)).as("nothing older than a year").isEmpty();

        Http stranger = http.withBearer(new Users(http).signUpAndIn("stranger").token());
        assertThat(nextUp(stranger)).isEmpty();
        assertThat(fan.call("GET", "/api/v1/me/next-up?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(fan.call("GET", "/api/v1/me/next-up?limit=101", null).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnpublishedSeriesLeavesNextUp() {
        Series series = publishedSeries("Kancil Withdrawn", 2);
        report(fan, series.id(), series.episodes().get(0), 1199, 1200);
        assertThat(nextUp(fan)).containsExactly(series.id() + " S1E2");
        jdbc.sql("update contents set status = 'archived' where id = cast(? as uuid)").param(series.id()).update();
        assertThat(nextUp(fan)).isEmpty();
    }

    private List<String> nextUp(Http who) {
        var answer = who.call("GET", "/api/v1/me/next-up", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        for (JsonNode item : json(answer).get("items")) {
            items.add(item.get("content_id").asString() + " S" + item.get("season_number").asInt() + "E" + item.get("episode_number").asInt());
        }
        return items;
    }

    private java.net.http.HttpResponse<String> report(Http who, String content, String episode, int position, int duration) {
        return who.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + content + "\",\"episode_id\":\"" + episode
                + "\",\"position_seconds\":" + position + ",\"duration_seconds\":" + duration + "}");
    }

    private int views(String content) {
        return jdbc.sql("select view_count from contents where id = cast(? as uuid)").param(content).query(Integer.class).single();
    }

    private String publishedMovie(String title) {
        var created = studio.asOwner().postJson("/api/v1/organizations/" + studio.organizationId() + "/contents",
                "{\"title\":\"" + title + "\",\"type\":\"movie\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        jdbc.sql("update contents set status = 'published', published_at = now(), visibility = 'free' where id = cast(? as uuid)").param(id).update();
        return id;
    }

    private record Series(String id, List<String> episodes) {
    }

    private Series publishedSeries(String title, int episodes) {
        String contents = "/api/v1/organizations/" + studio.organizationId() + "/contents";
        var created = studio.asOwner().postJson(contents, "{\"title\":\"" + title + "\",\"type\":\"series\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(studio.asOwner().postJson(contents + "/" + id + "/seasons", "{\"season_number\":1}").statusCode()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= episodes; n++) {
            var episode = studio.asOwner().postJson(contents + "/" + id + "/episodes", "{\"season_number\":1,\"episode_number\":" + n + "}");
            assertThat(episode.statusCode()).as(episode.body()).isEqualTo(201);
            ids.add(json(episode).get("id").asString());
        }
        jdbc.sql("update contents set status = 'published', published_at = now(), visibility = 'free' where id = cast(? as uuid)").param(id).update();
        return new Series(id, ids);
    }
}
