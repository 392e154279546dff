package id.modo.verse.common;

import java.util.Map;
import java.util.UUID;

/**
 * An event that the audit log records. Modules publish their own past-tense events and let them
 * implement this, so audit learns what happened without any module calling it. Values must never
 * hold a password, hash, token or secret.
 */
public interface AuditedEvent {

    /** Who did it; null for the system or an anonymous caller. */
    UUID actorId();

    /** What it happened to, e.g. {@code user}, {@code session}, {@code organization}. */
    String entityType();

    UUID entityId();

    /** A verb in past tense or a short code, e.g. {@code register}, {@code login_failed}. */
    String action();

    /** The organization it belongs to; null for account-level actions. */
    default UUID organizationId() {
        return null;
    }

    default Map<String, Object> oldValues() {
        return null;
    }

    default Map<String, Object> newValues() {
        return null;
    }

    default Map<String, Object> metadata() {
        return Map.of();
    }
}
