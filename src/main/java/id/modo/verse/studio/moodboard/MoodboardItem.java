package id.modo.verse.studio.moodboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One picture of a project's moodboard: for a beat ({@code keyActionIndex} null) or for one of its key actions.
 * {@code image} is a stable {@code /media/{assetId}} reference, never a URL that expires; {@code version} is bumped by
 * every write, so a client that read an older one gets 409 instead of overwriting someone else's change.
 */
public record MoodboardItem(UUID id, UUID projectId, int beatIndex, String beatKey, Integer keyActionIndex, int position,
        String description, String aiPrompt, String image, String animationStyle, String colorMood, String lighting,
        List<String> references, String notes, String status, UUID generationId, UUID promptGenerationId, String errorMessage,
        int version, Instant createdAt, Instant updatedAt) {

    public static final String PENDING = "pending";
    public static final String GENERATING = "generating";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final List<String> STATUSES = List.of(PENDING, GENERATING, COMPLETED, FAILED);
    public static final List<String> STYLES = List.of("cartoon", "sketch", "3d", "vector", "realistic");

    public MoodboardItem {
        references = List.copyOf(references);
    }

    public boolean generating() {
        return GENERATING.equals(status);
    }

    public boolean writingPrompt() {
        return promptGenerationId != null;
    }
}
