package id.modo.verse.common.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job as API clients and the progress stream see it.
 *
 * @param done    units done out of {@code total}; total is 0 until the job knows how much there is
 * @param percent whole percent, 100 once completed
 */
record JobResponse(UUID id, String kind, @Schema(allowableValues = {"pending", "running", "completed", "failed", "cancelled"}) String state,
        long done, long total, int percent, @Schema(nullable = true) @Nullable String message,
        @Schema(nullable = true) @Nullable Map<String, Object> result, @Schema(nullable = true) @Nullable String error, int attempts,
        boolean cancelRequested, Instant createdAt, @Schema(nullable = true) @Nullable Instant startedAt,
        @Schema(nullable = true) @Nullable Instant finishedAt, Instant updatedAt) {

    static JobResponse of(Job job) {
        return new JobResponse(job.id(), job.kind(), job.state().dbValue(), job.done(), job.total(), job.percent(), job.message(),
                job.result(), job.error(), job.attempts(), job.cancelRequested(), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.updatedAt());
    }
}
