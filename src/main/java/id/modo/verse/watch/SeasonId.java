package id.modo.verse.watch;

import java.util.UUID;

/** The identity of a Watch season. */
public record SeasonId(UUID value) {

    public SeasonId {
        if (value == null) {
            throw new IllegalArgumentException("A season id is required");
        }
    }

    public static SeasonId of(UUID value) {
        return new SeasonId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
