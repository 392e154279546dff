package id.modo.verse.studio.character;

import id.modo.verse.common.AuditedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happens to characters, for the audit log. Saves of a character's parts are audited through
 * the version history ({@code studio_version} rows); these cover what is not a version.
 */
public final class CharacterEvents {

    private CharacterEvents() {
    }

    public record CharacterCreated(UUID organizationId, UUID actorId, UUID projectId, UUID characterId, String name)
            implements AuditedEvent {
        public String entityType() { return "character"; }
        public UUID entityId() { return characterId; }
        public String action() { return "create"; }
        public Map<String, Object> newValues() { return Map.of("name", name); }
        public Map<String, Object> metadata() { return Map.of("project_id", projectId.toString()); }
    }

    public record CharacterDeleted(UUID organizationId, UUID actorId, UUID projectId, UUID characterId, String name,
            int relationshipsRemoved) implements AuditedEvent {
        public String entityType() { return "character"; }
        public UUID entityId() { return characterId; }
        public String action() { return "delete"; }
        public Map<String, Object> oldValues() { return Map.of("name", name); }
        public Map<String, Object> metadata() {
            return Map.of("project_id", projectId.toString(), "relationships_removed", relationshipsRemoved);
        }
    }

    public record CharactersReordered(UUID organizationId, UUID actorId, UUID projectId, List<String> characterIds)
            implements AuditedEvent {
        public String entityType() { return "project"; }
        public UUID entityId() { return projectId; }
        public String action() { return "characters_reorder"; }
        public Map<String, Object> newValues() { return Map.of("character_ids", characterIds); }
    }

    public record RelationshipSet(UUID organizationId, UUID actorId, UUID projectId, UUID characterId, UUID relatedCharacterId,
            String oldType, String type, String description) implements AuditedEvent {
        public String entityType() { return "character"; }
        public UUID entityId() { return characterId; }
        public String action() { return "relationship_set"; }
        public Map<String, Object> oldValues() { return oldType == null ? null : Map.of("relationship_type", oldType); }
        public Map<String, Object> newValues() {
            Map<String, Object> values = new HashMap<>();
            values.put("character_id", relatedCharacterId.toString());
            values.put("relationship_type", type);
            if (description != null) {
                values.put("description", description);
            }
            return values;
        }
        public Map<String, Object> metadata() { return Map.of("project_id", projectId.toString()); }
    }

    public record RelationshipRemoved(UUID organizationId, UUID actorId, UUID projectId, UUID characterId, UUID relatedCharacterId,
            String type) implements AuditedEvent {
        public String entityType() { return "character"; }
        public UUID entityId() { return characterId; }
        public String action() { return "relationship_remove"; }
        public Map<String, Object> oldValues() {
            return Map.of("character_id", relatedCharacterId.toString(), "relationship_type", type);
        }
        public Map<String, Object> metadata() { return Map.of("project_id", projectId.toString()); }
    }

    /** A main picture or a pose picture set or cleared; {@code pose} is null for the main one. */
    public record CharacterImageChanged(UUID organizationId, UUID actorId, UUID projectId, UUID characterId, String pose,
            String oldUrl, String newUrl) implements AuditedEvent {
        public String entityType() { return "character"; }
        public UUID entityId() { return characterId; }
        public String action() { return "image_change"; }
        public Map<String, Object> oldValues() { return oldUrl == null ? null : Map.of("url", oldUrl); }
        public Map<String, Object> newValues() { return newUrl == null ? null : Map.of("url", newUrl); }
        public Map<String, Object> metadata() {
            return Map.of("project_id", projectId.toString(), "pose", pose == null ? "main" : pose);
        }
    }
}
