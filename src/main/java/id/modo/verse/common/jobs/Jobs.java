package id.modo.verse.common.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long tasks run in the background with progress people can watch. A module submits a job of a kind
 * it handles ({@link JobHandler}); the job is a row in {@code jobs} and a db-scheduler one-time task
 * keyed by the job's id, so exactly one node runs it, and when that node dies mid-run db-scheduler's
 * dead-execution check starts it again on another. Progress is stored and streamed ({@link JobStreams}).
 */
@Service
public class Jobs {

    static final String TASK = "job";

    private final JobStore store;
    private final JobHandlers handlers;
    private final Scheduler scheduler;
    private final JobStreams streams;
    private final TransactionTemplate transactions;

    Jobs(JobStore store, JobHandlers handlers, Scheduler scheduler, JobStreams streams, TransactionTemplate transactions) {
        this.store = store;
        this.handlers = handlers;
        this.scheduler = scheduler;
        this.streams = streams;
        this.transactions = transactions;
    }

    /**
     * Starts a job of {@code kind} for {@code user}.
     *
     * @param organization whose work it is, null for the user's own
     * @param subject      what it works on, null when nothing in particular
     * @param input        what the handler needs, as JSON-able values
     */
    public Job submit(String kind, UUID user, @Nullable UUID organization, @Nullable UUID subject, Map<String, Object> input) {
        if (handlers.find(kind).isEmpty()) {
            throw new IllegalArgumentException("No job handler for kind " + kind);
        }
        Job job = transactions.execute(status -> schedule(store.insert(UUID.randomUUID(), kind, organization, user, subject, input)));
        runSoon();
        return job;
    }

    /** The job if {@code user} may see it (its handler's rule); otherwise 404, the same as for a job that does not exist. */
    public Job get(UUID user, UUID id) {
        return store.find(id).filter(job -> visible(user, job)).orElseThrow(Jobs::notFound);
    }

    /** The file the job kept, once it completed; 404 like {@link #get} otherwise. */
    JobStore.Output output(UUID user, UUID id) {
        Job job = get(user, id);
        if (job.state() != JobState.COMPLETED) {
            throw notFound();
        }
        return store.output(id).orElseThrow(Jobs::notFound);
    }

    /** Cancels a pending job at once, or asks a running one to stop (it ends cancelled when its handler next reports). */
    public Job cancel(UUID user, UUID id) {
        Job job = move(user, id, JobState.CANCELLED, store::cancel);
        streams.changed(job);
        return job;
    }

    /** Runs a failed or cancelled job again from the start, as a new attempt. */
    public Job retry(UUID user, UUID id) {
        Job job = move(user, id, JobState.PENDING, pending -> schedule(store.retry(pending)));
        runSoon();
        streams.changed(job);
        return job;
    }

    /**
     * Wakes the scheduler for the new execution. Inside a caller's transaction (an upload that starts its transcode with
     * its own rows) the wake-up waits for the commit: before it the scheduler cannot see the execution, and the job would
     * wait for the next poll (up to db-scheduler's polling interval) instead of starting at once.
     */
    private void runSoon() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    private Job move(UUID user, UUID id, JobState to, UnaryOperator<Job> change) {
        return transactions.execute(status -> {
            Job job = store.lock(id).filter(j -> visible(user, j)).orElseThrow(Jobs::notFound);
            if (!job.state().canBecome(to)) {
                throw new JobTransitionException(job.state(), to);
            }
            return change.apply(job);
        });
    }

    private boolean visible(UUID user, Job job) {
        return handlers.find(job.kind()).map(handler -> handler.visibleTo(user, job)).orElse(job.createdBy().equals(user));
    }

    /**
     * Adds the job's execution in the caller's transaction (db-scheduler's starter makes its DataSource
     * transaction-aware), so a job row never exists without its execution; the caller wakes the pollers once
     * it committed, as before that they cannot see it. A job cancelled while it waited may still have its
     * execution: then that one runs the retry, and a second is not added.
     */
    private Job schedule(Job job) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, job.id().toString()), Instant.now());
        return job;
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "Job not found.");
    }
}
