package id.modo.verse.studio.universe;

import java.util.Map;

/**
 * What a client changes on a universe: null leaves a part alone, an empty string clears a text,
 * a section sent replaces that section whole; {@code baseVersions} names the version each changed
 * part started from.
 */
public record UniverseChanges(String name, String description, Map<UniverseSection, Map<String, Object>> sections,
        Map<String, Integer> baseVersions) {

    public UniverseChanges {
        sections = sections == null ? Map.of() : sections;
        baseVersions = baseVersions == null ? Map.of() : baseVersions;
    }

    boolean touchesDetails() {
        return name != null || description != null;
    }
}
