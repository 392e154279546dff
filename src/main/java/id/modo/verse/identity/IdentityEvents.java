package id.modo.verse.identity;

import id.modo.verse.common.AuditedEvent;
import java.util.Map;
import java.util.UUID;

/** What happens to accounts, published for the audit log and any module that cares. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record UserRegistered(UUID userId, String email, String name) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "register"; }
        public Map<String, Object> newValues() { return Map.of("email", email, "name", name); }
    }

    public record UserSignedIn(UUID userId, UUID sessionId, String client) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "session"; }
        public UUID entityId() { return sessionId; }
        public String action() { return "login"; }
        public Map<String, Object> metadata() { return Map.of("client", client); }
    }

    /** A sign-in through an OAuth2 provider (google, github, discord). */
    public record UserSignedInWithProvider(UUID userId, UUID sessionId, String client, String provider) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "session"; }
        public UUID entityId() { return sessionId; }
        public String action() { return "login"; }
        public Map<String, Object> metadata() { return Map.of("client", client, "provider", provider); }
    }

    /** An existing account was linked to a provider's account because the provider verified the same email. */
    public record ProviderLinked(UUID userId, String provider) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "oauth_link"; }
        public Map<String, Object> metadata() { return Map.of("provider", provider); }
    }

    /** A failed sign-in; {@code userId} is null when no account has that email. */
    public record SignInFailed(UUID userId, String email, String reason) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "login_failed"; }
        public Map<String, Object> metadata() { return Map.of("email", email, "reason", reason); }
    }

    public record UserSignedOut(UUID userId, UUID sessionId) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "session"; }
        public UUID entityId() { return sessionId; }
        public String action() { return "logout"; }
    }

    public record SessionRevoked(UUID userId, UUID sessionId) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "session"; }
        public UUID entityId() { return sessionId; }
        public String action() { return "revoke"; }
    }

    public record PasswordChanged(UUID userId, int otherSessionsRevoked) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "password_change"; }
        public Map<String, Object> metadata() { return Map.of("sessions_revoked", otherSessionsRevoked); }
    }

    public record ProfileUpdated(UUID userId, Map<String, Object> oldValues, Map<String, Object> newValues) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "update"; }
    }

    public record EmailVerified(UUID userId, String email) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "email_verify"; }
        public Map<String, Object> newValues() { return Map.of("email_verified", true); }
    }

    public record VerificationMailSent(UUID userId) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "verification_mail"; }
    }

    /** Recorded only for an existing account; the API answers the same either way. */
    public record PasswordResetRequested(UUID userId) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "password_reset_request"; }
    }

    public record PasswordReset(UUID userId, int sessionsRevoked) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "password_reset"; }
        public Map<String, Object> metadata() { return Map.of("sessions_revoked", sessionsRevoked); }
    }

    /** The account was anonymised; its audit rows stay, so no personal data goes into this one. */
    public record AccountDeleted(UUID userId) implements AuditedEvent {
        public UUID actorId() { return userId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "delete"; }
    }

    /** A platform admin suspended an account; its sessions were signed out in the same transaction. */
    public record UserSuspended(UUID adminId, UUID userId, int sessionsRevoked) implements AuditedEvent {
        public UUID actorId() { return adminId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "suspend"; }
        public Map<String, Object> oldValues() { return Map.of("status", "active"); }
        public Map<String, Object> newValues() { return Map.of("status", "suspended"); }
        public Map<String, Object> metadata() { return Map.of("sessions_revoked", sessionsRevoked); }
    }

    /** A platform admin let a suspended account sign in again. */
    public record UserRestored(UUID adminId, UUID userId) implements AuditedEvent {
        public UUID actorId() { return adminId; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "restore"; }
        public Map<String, Object> oldValues() { return Map.of("status", "suspended"); }
        public Map<String, Object> newValues() { return Map.of("status", "active"); }
    }

    /** An account became a platform admin because its email is in {@code modo.identity.admin-emails}. */
    public record PlatformAdminGranted(UUID userId, String email) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "user"; }
        public UUID entityId() { return userId; }
        public String action() { return "grant_platform_admin"; }
        public Map<String, Object> newValues() { return Map.of("platform_role", "admin"); }
        public Map<String, Object> metadata() { return Map.of("source", "modo.identity.admin-emails"); }
    }
}
