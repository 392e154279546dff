package id.modo.verse.common.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job as stored.
 *
 * @param organizationId the organization whose work it is, null for a user's own
 * @param subject        what it works on (a project), null when nothing in particular
 * @param done           units of work done out of {@code total}; total is 0 until the job knows it
 * @param result         what a completed job hands back (a file name, an asset id), null before
 * @param attempts       how many runs started; a retry or a take-over from a dead node adds one
 */
public record Job(UUID id, String kind, @Nullable UUID organizationId, UUID createdBy, @Nullable UUID subject,
        Map<String, Object> input, JobState state, long done, long total, @Nullable String message,
        @Nullable Map<String, Object> result, @Nullable String error, int attempts, boolean cancelRequested,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, Instant updatedAt) {

    /** Whole percent done, 100 once completed; 0 while the total is unknown. */
    public int percent() {
        if (state == JobState.COMPLETED) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
