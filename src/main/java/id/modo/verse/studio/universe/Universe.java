package id.modo.verse.studio.universe;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A project's world as stored: one row per project, made by its first save. */
record Universe(UUID id, UUID projectId, String name, String description, Map<UniverseSection, Map<String, String>> sections,
        Instant updatedAt) {

    Map<String, String> section(UniverseSection section) {
        return sections.get(section);
    }
}
