package id.modo.verse.media;

import id.modo.verse.common.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What happens to assets, published for the audit log and other modules. */
public final class MediaEvents {

    private MediaEvents() {
    }

    public record AssetUploaded(UUID assetId, UUID organizationId, UUID projectId, UUID actorId, String type, String mimeType,
            long sizeBytes, String originalName, String category) implements AuditedEvent {
        public String entityType() { return "asset"; }
        public UUID entityId() { return assetId; }
        public String action() { return "upload"; }
        public Map<String, Object> newValues() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("type", type);
            values.put("mime_type", mimeType);
            values.put("size_bytes", sizeBytes);
            values.put("original_name", originalName);
            if (projectId != null) {
                values.put("project_id", projectId.toString());
            }
            if (category != null) {
                values.put("category", category);
            }
            return values;
        }
    }

    /** {@code actorId} is null when the system removed it (a project's files purged from the trash). */
    public record AssetDeleted(UUID assetId, UUID organizationId, UUID projectId, UUID actorId, String originalName,
            long sizeBytes) implements AuditedEvent {
        public String entityType() { return "asset"; }
        public UUID entityId() { return assetId; }
        public String action() { return "delete"; }
        public Map<String, Object> oldValues() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("original_name", originalName);
            values.put("size_bytes", sizeBytes);
            if (projectId != null) {
                values.put("project_id", projectId.toString());
            }
            return values;
        }
    }
}
