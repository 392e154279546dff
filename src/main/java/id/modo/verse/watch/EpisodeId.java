package id.modo.verse.watch;

import java.util.UUID;

/** The identity of a Watch episode. */
public record EpisodeId(UUID value) {

    public EpisodeId {
        if (value == null) {
            throw new IllegalArgumentException("A episode id is required");
        }
    }

    public static EpisodeId of(UUID value) {
        return new EpisodeId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
