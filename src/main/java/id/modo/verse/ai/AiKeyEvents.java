package id.modo.verse.ai;

import id.modo.verse.common.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An organization's own provider keys added, replaced and deleted, for its audit log. The values name the provider,
 * the key's name and its last four characters, which people see anyway; never the key.
 */
final class AiKeyEvents {

    private AiKeyEvents() {
    }

    private static Map<String, Object> values(OrganizationKeys.KeyView key) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("provider", key.provider().key());
        values.put("name", key.name());
        values.put("last_four", key.lastFour());
        values.put("is_valid", key.valid());
        return values;
    }

    /** A key stored for a provider; {@code replaced} is the key it took the place of, if any. */
    record AiKeyStored(UUID organizationId, UUID actorId, OrganizationKeys.KeyView key, OrganizationKeys.KeyView replaced)
            implements AuditedEvent {
        public String entityType() { return "ai_key"; }
        public UUID entityId() { return key.id(); }
        public String action() { return replaced == null ? "ai_key_add" : "ai_key_replace"; }
        public Map<String, Object> oldValues() { return replaced == null ? null : values(replaced); }
        public Map<String, Object> newValues() { return values(key); }
    }

    record AiKeyDeleted(UUID organizationId, UUID actorId, OrganizationKeys.KeyView key) implements AuditedEvent {
        public String entityType() { return "ai_key"; }
        public UUID entityId() { return key.id(); }
        public String action() { return "ai_key_delete"; }
        public Map<String, Object> oldValues() { return values(key); }
    }
}
