package id.modo.verse.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import id.modo.probe.TestProbes.StepsJob;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jobs through db-scheduler on the real database: progress, its stream, cancel, retry, who may see a job, a node dying mid-run. */
@IntegrationTest
class JobsIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Jobs jobs;
    @Autowired
    JobStore store;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JobStreams streams;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    @Qualifier("jobTask")
    OneTimeTask<Void> jobTask;
    Http http;
    Users.Signed owner;
    Http asOwner;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        owner = new Users(http).signUpAndIn("jobs");
        asOwner = http.withBearer(owner.token());
    }

    private Job submit(Map<String, Object> input) {
        return jobs.submit(StepsJob.KIND, UUID.fromString(owner.id()), null, null, input);
    }

    private JsonNode job(UUID id) {
        HttpResponse<String> response = asOwner.get("/api/v1/jobs/" + id, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private JsonNode awaitState(UUID id, String state) {
        await().atMost(PATIENCE).until(() -> job(id).get("state").asString().equals(state));
        return job(id);
    }

    @Test
    void aSubmittedJobRunsReportsProgressAndCompletesWithItsResult() {
        Job submitted = submit(Map.of("steps", 3, "step_millis", 20));
        assertThat(submitted.state()).isEqualTo(JobState.PENDING);

        JsonNode done = awaitState(submitted.id(), "completed");
        assertThat(done.get("done").asLong()).isEqualTo(3);
        assertThat(done.get("total").asLong()).isEqualTo(3);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("message").asString()).isEqualTo("Step 3 of 3");
        assertThat(done.get("result").get("steps").asInt()).isEqualTo(3);
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("started_at").isNull()).isFalse();
        assertThat(done.get("finished_at").isNull()).isFalse();
        assertThat(asOwner.get("/api/v1/jobs/" + submitted.id() + "/output", "application/json").statusCode())
                .as("a job that kept no file").isEqualTo(404);
    }

    /** A run the app's stop cut short is neither failed nor lost: its execution is due again and the next run completes it. */
    @Test
    void aRunCutShortByTheAppsStopRunsAgainInsteadOfFailing() {
        Job submitted = submit(Map.of("steps", 2, "step_millis", 20, "stop_runs", 1));

        JsonNode done = awaitState(submitted.id(), "completed");
        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.hasNonNull("error")).isFalse();
        assertThat(done.get("result").get("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void aJobSubmittedInsideACallersTransactionStartsOnItsCommitNotAtTheNextPoll() {
        // As an upload starts its transcode: the job's rows commit with the caller's. db-scheduler polls every 10 s here
        // (application.properties); woken before the commit it would not see the execution and wait for that poll.
        Job submitted = new TransactionTemplate(transactionManager).execute(status -> submit(Map.of("steps", 1)));
        Instant committed = Instant.now();
        JsonNode done = awaitState(submitted.id(), "completed");
        assertThat(Duration.between(committed, Instant.parse(done.get("started_at").asString())))
                .as("from the commit to the job's start").isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void theEventStreamSendsEachChangeAndEndsWithTheTerminalState() {
        Job submitted = submit(Map.of("steps", 4, "step_millis", 300));

        HttpResponse<String> stream = asOwner.get("/api/v1/jobs/" + submitted.id() + "/events", "text/event-stream");

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<JsonNode> events = new ArrayList<>();
        for (String line : stream.body().split("\n")) {
            if (line.startsWith("data:")) {
                events.add(JSON.readTree(line.substring("data:".length())));
            }
        }
        assertThat(stream.body()).contains("event:job");
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.getLast().get("state").asString()).isEqualTo("completed");
        assertThat(events.getLast().get("done").asLong()).isEqualTo(4);
        assertThat(events.stream().map(e -> e.get("done").asLong()).toList()).isSorted();
        assertThat(events.stream().filter(e -> e.get("state").asString().equals("running") && e.get("done").asLong() > 0))
                .as("progress while it ran").isNotEmpty();
    }

    @Test
    void aClientThatGoesAwayIsForgottenWhileTheJobRunsOn() throws Exception {
        Job submitted = submit(Map.of("steps", 300, "step_millis", 100));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs/" + submitted.id() + "/events"))
                .header("Authorization", "Bearer " + owner.token()).header("Accept", "text/event-stream").build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = lines.readLine();
                } while (line != null && !line.startsWith("data:"));
                assertThat(line).as("the first event").isNotNull();
                assertThat(streams.watched(submitted.id())).isTrue();
            }
        }

        await().atMost(PATIENCE).until(() -> !streams.watched(submitted.id()));
        assertThat(job(submitted.id()).get("state").asString()).isEqualTo("running");
        assertThat(asOwner.call("POST", "/api/v1/jobs/" + submitted.id() + "/cancel", null).statusCode()).isEqualTo(200);
        awaitState(submitted.id(), "cancelled");
    }

    @Test
    void aRunningJobStopsAtItsNextStepWhenCancelledAndAnEndedJobCannotBeCancelled() {
        Job submitted = submit(Map.of("steps", 200, "step_millis", 100));
        await().atMost(PATIENCE).until(() -> job(submitted.id()).get("done").asLong() >= 1);

        HttpResponse<String> cancel = asOwner.call("POST", "/api/v1/jobs/" + submitted.id() + "/cancel", null);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(Http.json(cancel).get("cancel_requested").asBoolean()).isTrue();

        JsonNode cancelled = awaitState(submitted.id(), "cancelled");
        assertThat(cancelled.get("done").asLong()).isLessThan(200);
        assertThat(cancelled.get("finished_at").isNull()).isFalse();

        HttpResponse<String> again = asOwner.call("POST", "/api/v1/jobs/" + submitted.id() + "/cancel", null);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode problem = Http.json(again);
        assertThat(problem.get("type").asString()).endsWith("/illegal-transition");
        assertThat(problem.get("from").asString()).isEqualTo("cancelled");
        assertThat(problem.get("to").asString()).isEqualTo("cancelled");
        assertThat(problem.get("allowed").get(0).asString()).isEqualTo("pending");
    }

    @Test
    void aFailedJobKeepsItsErrorAndRunsAgainOnRetry() {
        Job submitted = submit(Map.of("steps", 2, "fail_runs", 1));

        JsonNode failed = awaitState(submitted.id(), "failed");
        assertThat(failed.get("error").asString()).isEqualTo("Planned failure of run 1");

        HttpResponse<String> retry = asOwner.call("POST", "/api/v1/jobs/" + submitted.id() + "/retry", null);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(Http.json(retry).get("error").isNull()).isTrue();

        JsonNode completed = awaitState(submitted.id(), "completed");
        assertThat(completed.get("attempts").asInt()).isEqualTo(2);
        assertThat(completed.get("result").get("attempt").asInt()).isEqualTo(2);

        HttpResponse<String> retryCompleted = asOwner.call("POST", "/api/v1/jobs/" + submitted.id() + "/retry", null);
        assertThat(retryCompleted.statusCode()).isEqualTo(409);
        assertThat(Http.json(retryCompleted).get("allowed")).isEmpty();
    }

    @Test
    void anotherUsersJobIsNotFoundLikeAMissingOneAndAMalformedIdIsABadRequest() {
        Job submitted = submit(Map.of("steps", 1));
        awaitState(submitted.id(), "completed");
        Http stranger = http.withBearer(new Users(http).signUpAndIn("jobs-stranger").token());
        String missing = Http.json(stranger.get("/api/v1/jobs/" + UUID.randomUUID(), "application/json")).get("detail").asString();

        String path = "/api/v1/jobs/" + submitted.id();
        for (HttpResponse<String> refused : List.of(stranger.get(path, "application/json"),
                stranger.unchecked().get(path + "/events", "text/event-stream, application/json"),
                stranger.call("POST", path + "/cancel", null), stranger.call("POST", path + "/retry", null),
                stranger.get(path + "/output", "application/json"))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
            assertThat(Http.json(refused).get("detail").asString()).isEqualTo(missing);
        }

        HttpResponse<String> malformed = asOwner.get("/api/v1/jobs/not-a-uuid", "application/json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        // The field is named as the API names everything, not by the Java parameter behind it.
        assertThat(Http.json(malformed).get("errors").get(0).get("field").asString()).isEqualTo("job_id");
        assertThat(Http.json(malformed).get("errors").get(0).get("message").asString()).isEqualTo("must be a UUID");
        assertThat(http.get(path, "application/json").statusCode()).as("signed out").isEqualTo(401);
    }

    /**
     * A second node (a db-scheduler of its own on the same database) takes the job, reports its first step and
     * freezes there with its heartbeats stopped, as a killed node would. This app's scheduler finds the dead
     * execution and runs the job again, which completes once; when the frozen run wakes up it writes nothing.
     */
    @Test
    void aJobWhoseNodeDiesMidRunIsTakenOverAndCompletesExactlyOnce() throws InterruptedException {
        Job job = store.insert(UUID.randomUUID(), StepsJob.KIND, null, UUID.fromString(owner.id()), null,
                Map.of("steps", 3, "step_millis", 20));
        ExecutorService doomedThreads = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name(StepsJob.DOOMED_THREADS, 0).daemon().factory());
        Scheduler doomed = Scheduler.create(dataSource, jobTask).tableName("scheduled_tasks")
                .schedulerName(new SchedulerName.Fixed("doomed-node")).executorService(doomedThreads)
                .pollingInterval(Duration.ofMillis(200)).heartbeatInterval(Duration.ofSeconds(2)).missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofMillis(200)).build();
        // this node keeps away until the other one has the job, so that it is the other that dies with it
        scheduler.pause();
        try {
            doomed.start();
            doomed.schedule(new TaskInstance<Void>(Jobs.TASK, job.id().toString()), Instant.now());
            await().atMost(PATIENCE).until(() -> store.find(job.id()).orElseThrow().done() == 1);
        } finally {
            scheduler.resume();
        }
        doomed.stop();
        assertThat(store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        JsonNode completed = awaitState(job.id(), "completed");
        assertThat(completed.get("attempts").asInt()).isEqualTo(2);
        assertThat(completed.get("done").asLong()).isEqualTo(3);
        assertThat(completed.get("result").get("attempt").asInt()).isEqualTo(2);
        assertThat(StepsJob.COMPLETED_RUNS.get(job.id()).get()).isEqualTo(1);

        StepsJob.RELEASE_DOOMED.countDown();
        doomedThreads.shutdown();
        assertThat(doomedThreads.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Job after = store.find(job.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.COMPLETED);
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(after.result()).containsEntry("attempt", 2);
        assertThat(after.updatedAt()).isEqualTo(Instant.parse(completed.get("updated_at").asString()));
        assertThat(StepsJob.COMPLETED_RUNS.get(job.id()).get()).as("the frozen run did not complete it again").isEqualTo(1);
    }
}
