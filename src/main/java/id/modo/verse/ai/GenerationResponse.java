package id.modo.verse.ai;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A generation as the API answers it. {@code result} is the text (a structured type's JSON as text, parsed in
 * {@code result_json}); {@code result_asset_id} the image in the media library. {@code credits_price} was held,
 * {@code credits_charged} spent. The URLs say where to follow it: its own, its events, and its job's while it runs as one.
 */
record GenerationResponse(UUID id, UUID organizationId, @Schema(nullable = true) UUID projectId, String type, Map<String, Object> input,
        @Schema(allowableValues = {"pending", "running", "completed", "failed", "cancelled"}) String status,
        @Schema(allowableValues = {"sync", "stream", "job"}) String mode, String templateVersion,
        @Schema(nullable = true) String result, @Schema(nullable = true) Map<String, Object> resultJson,
        @Schema(nullable = true) UUID resultAssetId, @Schema(nullable = true) String error, int creditsPrice,
        @Schema(nullable = true) Integer creditsCharged, @Schema(nullable = true) String provider, @Schema(nullable = true) String model,
        boolean ownKey, boolean fellBackToPlatformKey, @Schema(nullable = true) UUID jobId, String url, String eventsUrl,
        @Schema(nullable = true) String jobUrl, @Schema(nullable = true) String jobEventsUrl, Instant createdAt,
        @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt) {

    @SuppressWarnings("unchecked")
    static GenerationResponse of(Generation g) {
        String url = "/api/v1/ai/generations/" + g.id();
        String job = g.jobId() == null ? null : "/api/v1/jobs/" + g.jobId();
        return new GenerationResponse(g.id().value(), g.organizationId().value(), g.projectId(), g.type().key(), g.input(),
                g.status().dbValue(), g.mode().dbValue(), g.templateVersion(), g.resultText(),
                g.resultJson() instanceof Map<?, ?> json ? (Map<String, Object>) json : null, g.resultAssetId(), g.error(), g.creditsPrice(),
                g.creditsCharged(), g.provider(), g.model(), g.ownKey(), g.fellBackToPlatformKey(), g.jobId(), url, url + "/events",
                job, job == null ? null : job + "/events", g.createdAt(), g.startedAt(), g.finishedAt());
    }
}
