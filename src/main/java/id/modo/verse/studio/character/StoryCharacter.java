package id.modo.verse.studio.character;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A character of a project's bible as stored; {@link CharacterRows} writes each of its parts on its own. */
record StoryCharacter(UUID id, UUID projectId, CharacterProfile profile, String imageUrl, Map<String, String> imagePoses,
        Map<CharacterSection, Map<String, String>> sections, CharacterArc arc, int displayOrder, Instant createdAt,
        Instant updatedAt) {

    String name() {
        return profile.name();
    }

    Map<String, String> section(CharacterSection section) {
        return sections.get(section);
    }

    /** The pose pictures with {@code pose} set to {@code url} (removed for null), in {@link ImagePose} order. */
    Map<String, String> posesWith(ImagePose pose, String url) {
        Map<String, String> poses = new LinkedHashMap<>();
        for (ImagePose p : ImagePose.values()) {
            String value = p == pose ? url : imagePoses.get(p.key());
            if (value != null) {
                poses.put(p.key(), value);
            }
        }
        return poses;
    }
}
