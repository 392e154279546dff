package id.modo.verse.ai;

import java.util.List;
import java.util.Locale;

/** Where a generation is: waiting for a free slot, running, or ended. Only a waiting or running one may be cancelled. */
public enum GenerationStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GenerationStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    List<String> allowedMoves() {
        return terminal() ? List.of() : List.of(CANCELLED.dbValue());
    }
}
