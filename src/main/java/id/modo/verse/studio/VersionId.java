package id.modo.verse.studio;

import java.util.UUID;

/** The identity of a saved version of a project's section, as the API and pages take it from their paths. */
public record VersionId(UUID value) {

    public VersionId {
        if (value == null) {
            throw new IllegalArgumentException("A version id is required");
        }
    }

    public static VersionId of(UUID value) {
        return new VersionId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
