package id.modo.verse.common.jobs;

import java.util.UUID;

/** The identity of a job as the API and pages take it from their paths. */
public record JobId(UUID value) {

    public JobId {
        if (value == null) {
            throw new IllegalArgumentException("A job id is required");
        }
    }

    public static JobId of(UUID value) {
        return new JobId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
