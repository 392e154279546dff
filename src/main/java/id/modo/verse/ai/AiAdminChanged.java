package id.modo.verse.ai;

import id.modo.verse.common.AuditedEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A platform admin changed the AI gateway: the catalogue, the prices, the fallback order or a platform key. Values
 * name a key only by its last four characters.
 */
record AiAdminChanged(UUID actorId, String entityType, UUID entityId, String action, Map<String, Object> oldValues,
        Map<String, Object> newValues) implements AuditedEvent {

    /** The prices and platform keys are keyed by name; the audit log wants an id, so a stable one is derived from it. */
    static UUID idOf(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
