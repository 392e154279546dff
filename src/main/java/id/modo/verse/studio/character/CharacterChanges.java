package id.modo.verse.studio.character;

import java.util.Map;

/**
 * What a client changes on a character. A null member leaves its part alone; an empty string
 * clears a text. A section that is sent replaces that section whole. {@code baseVersions} names,
 * for each part that changes, the version the client's edit started from.
 */
public record CharacterChanges(String name, String role, String archetype, String castReference,
        Map<CharacterSection, Map<String, Object>> sections, String characterArc, String transformation,
        Map<String, Integer> baseVersions) {

    public CharacterChanges {
        sections = sections == null ? Map.of() : sections;
        baseVersions = baseVersions == null ? Map.of() : baseVersions;
    }

    boolean touchesProfile() {
        return name != null || role != null || archetype != null || castReference != null;
    }

    boolean touchesArc() {
        return characterArc != null || transformation != null;
    }
}
