package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A catalogue row as platform admins see and edit it, disabled models included. */
record AdminModel(UUID id, ProviderKind provider, String model, ModelKind kind, BigDecimal creditsPer1kInputTokens,
        BigDecimal creditsPer1kOutputTokens, BigDecimal usdPer1kInputTokens, BigDecimal usdPer1kOutputTokens, BigDecimal usdPerImage,
        boolean enabled, boolean isDefault, List<String> plans, int fallbackPosition, Instant updatedAt, List<Integer> videoSeconds,
        BigDecimal creditsPerSecond, BigDecimal usdPerSecond) {

    /** Priced by its tokens rather than by its generation type's price. */
    boolean pricedByTokens() {
        return creditsPer1kInputTokens != null;
    }

    /** What the audit log records of it. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("provider", provider.key());
        values.put("model", model);
        values.put("kind", kind.key());
        values.put("credits_per_1k_input_tokens", plain(creditsPer1kInputTokens));
        values.put("credits_per_1k_output_tokens", plain(creditsPer1kOutputTokens));
        values.put("usd_per_1k_input_tokens", plain(usdPer1kInputTokens));
        values.put("usd_per_1k_output_tokens", plain(usdPer1kOutputTokens));
        values.put("usd_per_image", plain(usdPerImage));
        if (kind == ModelKind.VIDEO) {
            values.put("video_seconds", videoSeconds);
            values.put("credits_per_second", plain(creditsPerSecond));
            values.put("usd_per_second", plain(usdPerSecond));
        }
        values.put("enabled", enabled);
        values.put("is_default", isDefault);
        values.put("plans", plans);
        values.put("fallback_position", fallbackPosition);
        return values;
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
