package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One row of the model catalogue ({@code ai_models}); {@code plans} null means every plan. A video model has the lengths
 * it makes ({@code videoSeconds}) and its prices per second; the others have none of them.
 */
record AiModel(UUID id, ProviderKind provider, String model, ModelKind kind, BigDecimal creditsPer1kInputTokens,
        BigDecimal creditsPer1kOutputTokens, BigDecimal usdPer1kInputTokens, BigDecimal usdPer1kOutputTokens,
        BigDecimal usdPerImage, boolean isDefault, List<String> plans, int fallbackPosition, List<Integer> videoSeconds,
        BigDecimal creditsPerSecond, BigDecimal usdPerSecond) {

    /** Whether it makes videos of this many seconds. */
    boolean makesSeconds(int seconds) {
        return videoSeconds != null && videoSeconds.contains(seconds);
    }

    boolean allows(String plan) {
        return plans == null || plans.contains(plan);
    }

    /** Whether it is the plan's own model: one that lists the plan, not one open to every plan. */
    boolean isPlansOwn(String plan) {
        return plans != null && plans.contains(plan);
    }
}
