package id.modo.verse.ai;

import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.JobCancelledException;
import id.modo.verse.common.jobs.JobContext;
import id.modo.verse.common.jobs.JobHandler;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Runs a generation that waited for its slot (images, and anything asked for with {@code Prefer: respond-async}). A
 * run started again (its node died, or someone retried the job) finds the generation's status: a running one is
 * called again and settled once (its credit hold commits once), an ended one is left as it is.
 */
@Component
class GenerationJobHandler implements JobHandler {

    static final String KIND = "ai-generation";
    static final String GENERATION = "generation_id";

    private final GenerationStore store;
    private final GenerationRun run;
    private final GenerationSlots slots;
    private final Organizations organizations;

    GenerationJobHandler(GenerationStore store, GenerationRun run, GenerationSlots slots, Organizations organizations) {
        this.store = store;
        this.run = run;
        this.slots = slots;
        this.organizations = organizations;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        GenerationId id = GenerationId.of(UUID.fromString(String.valueOf(context.job().input().get(GENERATION))));
        Generation generation = store.find(id).orElseThrow(() -> new IllegalStateException("Generation " + id + " is gone"));
        try {
            context.progress(0, 1, "Generating");
            Generation ended = run.executeJob(generation, percent -> {
                if (context.cancelled()) {
                    throw new JobCancelledException();
                }
                context.progress(percent, 100, "Generating");
            });
            if (ended.status() == GenerationStatus.CANCELLED || context.cancelled()) {
                throw new JobCancelledException();
            }
            if (ended.status() == GenerationStatus.FAILED) {
                throw new IllegalStateException(ended.error());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(GENERATION, id.value().toString());
            result.put("status", ended.status().dbValue());
            if (ended.resultAssetId() != null) {
                result.put("asset_id", ended.resultAssetId().toString());
            }
            return result;
        } catch (JobCancelledException cancelled) {
            run.cancel(generation);
            throw cancelled;
        } finally {
            slots.dispatch(generation.organizationId());
        }
    }

    /** Any member of the generation's organization follows it, as they read the generation itself. */
    @Override
    public boolean visibleTo(UUID user, Job job) {
        return job.organizationId() != null
                && organizations.membership(UserId.of(user), OrganizationId.of(job.organizationId())).isPresent();
    }
}
