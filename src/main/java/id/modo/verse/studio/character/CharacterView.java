package id.modo.verse.studio.character;

import id.modo.verse.studio.section.PartVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A character as the API and pages show it, with its relationships (the ERD's list of
 * {character_id, relationship_type, description}) and the current version of each saved part.
 */
public record CharacterView(UUID id, UUID projectId, String name, CharacterRole role, String archetype, String imageUrl,
        Map<String, String> imagePoses, String castReference, Map<CharacterSection, Map<String, String>> sections,
        String characterArc, String transformation, List<RelationshipView> relationships, int displayOrder,
        Map<String, PartVersion> versions, Instant createdAt, Instant updatedAt) {

    /** A relationship from this character to another of the same project. */
    public record RelationshipView(UUID characterId, String characterName, RelationshipType relationshipType, String description) {
    }

    public Map<String, String> section(CharacterSection section) {
        return sections.getOrDefault(section, Map.of());
    }

    /** The number a save of {@code part} must carry as its base: 0 for a part never saved. */
    public int baseVersion(String part) {
        PartVersion version = versions.get(part);
        return version == null ? 0 : version.number();
    }
}
