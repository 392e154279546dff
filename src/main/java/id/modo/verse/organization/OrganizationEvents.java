package id.modo.verse.organization;

import id.modo.verse.common.AuditedEvent;
import java.time.Instant;
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

    /** The organization's plan and storage limit follow its subscription; the system (billing) changes them. */
    public record OrganizationPlanApplied(UUID organizationId, String oldPlan, long oldStorageLimitBytes, String plan,
            long storageLimitBytes) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "organization"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "plan_apply"; }
        public Map<String, Object> oldValues() { return Map.of("plan", oldPlan, "storage_limit_bytes", oldStorageLimitBytes); }
        public Map<String, Object> newValues() { return Map.of("plan", plan, "storage_limit_bytes", storageLimitBytes); }
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

    /*
     * Invitations: entity_type "invitation", entity_id the invitation's id. The email and role are not
     * secrets; the token (and its hash) never leaves the invitations table.
     */

    public record InvitationCreated(UUID organizationId, UUID actorId, UUID invitationId, String email, String role,
            Instant expiresAt) implements AuditedEvent {
        public String entityType() { return "invitation"; }
        public UUID entityId() { return invitationId; }
        public String action() { return "create"; }
        public Map<String, Object> newValues() {
            return Map.of("email", email, "role", role, "status", "pending", "expires_at", expiresAt.toString());
        }
    }

    /** A new token and expiry: the old link no longer works. */
    public record InvitationResent(UUID organizationId, UUID actorId, UUID invitationId, String email, String oldStatus,
            Instant oldExpiresAt, Instant expiresAt) implements AuditedEvent {
        public String entityType() { return "invitation"; }
        public UUID entityId() { return invitationId; }
        public String action() { return "resend"; }
        public Map<String, Object> oldValues() { return Map.of("status", oldStatus, "expires_at", oldExpiresAt.toString()); }
        public Map<String, Object> newValues() { return Map.of("status", "pending", "expires_at", expiresAt.toString()); }
        public Map<String, Object> metadata() { return Map.of("email", email); }
    }

    public record InvitationRevoked(UUID organizationId, UUID actorId, UUID invitationId, String email, String oldStatus)
            implements AuditedEvent {
        public String entityType() { return "invitation"; }
        public UUID entityId() { return invitationId; }
        public String action() { return "revoke"; }
        public Map<String, Object> oldValues() { return Map.of("status", oldStatus); }
        public Map<String, Object> newValues() { return Map.of("status", "revoked"); }
        public Map<String, Object> metadata() { return Map.of("email", email); }
    }

    /** The invitee ({@code actorId}) joined; a {@link MemberAdded} is published with it. */
    public record InvitationAccepted(UUID organizationId, UUID actorId, UUID invitationId, String email, String role)
            implements AuditedEvent {
        public String entityType() { return "invitation"; }
        public UUID entityId() { return invitationId; }
        public String action() { return "accept"; }
        public Map<String, Object> oldValues() { return Map.of("status", "pending"); }
        public Map<String, Object> newValues() { return Map.of("status", "accepted", "role", role); }
        public Map<String, Object> metadata() { return Map.of("email", email); }
    }

    public record InvitationDeclined(UUID organizationId, UUID actorId, UUID invitationId, String email) implements AuditedEvent {
        public String entityType() { return "invitation"; }
        public UUID entityId() { return invitationId; }
        public String action() { return "decline"; }
        public Map<String, Object> oldValues() { return Map.of("status", "pending"); }
        public Map<String, Object> newValues() { return Map.of("status", "declined"); }
        public Map<String, Object> metadata() { return Map.of("email", email); }
    }
}
