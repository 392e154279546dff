package id.modo.verse.common.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs jobs as the db-scheduler one-time task {@value Jobs#TASK}, whose instance id is the job's id. The
 * outcome is the job's state, not the execution's: a handler's failure fails the job and the execution
 * ends normally, so db-scheduler never retries by itself (people retry with {@link Jobs#retry}); only a
 * dead execution (its node stopped heart-beating) is revived, and its next run takes the job over, and so is a run the
 * app's stop cut short ({@link JobStoppedException}): its execution is kept, due at once.
 */
@Configuration(proxyBeanMethods = false)
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_ERROR = 2000;
    private static final int MAX_MESSAGE = 500;

    private final JobStore store;
    private final JobHandlers handlers;
    private final JobStreams streams;

    JobRunner(JobStore store, JobHandlers handlers, JobStreams streams) {
        this.store = store;
        this.handlers = handlers;
        this.streams = streams;
    }

    @Bean
    OneTimeTask<Void> jobTask() {
        return new OneTimeTask<>(Jobs.TASK, Void.class, new FailureHandler.OnFailureRetryLater<>(Tasks.DEFAULT_RETRY_INTERVAL),
                new DeadExecutionHandler.ReviveDeadExecution<>()) {
            @Override
            public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
                if (run(UUID.fromString(instance.getId()))) {
                    return (complete, operations) -> operations.remove();
                }
                return (complete, operations) -> operations.reschedule(complete, Instant.now());
            }

            /** Never called: {@link #execute} above replaces OneTimeTask's run-then-remove. */
            @Override
            public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
                throw new UnsupportedOperationException("execute chooses the completion itself");
            }
        };
    }

    /** Runs the job; false when the app's stop cut it short, so that it is run again. */
    boolean run(UUID id) {
        Job job = store.start(id).orElse(null);
        if (job == null) {
            return true; // cancelled while it waited, or already ended
        }
        streams.changed(job);
        Run run = new Run(job);
        JobState outcome;
        Map<String, Object> result = null;
        String error = null;
        try {
            JobHandler handler = handlers.find(job.kind())
                    .orElseThrow(() -> new IllegalStateException("No job handler for kind " + job.kind()));
            result = handler.run(run);
            outcome = JobState.COMPLETED;
        } catch (Superseded e) {
            log.info("Job {} attempt {} was taken over by a later run; its outcome is dropped", id, job.attempts());
            return true;
        } catch (JobStoppedException e) {
            log.info("Job {} ({}) attempt {} was cut short by the app's stop and runs again: {}", id, job.kind(), job.attempts(),
                    e.getMessage());
            return false;
        } catch (JobCancelledException e) {
            outcome = JobState.CANCELLED;
        } catch (Exception e) {
            log.warn("Job {} ({}) failed", id, job.kind(), e);
            outcome = JobState.FAILED;
            error = truncate(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), MAX_ERROR);
        }
        store.finish(id, job.attempts(), outcome, result, error).ifPresent(streams::changed);
        return true;
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** This run lost the job to a later one: everything it would still write is dropped. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
        }
    }

    /** One run's view of its job; every write is fenced by the run's attempt number. */
    private final class Run implements JobContext {

        private final Job job;

        Run(Job job) {
            this.job = job;
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public void progress(long done, long total, @Nullable String message) {
            Job updated = store.progress(job.id(), job.attempts(), Math.max(0, done), Math.max(0, total),
                            truncate(message, MAX_MESSAGE))
                    .orElseThrow(Superseded::new);
            streams.changed(updated);
            if (updated.cancelRequested()) {
                throw new JobCancelledException();
            }
        }

        @Override
        public boolean cancelled() {
            return store.cancelRequested(job.id(), job.attempts()).orElseThrow(Superseded::new);
        }

        @Override
        public void output(String fileName, String contentType, byte[] content) {
            if (!store.output(job.id(), job.attempts(), fileName, contentType, content)) {
                throw new Superseded();
            }
        }
    }
}
