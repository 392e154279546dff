package id.modo.verse.studio.universe;

import id.modo.verse.studio.section.PartVersion;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A project's universe as the API and pages show it; {@code id} is null while nothing was saved.
 * {@code versions} holds the current version of each saved part ({@code details} and each section).
 */
public record UniverseView(UUID id, UUID projectId, String name, String description, Map<UniverseSection, Map<String, String>> sections,
        Map<String, PartVersion> versions, Instant updatedAt) {

    public Map<String, String> section(UniverseSection section) {
        return sections.getOrDefault(section, Map.of());
    }

    public int baseVersion(String part) {
        PartVersion version = versions.get(part);
        return version == null ? 0 : version.number();
    }
}
