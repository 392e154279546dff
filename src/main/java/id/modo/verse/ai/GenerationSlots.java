package id.modo.verse.ai;

import com.github.kagkarlsson.scheduler.Scheduler;
import id.modo.verse.billing.PlanLimits;
import id.modo.verse.common.TooManyRequestsException;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.organization.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organization runs at most its plan's {@code ai_concurrency} generations at once, counted in the database
 * (its {@code running} rows), so the limit holds across nodes; a transaction-scoped advisory lock per organization
 * serializes the count-and-take. A generation answered in the request takes a slot at once or is refused 429; a job
 * waits as {@code pending} and starts, oldest first, when a slot frees. Each organization is bounded by its own slots,
 * and waiting organizations are served longest-waiting first, so one busy organization cannot starve the others.
 */
@Component
class GenerationSlots {

    private static final Logger log = LoggerFactory.getLogger(GenerationSlots.class);
    /** How many waiting organizations one sweep starts work for. */
    private static final int SWEEP_ORGANIZATIONS = 500;

    private final GenerationStore store;
    private final PlanLimits planLimits;
    private final ObjectProvider<Jobs> jobs;
    private final ObjectProvider<Scheduler> scheduler;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GenerationSlots(GenerationStore store, PlanLimits planLimits, ObjectProvider<Jobs> jobs, ObjectProvider<Scheduler> scheduler,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.planLimits = planLimits;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * In the caller's transaction: makes sure one of the {@code limit} slots (the plan's, as the caller read it) is free
     * for a generation that is about to be inserted running. Waiting jobs count as taken, so a request never overtakes a
     * job that waited in line.
     */
    void takeForRequest(OrganizationId organization, int limit) {
        store.lockSlots(organization);
        int busy = store.runningOrWaiting(organization);
        if (busy >= limit) {
            throw new TooManyRequestsException(AiProblems.CONCURRENCY_LIMIT, "This organization's plan runs " + limit
                    + " AI generation" + (limit == 1 ? "" : "s") + " at once, and " + busy + " are running or waiting. Try again when one has"
                    + " finished, or ask for it as a job (Prefer: respond-async) to wait in line.",
                    Map.of("limit", limit, "running", busy), Duration.ofSeconds(5));
        }
    }

    /** Starts the organization's waiting generations on its free slots, oldest first, each as a job. */
    void dispatch(OrganizationId organization) {
        // Most calls come as a generation ends with nothing waiting; a job inserted after this read dispatches itself.
        if (store.waiting(organization) == 0) {
            return;
        }
        List<Job> submitted = transactions.execute(status -> {
            store.lockSlots(organization);
            int free = planLimits.aiConcurrency(organization) - store.running(organization);
            if (free <= 0) {
                return List.<Job>of();
            }
            return store.startWaiting(organization, free, clock.instant()).stream().map(generation -> {
                Job job = jobs.getObject().submit(GenerationJobHandler.KIND, generation.userId(), organization.value(), generation.projectId(),
                        Map.of(GenerationJobHandler.GENERATION, generation.id().value().toString()));
                store.attachJob(generation.id(), job.id());
                return job;
            }).toList();
        });
        if (!submitted.isEmpty()) {
            // The jobs were scheduled inside the transaction, so the pollers are woken only now that they can see them.
            scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        }
    }

    /** Starts waiting work everywhere it can, and ends request-answered generations whose node died (their hold has expired). */
    void sweep(Duration requestHold, GenerationRun run) {
        for (OrganizationId organization : store.waitingOrganizations(SWEEP_ORGANIZATIONS)) {
            dispatch(organization);
        }
        for (GenerationId id : store.abandoned(clock.instant().minus(requestHold), SWEEP_ORGANIZATIONS)) {
            store.find(id).ifPresent(generation -> {
                if (run.fail(generation, "The server answering this generation stopped; nothing was charged.", new Generations.Attempts())) {
                    log.info("Ended abandoned AI generation {}", id);
                }
            });
        }
    }
}
