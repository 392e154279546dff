package id.modo.verse.media;

import java.util.UUID;

/** The identity of an uploaded file. */
public record AssetId(UUID value) {

    public AssetId {
        if (value == null) {
            throw new IllegalArgumentException("An asset id is required");
        }
    }

    public static AssetId of(UUID value) {
        return new AssetId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
