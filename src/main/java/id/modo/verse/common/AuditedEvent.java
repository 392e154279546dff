package id.modo.verse.common;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event that the audit log records. Modules publish their own past-tense events and let them
 * implement this, so audit learns what happened without any module calling it. Values must never
 * hold a password, hash, token or secret.
 */
public interface AuditedEvent {

    /** Who did it; null for the system or an anonymous caller. */
    @Nullable UUID actorId();

    /** What it happened to, e.g. {@code user}, {@code session}, {@code organization}. */
    String entityType();

    /** Which one; null when there is none to name (a sign-in with an address no account has). */
    @Nullable UUID entityId();

    /** A verb in past tense or a short code, e.g. {@code register}, {@code login_failed}. */
    String action();

    /** The organization it belongs to; null for account-level actions. */
    default @Nullable UUID organizationId() {
        return null;
    }

    /** The values before the change, null when the event records none; a value is null where the field was empty. */
    default @Nullable Map<String, @Nullable Object> oldValues() {
        return null;
    }

    /** The values after the change, null when the event records none; a value is null where the field is empty. */
    default @Nullable Map<String, @Nullable Object> newValues() {
        return null;
    }

    default Map<String, @Nullable Object> metadata() {
        return Map.of();
    }
}
