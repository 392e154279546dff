package id.modo.verse.common.jobs;

import java.util.Locale;
import java.util.Set;

/**
 * Where a job is in its life. A job waits ({@code pending}), runs, and ends {@code completed},
 * {@code failed} or {@code cancelled}; a failed or cancelled job may be retried (back to pending).
 */
public enum JobState {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A state the job does not leave by itself; a stream of its progress ends here. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The states a user may move a job in this state to: cancel it while it waits or runs, retry it once it failed or was cancelled. */
    public Set<JobState> userMoves() {
        return switch (this) {
            case PENDING, RUNNING -> Set.of(CANCELLED);
            case FAILED, CANCELLED -> Set.of(PENDING);
            case COMPLETED -> Set.of();
        };
    }

    boolean canBecome(JobState next) {
        return userMoves().contains(next);
    }
}
