package id.modo.verse.ai;

import java.util.UUID;

/** A generation asked for through the gateway ({@code ai_generations}). */
public record GenerationId(UUID value) {

    public GenerationId {
        if (value == null) {
            throw new IllegalArgumentException("A generation id is required");
        }
    }

    public static GenerationId of(UUID value) {
        return new GenerationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
