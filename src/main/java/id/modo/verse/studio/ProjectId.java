package id.modo.verse.studio;

import java.util.UUID;

/** The identity of a Studio project, the only way other modules and features refer to one. */
public record ProjectId(UUID value) {

    public ProjectId {
        if (value == null) {
            throw new IllegalArgumentException("A project id is required");
        }
    }

    public static ProjectId of(UUID value) {
        return new ProjectId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
