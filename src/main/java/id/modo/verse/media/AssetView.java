package id.modo.verse.media;

import id.modo.verse.organization.OrganizationId;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file as other modules and clients see it. {@code url} and {@code thumbnailUrl} fetch
 * the bytes: for a private asset they are signed and stop working after {@code urlsExpireAt}; for a
 * public one they are stable and {@code urlsExpireAt} is null. {@code thumbnailUrl} is null when the
 * asset has no thumbnail (anything but an image, for now).
 */
public record AssetView(
        AssetId id,
        OrganizationId organizationId,
        UUID projectId,
        AssetType type,
        String mimeType,
        long sizeBytes,
        String originalName,
        String category,
        AssetVisibility visibility,
        boolean hasThumbnail,
        Integer width,
        Integer height,
        Instant createdAt,
        URI url,
        URI thumbnailUrl,
        Instant urlsExpireAt) {
}
