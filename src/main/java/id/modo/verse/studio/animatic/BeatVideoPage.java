package id.modo.verse.studio.animatic;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The AI videos beside each beat of the Animatic tab: the beat's videos (newest first), whether the reader may make one,
 * the lengths to choose with their prices (empty without a video model, when the button says how to configure one),
 * and what the last form post said.
 *
 * @param message already in the reader's language, else null
 */
public record BeatVideoPage(String projectId, boolean canGenerate, boolean configured, List<Length> lengths,
        Map<Integer, String> beatKeys, Map<String, List<Video>> byBeat, String message, boolean error) {

    public record Length(int seconds, String label) {
    }

    /** One video; {@code live} while it is made, when the page follows its job. */
    public record Video(UUID id, String status, UUID jobId, String videoUrl, String errorMessage, String label) {

        public boolean live() {
            return "generating".equals(status);
        }
    }

    /** The videos of the beat at {@code index} in the structure. */
    public List<Video> of(int index) {
        String key = beatKeys.get(index);
        return key == null ? List.of() : byBeat.getOrDefault(key, List.of());
    }

    public String keyOf(int index) {
        return beatKeys.get(index);
    }
}
