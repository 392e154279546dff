package id.modo.verse.ai;

import java.util.Locale;

/** How a generation answers: whole in the response, streamed in it, or as a job followed by its events. */
public enum GenerationMode {
    SYNC, STREAM, JOB;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GenerationMode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
