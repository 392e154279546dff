package id.modo.verse.watch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The match score job end to end: a rating asks for a run, repeated asks join it, db-scheduler runs it, the API and pages show it. */
@IntegrationTest
class MatchScoreJobIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MatchScoreRefresh refresh;
    @Autowired
    MatchScores scores;
    @Autowired
    Scheduler scheduler;

    @Test
    void aRatingLeadsToScoresWithTheirReasonAfterOneDebouncedRun() {
        Http http = new Http(port);
        StudioFixtures.Studio studio = new StudioFixtures(http, jdbc).studio("match");
        Users.Signed fan = new Users(http).signUpAndIn("matcher");
        String genre = "fable-" + UUID.randomUUID().toString().substring(0, 8);
        // Names of their own, so titles other tests leave behind share no feature with these.
        UUID loved = title(studio, "Kancil Cerdik", genre, "Ayu " + genre);
        UUID alike = title(studio, "Kancil Pulang", genre, "Ayu " + genre);
        UUID related = title(studio, "Buaya Sungai", genre, "Budi " + genre);
        UUID unrelated = title(studio, "Kota Hujan", "noir-" + genre, "Citra " + genre);
        UUID draft = title(studio, "Kancil Rahasia", genre, "Ayu " + genre);
        jdbc.sql("update contents set status = 'draft' where id = ?").param(draft).update();

        UserId user = UserId.of(UUID.fromString(fan.id()));
        assertThat(scores.stale(100_000)).as("nothing rated or watched yet").doesNotContain(user);
        jdbc.sql("insert into content_ratings (user_id, content_id, rating) values (?, ?, 5)").params(user.value(), loved).update();
        assertThat(scores.stale(100_000)).as("rated, never computed").contains(user);
        refresh.soon(user);
        refresh.soon(user);
        TaskInstanceId run = TaskInstanceId.of(MatchScoreJobs.TASK, user.value().toString());
        var waiting = scheduler.getScheduledExecution(run).orElseThrow();
        assertThat(waiting.getExecutionTime()).as("held back to join later ratings").isAfter(Instant.now().plusSeconds(10));
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(MatchScoreJobs.TASK, user.value().toString()).query(Integer.class).single()).isEqualTo(1);

        scheduler.reschedule(run, Instant.now());
        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.getScheduledExecution(run).isEmpty()
                && jdbc.sql("select count(*) from content_match_scores where user_id = ?").param(user.value()).query(Integer.class).single() > 0);

        JsonNode page = json(http.withBearer(fan.token()).call("GET", "/api/v1/me/recommendations?limit=50", null));
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("content").get("id").asString()).isEqualTo(alike.toString());
        assertThat(first.get("match_score").asInt()).isEqualTo(83);
        assertThat(first.get("because_title").asString()).isEqualTo("Kancil Cerdik");
        assertThat(first.get("because_kind").asString()).isEqualTo("rated");
        assertThat(page.get("items").get(1).get("content").get("id").asString()).isEqualTo(related.toString());
        assertThat(page.toString()).doesNotContain(unrelated.toString(), draft.toString(), loved.toString());
        assertThat(scores.stale(100_000)).doesNotContain(user);

        PageSession pages = PageSession.signIn(http, fan);
        assertThat(pages.get("/watch/for-you").body()).contains("Kancil Pulang", "83% match · Because you rated Kancil Cerdik");
        assertThat(pages.get("/watch/contents/" + alike + "/match").body()).contains("83% match", "Because you rated Kancil Cerdik");
        assertThat(pages.get("/watch/contents/" + unrelated + "/match").body()).doesNotContain("match");

        // Someone else's scores are theirs alone.
        Users.Signed other = new Users(http).signUpAndIn("nomatch");
        assertThat(json(http.withBearer(other.token()).call("GET", "/api/v1/me/recommendations", null)).get("items").size()).isZero();
    }

    private UUID title(StudioFixtures.Studio studio, String title, String genre, String actor) {
        return jdbc.sql("""
                insert into contents (organization_id, title, type, genre, cast_list, status, visibility, published_at)
                values (cast(? as uuid), ?, 'movie', ?, jsonb_build_array(jsonb_build_object('name', ?, 'role', 'lead')), 'published', 'free', now())
                returning id""").params(studio.organizationId(), title, genre, actor).query(UUID.class).single();
    }
}
