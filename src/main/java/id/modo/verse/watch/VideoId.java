package id.modo.verse.watch;

import java.util.UUID;

/** The identity of a Watch video. */
public record VideoId(UUID value) {

    public VideoId {
        if (value == null) {
            throw new IllegalArgumentException("A video id is required");
        }
    }

    public static VideoId of(UUID value) {
        return new VideoId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
