package id.modo.verse.studio.character;

import java.util.UUID;

/** The identity of a character as the API and pages take it from their paths. */
public record CharacterId(UUID value) {

    public CharacterId {
        if (value == null) {
            throw new IllegalArgumentException("A character id is required");
        }
    }

    public static CharacterId of(UUID value) {
        return new CharacterId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
