package id.modo.probe;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lives outside {@code id.modo.verse} so the app's component scan never finds it.
 * A test-only API endpoint that exercises the error paths every real endpoint shares
 * (validation, body parsing, type conversion, unexpected failures), registered only in
 * {@link id.modo.verse.support.IntegrationTest} contexts (as a member class of this imported configuration).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestProbes {

    public enum Genre { DRAMA, COMEDY, ANIMATION }

    public record ProbeRequest(@NotBlank @Size(max = 20) String title, Genre genre, @Min(1) Integer episodeCount,
            @Schema(types = "string", format = "decimal", description = "money, as a decimal string") BigDecimal goalAmount) {
    }

    public record ProbeResponse(String title, Genre genre, Integer episodeCount, BigDecimal goalAmount, OffsetDateTime createdAt) {
    }

    @RestController
    @RequestMapping("/api/v1/test-probe")
    static class ProbeController {

        @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
        ProbeResponse create(@Valid @RequestBody ProbeRequest request) {
            return new ProbeResponse(request.title(), request.genre(), request.episodeCount(), request.goalAmount(),
                    OffsetDateTime.parse("2026-11-25T10:15:30+07:00"));
        }

        @GetMapping
        Map<String, Object> find(@RequestParam int page) {
            return Map.of("page", page);
        }

        @GetMapping("/failure")
        Map<String, Object> failure() {
            throw new IllegalStateException("org.postgresql.util.PSQLException: relation \"secret_table\" does not exist");
        }

        /** What JPA throws when another request changed the same row first (a failed {@code @Version} check). */
        @GetMapping("/version-conflict")
        Map<String, Object> versionConflict() {
            throw new ObjectOptimisticLockingFailureException("id.modo.verse.billing.Subscription",
                    java.util.UUID.fromString("6ddbc73f-8549-4fb7-8efd-0c4f672d14df"));
        }
    }

    /**
     * A job kind for the jobs tests ({@code id.modo.verse.common.jobs}): {@code steps} steps of {@code step_millis}
     * each, reporting each step. It fails its first {@code fail_runs} runs, and on a thread of a node the test
     * kills ({@link #DOOMED_THREADS}) it stops after its first step until the test lets it go, as a frozen
     * or killed node would; each run that returns is counted in {@link #COMPLETED_RUNS}.
     */
    @org.springframework.stereotype.Component
    public static class StepsJob implements id.modo.verse.common.jobs.JobHandler {

        public static final String KIND = "test-steps";
        public static final String DOOMED_THREADS = "doomed-node-";
        public static final java.util.concurrent.CountDownLatch RELEASE_DOOMED = new java.util.concurrent.CountDownLatch(1);
        public static final Map<java.util.UUID, java.util.concurrent.atomic.AtomicInteger> COMPLETED_RUNS =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, Object> run(id.modo.verse.common.jobs.JobContext context) throws InterruptedException {
            var job = context.job();
            int steps = ((Number) job.input().getOrDefault("steps", 3)).intValue();
            long stepMillis = ((Number) job.input().getOrDefault("step_millis", 10)).longValue();
            int failRuns = ((Number) job.input().getOrDefault("fail_runs", 0)).intValue();
            if (job.attempts() <= failRuns) {
                throw new IllegalStateException("Planned failure of run " + job.attempts());
            }
            if (job.attempts() <= ((Number) job.input().getOrDefault("stop_runs", 0)).intValue()) {
                throw new id.modo.verse.common.jobs.JobStoppedException("planned stop of run " + job.attempts());
            }
            for (int step = 1; step <= steps; step++) {
                Thread.sleep(stepMillis);
                context.progress(step, steps, "Step " + step + " of " + steps);
                if (Thread.currentThread().getName().startsWith(DOOMED_THREADS)) {
                    boolean released = false;
                    while (!released) {
                        try {
                            released = RELEASE_DOOMED.await(1, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException stopping) {
                            // a dead node's thread is not told anything: only the test lets it go on
                        }
                    }
                }
            }
            COMPLETED_RUNS.computeIfAbsent(job.id(), id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            return Map.of("steps", steps, "attempt", job.attempts());
        }
    }
}
