package id.modo.verse.watch;

import java.util.UUID;

/** The identity of a Watch content. */
public record ContentId(UUID value) {

    public ContentId {
        if (value == null) {
            throw new IllegalArgumentException("A content id is required");
        }
    }

    public static ContentId of(UUID value) {
        return new ContentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
