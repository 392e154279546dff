package id.modo.verse.ai;

import id.modo.verse.organization.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A generation as stored. {@code resultJson} is the structured answer of a structured type (its text is in
 * {@code resultText} too); {@code resultAssetId} the image in the organization's media library. {@code creditsPrice}
 * is what was shown and held, {@code creditsCharged} what was spent (null until it ended; 0 when nothing was made).
 */
public record Generation(GenerationId id, OrganizationId organizationId, UUID userId, UUID projectId, GenerationType type,
        Map<String, Object> input, String templateVersion, GenerationMode mode, GenerationStatus status, String resultText,
        Object resultJson, UUID resultAssetId, String error, int creditsPrice, Integer creditsCharged, UUID reservationId, UUID jobId,
        String provider, String model, boolean ownKey, boolean fellBackToPlatformKey, Instant createdAt, Instant startedAt,
        Instant finishedAt) {
}
