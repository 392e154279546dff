package id.modo.verse.watch;

import id.modo.verse.identity.UserId;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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

/** Ratings, reviews and helpful votes through the real API, and the title's average kept exact under concurrent votes. */
@IntegrationTest
class RatingsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ratings ratings;
    StudioFixtures.Studio studio;
    Http http;
    Http fan;

    @BeforeEach
    void studio() {
        http = new Http(port);
        studio = new StudioFixtures(http, jdbc).studio("ratings");
        fan = http.withBearer(new Users(http).signUpAndIn("rater").token());
    }

    @Test
    void aFanRatesEditsAndRemovesTheirRatingAndTheAverageFollows() {
        String movie = publishedMovie("Kancil Rated");
        Http other = http.withBearer(new Users(http).signUpAndIn("rater2").token());
        var rated = fan.call("PUT", ratingsOf(movie) + "/mine", "{\"rating\":4,\"review\":\"**Lucu** sekali <script>x</script>\"}");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(json(rated).get("review_html").asString()).contains("<strong>Lucu</strong>").doesNotContain("<script>");
        assertThat(other.call("PUT", ratingsOf(movie) + "/mine", "{\"rating\":1}").statusCode()).isEqualTo(200);
        assertThat(summary(movie)).isEqualTo("2.50/2");

        // Sending it again replaces the rating: still one per fan.
        assertThat(fan.call("PUT", ratingsOf(movie) + "/mine", "{\"rating\":5,\"review\":\"Better the second time\"}").statusCode()).isEqualTo(200);
        assertThat(summary(movie)).isEqualTo("3.00/2");
        JsonNode list = json(other.call("GET", ratingsOf(movie), null));
        assertThat(list.get("items").size()).isEqualTo(2);
        assertThat(list.get("items").findValuesAsString("review")).contains("Better the second time");
        assertThat(json(fan.call("GET", ratingsOf(movie) + "/mine", null)).get("rating").asInt()).isEqualTo(5);
        JsonNode detail = json(fan.call("GET", "/api/v1/contents/" + movie, null));
        assertThat(detail.get("rating_count").asInt()).isEqualTo(2);
        assertThat(detail.get("average_rating").decimalValue()).isEqualByComparingTo("3.00");

        JsonNode page = json(other.call("GET", ratingsOf(movie) + "?limit=1", null));
        assertThat(page.get("items").size()).isEqualTo(1);
        JsonNode rest = json(other.call("GET", ratingsOf(movie) + "?limit=1&cursor=" + page.get("next_cursor").asString(), null));
        assertThat(rest.get("items").get(0).get("id").asString()).isNotEqualTo(page.get("items").get(0).get("id").asString());

        assertThat(fan.call("DELETE", ratingsOf(movie) + "/mine", null).statusCode()).isEqualTo(204);
        assertThat(fan.call("DELETE", ratingsOf(movie) + "/mine", null).statusCode()).isEqualTo(204);
        assertThat(summary(movie)).isEqualTo("1.00/1");
        assertThat(fan.call("GET", ratingsOf(movie) + "/mine", null).statusCode()).isEqualTo(404);
        assertThat(other.call("DELETE", ratingsOf(movie) + "/mine", null).statusCode()).isEqualTo(204);
        assertThat(summary(movie)).isEqualTo("null/0");
    }

    @Test
    void badRatingsAreRefusedNamingTheField() {
        String movie = publishedMovie("Kancil Bad Input");
        for (String body : List.of("{\"rating\":0}", "{\"rating\":6}", "{}", "{\"rating\":\"five\"}")) {
            var refused = fan.call("PUT", ratingsOf(movie) + "/mine", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(json(refused).get("errors").get(0).get("field").asString()).as(body).isEqualTo("rating");
        }
        var tooLong = fan.call("PUT", ratingsOf(movie) + "/mine", "{\"rating\":3,\"review\":\"" + "a".repeat(5001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("review");
        assertThat(fan.call("GET", ratingsOf(movie) + "?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(fan.call("GET", ratingsOf(movie) + "?cursor=nonsense", null).statusCode()).isEqualTo(400);
        assertThat(summary(movie)).isEqualTo("null/0");
    }

    @Test
    void onlyPublishedTitlesTheFanMaySeeTakeRatings() {
        String draft = create("Kancil Unreleased");
        for (String path : List.of(ratingsOf(draft), ratingsOf(draft) + "/mine", ratingsOf(UUID.randomUUID().toString()))) {
            assertThat(fan.call("GET", path, null).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(fan.call("PUT", ratingsOf(draft) + "/mine", "{\"rating\":5}").statusCode()).isEqualTo(404);
        assertThat(fan.call("DELETE", ratingsOf(draft) + "/mine", null).statusCode()).isEqualTo(404);
        // Not even its own publisher rates a title before it is out.
        assertThat(studio.asOwner().call("PUT", ratingsOf(draft) + "/mine", "{\"rating\":5}").statusCode()).isEqualTo(404);
        assertThat(summary(draft)).isEqualTo("null/0");
    }

    @Test
    void helpfulVotesAreOncePerFanAndNeverOnYourOwnReview() {
        String movie = publishedMovie("Kancil Helpful");
        String otherMovie = publishedMovie("Kancil Elsewhere");
        String review = json(fan.call("PUT", ratingsOf(movie) + "/mine", "{\"rating\":4,\"review\":\"Worth it\"}")).get("id").asString();
        Http reader = http.withBearer(new Users(http).signUpAndIn("reader").token());
        Http second = http.withBearer(new Users(http).signUpAndIn("reader2").token());

        var voted = reader.call("POST", ratingsOf(movie) + "/" + review + "/helpful", null);
        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
        assertThat(json(voted).get("helpful_count").asInt()).isEqualTo(1);
        assertThat(json(reader.call("POST", ratingsOf(movie) + "/" + review + "/helpful", null)).get("helpful_count").asInt()).isEqualTo(1);
        assertThat(json(second.call("POST", ratingsOf(movie) + "/" + review + "/helpful", null)).get("helpful_count").asInt()).isEqualTo(2);
        assertThat(json(reader.call("GET", ratingsOf(movie), null)).get("items").get(0).get("voted_helpful").asBoolean()).isTrue();

        var own = fan.call("POST", ratingsOf(movie) + "/" + review + "/helpful", null);
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(json(own).get("type").asString()).endsWith("/own-review");
        // The review under another title's address, or one that does not exist: 404.
        assertThat(reader.call("POST", ratingsOf(otherMovie) + "/" + review + "/helpful", null).statusCode()).isEqualTo(404);
        assertThat(reader.call("POST", ratingsOf(movie) + "/" + UUID.randomUUID() + "/helpful", null).statusCode()).isEqualTo(404);

        assertThat(json(second.call("DELETE", ratingsOf(movie) + "/" + review + "/helpful", null)).get("helpful_count").asInt()).isEqualTo(1);
        assertThat(json(second.call("DELETE", ratingsOf(movie) + "/" + review + "/helpful", null)).get("helpful_count").asInt()).isEqualTo(1);
    }

    @Test
    void theTitlePageShowsTheAverageAndReviewsAndTakesARating() {
        String movie = publishedMovie("Kancil Page Rated");
        Users.Signed reviewer = new Users(http).signUpAndIn("pagerater");
        fan.call("PUT", ratingsOf(movie) + "/mine", "{\"rating\":2,\"review\":\"Too _short_\"}");
        PageSession page = PageSession.signIn(http, reviewer);
        var title = page.get("/watch/contents/" + movie);
        assertThat(title.statusCode()).isEqualTo(200);
        assertThat(title.body()).contains("<strong>2.00</strong>").contains("<em>short</em>").contains("/helpful");

        var sent = page.post("/watch/contents/" + movie + "/rating", title, "rating=5&review=Seru+banget", PageSession.HTML);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(summary(movie)).isEqualTo("3.50/2");
        var after = page.get("/watch/contents/" + movie);
        assertThat(after.body()).contains("<strong>3.50</strong>").contains("Seru banget").contains("/rating/delete");
        // Out of range: nothing changes and the form says why.
        var refused = page.post("/watch/contents/" + movie + "/rating", after, "rating=6", PageSession.HTML);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("rating_error=form");
        assertThat(summary(movie)).isEqualTo("3.50/2");
        // A draft's page has no rating form, and its rating address is 404.
        String draft = create("Kancil Page Draft");
        assertThat(page.post("/watch/contents/" + draft + "/rating", after, "rating=5", PageSession.HTML).statusCode()).isEqualTo(404);
        assertThat(page.post("/watch/contents/" + movie + "/rating/delete", after, "", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(summary(movie)).isEqualTo("2.00/1");
    }

    @Test
    void fiftyConcurrentVotesAndEditsLeaveTheAverageExact() throws Exception {
        ContentId movie = ContentId.of(UUID.fromString(publishedMovie("Kancil Crowd")));
        List<UserId> fans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fans.add(UserId.of(jdbc.sql("insert into users (email, name) values (?, 'Crowd fan') returning id")
                    .param(Users.uniqueEmail("crowd" + i)).query(UUID.class).single()));
        }
        int[] first = new int[50];
        for (int i = 0; i < 50; i++) {
            first[i] = i % 5 + 1;
        }
        concurrently(50, i -> ratings.rate(fans.get(i), movie, first[i], "vote " + i));
        assertThat(summary(movie.value().toString())).isEqualTo(expected(first));

        // Every fan changes their mind at once, and every tenth takes their rating back meanwhile.
        int[] second = new int[50];
        for (int i = 0; i < 50; i++) {
            second[i] = i % 10 == 0 ? 0 : 6 - first[i];
        }
        concurrently(50, i -> {
            if (second[i] == 0) {
                ratings.remove(fans.get(i), movie);
            } else {
                ratings.rate(fans.get(i), movie, second[i], null);
            }
        });
        assertThat(summary(movie.value().toString())).isEqualTo(expected(second));
    }

    private interface Vote {
        void cast(int fan);
    }

    private static void concurrently(int count, Vote vote) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<?>> votes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int fan = i;
                votes.add(pool.submit(() -> {
                    start.await();
                    vote.cast(fan);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : votes) {
                f.get();
            }
        }
    }

    /** The average and count worked out here, independently of the database: ratings of 0 are none. */
    private static String expected(int[] votes) {
        int count = 0;
        int sum = 0;
        for (int v : votes) {
            if (v > 0) {
                count++;
                sum += v;
            }
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP) + "/" + count;
    }

    private String summary(String content) {
        return jdbc.sql("select average_rating, rating_count from contents where id = cast(? as uuid)").param(content)
                .query((rs, n) -> rs.getBigDecimal("average_rating") + "/" + rs.getInt("rating_count")).single();
    }

    private static String ratingsOf(String content) {
        return "/api/v1/contents/" + content + "/ratings";
    }

    private String publishedMovie(String title) {
        String id = create(title);
        jdbc.sql("update contents set status = 'published', published_at = now(), visibility = 'free' where id = cast(? as uuid)").param(id).update();
        return id;
    }

    private String create(String title) {
        var created = studio.asOwner().postJson("/api/v1/organizations/" + studio.organizationId() + "/contents",
                "{\"title\":\"" + title + "\",\"type\":\"movie\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }
}
