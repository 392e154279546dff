package id.modo.verse.studio;

import id.modo.verse.common.AuditedEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What happens in Studio, published for the audit log and other modules. Entity ids are projects unless named otherwise. */
public final class StudioEvents {

    private StudioEvents() {
    }

    /** A new version of a section; its content stays in studio_versions, the audit row says which one. */
    public record VersionSaved(UUID organizationId, UUID projectId, UUID actorId, UUID versionId, String versionedType, UUID versionedId, String section,
            int number, String source, UUID restoredFrom) implements AuditedEvent {
        public String entityType() { return "studio_version"; }
        public UUID entityId() { return versionId; }
        public String action() { return "restore".equals(source) ? "restore" : "save"; }
        public Map<String, Object> metadata() {
            Map<String, Object> values = new HashMap<>();
            values.put("project_id", projectId.toString());
            values.put("entity_type", versionedType);
            values.put("entity_id", versionedId.toString());
            values.put("section", section);
            values.put("number", number);
            values.put("source", source);
            if (restoredFrom != null) {
                values.put("restored_from", restoredFrom.toString());
            }
            return values;
        }
    }

    public record ProjectCreated(UUID organizationId, UUID actorId, UUID projectId, String title, String slug, String visibility)
            implements AuditedEvent {
        public String entityType() { return "project"; }
        public UUID entityId() { return projectId; }
        public String action() { return "create"; }
        public Map<String, Object> newValues() { return Map.of("title", title, "slug", slug, "visibility", visibility); }
    }

    public record ProjectUpdated(UUID organizationId, UUID actorId, UUID projectId, Map<String, Object> oldValues,
            Map<String, Object> newValues) implements AuditedEvent {
        public String entityType() { return "project"; }
        public UUID entityId() { return projectId; }
        public String action() { return "update"; }
    }

    public record ProjectStatusChanged(UUID organizationId, UUID actorId, UUID projectId, String oldStatus, String newStatus)
            implements AuditedEvent {
        public String entityType() { return "project"; }
        public UUID entityId() { return projectId; }
        public String action() { return "status_change"; }
        public Map<String, Object> oldValues() { return Map.of("status", oldStatus); }
        public Map<String, Object> newValues() { return Map.of("status", newStatus); }
    }

    /** Put in the trash; restorable until {@code purgeAfter}. */
    public record ProjectTrashed(UUID organizationId, UUID actorId, UUID projectId, String title, java.time.Instant purgeAfter)
            implements AuditedEvent {
        public String entityType() { return "project"; }
        public UUID entityId() { return projectId; }
        public String action() { return "delete"; }
        public Map<String, Object> metadata() { return Map.of("title", title, "purge_after", purgeAfter.toString()); }
    }

    public record ProjectRestored(UUID organizationId, UUID actorId, UUID projectId, String title) implements AuditedEvent {
        public String entityType() { return "project"; }
        public UUID entityId() { return projectId; }
        public String action() { return "restore"; }
        public Map<String, Object> metadata() { return Map.of("title", title); }
    }

    /** Removed for good by the purge job after 30 days in the trash, with its files. */
    public record ProjectPurged(UUID organizationId, UUID projectId, String title) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "project"; }
        public UUID entityId() { return projectId; }
        public String action() { return "purge"; }
        public Map<String, Object> oldValues() { return Map.of("title", title); }
    }

    public record CollaboratorAdded(UUID organizationId, UUID actorId, UUID projectId, UUID userId, String role,
            java.util.List<String> permissions) implements AuditedEvent {
        public String entityType() { return "project_collaborator"; }
        public UUID entityId() { return userId; }
        public String action() { return "add"; }
        public Map<String, Object> newValues() { return Map.of("role", role, "permissions", permissions); }
        public Map<String, Object> metadata() { return Map.of("project_id", projectId.toString()); }
    }

    public record CollaboratorChanged(UUID organizationId, UUID actorId, UUID projectId, UUID userId, Map<String, Object> oldValues,
            Map<String, Object> newValues) implements AuditedEvent {
        public String entityType() { return "project_collaborator"; }
        public UUID entityId() { return userId; }
        public String action() { return "update"; }
        public Map<String, Object> metadata() { return Map.of("project_id", projectId.toString()); }
    }

    public record CollaboratorRemoved(UUID organizationId, UUID actorId, UUID projectId, UUID userId, String role)
            implements AuditedEvent {
        public String entityType() { return "project_collaborator"; }
        public UUID entityId() { return userId; }
        public String action() { return "remove"; }
        public Map<String, Object> oldValues() { return Map.of("role", role); }
        public Map<String, Object> metadata() { return Map.of("project_id", projectId.toString()); }
    }
}
