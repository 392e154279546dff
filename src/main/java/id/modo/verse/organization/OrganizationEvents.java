package id.modo.verse.organization;

import id.modo.verse.common.AuditedEvent;
import java.util.Map;
import java.util.UUID;

/** What happens to organizations and their members, published for the audit log and other modules. */
public final class OrganizationEvents {

    private OrganizationEvents() {
    }

    public record OrganizationCreated(UUID organizationId, UUID actorId, String name, String slug) implements AuditedEvent {
        public String entityType() { return "organization"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "create"; }
        public Map<String, Object> newValues() { return Map.of("name", name, "slug", slug); }
    }

    public record OrganizationUpdated(UUID organizationId, UUID actorId, Map<String, Object> oldValues,
            Map<String, Object> newValues) implements AuditedEvent {
        public String entityType() { return "organization"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "update"; }
    }

    /** Its audit row keeps the id in entity_id and metadata: the organization row itself is gone. */
    public record OrganizationDeleted(UUID deletedOrganizationId, UUID actorId, String name, String slug) implements AuditedEvent {
        public String entityType() { return "organization"; }
        public UUID entityId() { return deletedOrganizationId; }
        public String action() { return "delete"; }
        public Map<String, Object> oldValues() { return Map.of("name", name, "slug", slug); }
    }

    public record MemberAdded(UUID organizationId, UUID actorId, UUID userId, String role) implements AuditedEvent {
        public String entityType() { return "member"; }
        public UUID entityId() { return userId; }
        public String action() { return "member_add"; }
        public Map<String, Object> newValues() { return Map.of("role", role); }
    }

    public record MemberRoleChanged(UUID organizationId, UUID actorId, UUID userId, String oldRole, String newRole)
            implements AuditedEvent {
        public String entityType() { return "member"; }
        public UUID entityId() { return userId; }
        public String action() { return "role_change"; }
        public Map<String, Object> oldValues() { return Map.of("role", oldRole); }
        public Map<String, Object> newValues() { return Map.of("role", newRole); }
    }

    public record MemberRemoved(UUID organizationId, UUID actorId, UUID userId, String role) implements AuditedEvent {
        public String entityType() { return "member"; }
        public UUID entityId() { return userId; }
        public String action() { return actorId.equals(userId) ? "member_leave" : "member_remove"; }
        public Map<String, Object> oldValues() { return Map.of("role", role); }
    }
}
