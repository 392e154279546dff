package id.modo.verse.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Credits and USD of a generation. A model priced per generation costs its type's price; a model priced by tokens
 * costs its tokens, so before the call an upper bound is held: every input character counted as a token (tokenizers
 * give fewer tokens than characters for the languages served here) plus the template's most output tokens. A route
 * on the organization's own key costs nothing (the plans' BYOK rule); its fallback to the platform's key costs the
 * platform's price, which is why the hold covers the dearest platform route.
 */
final class GenerationPricing {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private GenerationPricing() {
    }

    /** What to hold for a generation that may be served by any of {@code routes}. */
    static int hold(List<Route> routes, int typePrice, int inputChars, int maxOutputTokens) {
        return routes.stream().filter(route -> !route.ownKey())
                .mapToInt(route -> credits(route.model(), typePrice, inputChars, maxOutputTokens)).max().orElse(0);
    }

    /** What a generation served by {@code model} costs for the tokens it used, never more than was held. */
    static int charge(AiModel model, boolean ownKey, int typePrice, long inputTokens, long outputTokens, int held) {
        return ownKey ? 0 : Math.min(held, credits(model, typePrice, inputTokens, outputTokens));
    }

    /** What to hold for a video of {@code seconds} that may be made on any of {@code routes}. */
    static int videoHold(List<Route> routes, int typePrice, int seconds) {
        return routes.stream().filter(route -> !route.ownKey()).mapToInt(route -> videoCredits(route.model(), typePrice, seconds)).max().orElse(0);
    }

    /** What a video of {@code seconds} made on {@code model} costs, never more than was held. */
    static int videoCharge(AiModel model, boolean ownKey, int typePrice, int seconds, int held) {
        return ownKey ? 0 : Math.min(held, videoCredits(model, typePrice, seconds));
    }

    /** What the provider charges us for a video of {@code seconds}; null when the catalogue has no price for it. */
    static BigDecimal videoUsd(AiModel model, int seconds) {
        return model.usdPerSecond() == null ? null : model.usdPerSecond().multiply(BigDecimal.valueOf(seconds));
    }

    /** A model priced per second costs its seconds (rounded up to whole credits); one without that price, its type's price. */
    private static int videoCredits(AiModel model, int typePrice, int seconds) {
        if (model.creditsPerSecond() == null) {
            return typePrice;
        }
        return model.creditsPerSecond().multiply(BigDecimal.valueOf(seconds)).setScale(0, RoundingMode.CEILING)
                .min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }

    static BigDecimal usd(AiModel model, long inputTokens, long outputTokens) {
        if (model.kind() == ModelKind.IMAGE && model.usdPerImage() != null) {
            return model.usdPerImage();
        }
        BigDecimal in = model.usdPer1kInputTokens() == null ? BigDecimal.ZERO : model.usdPer1kInputTokens();
        BigDecimal out = model.usdPer1kOutputTokens() == null ? BigDecimal.ZERO : model.usdPer1kOutputTokens();
        return in.multiply(BigDecimal.valueOf(inputTokens)).add(out.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(THOUSAND, 6, RoundingMode.HALF_UP);
    }

    private static int credits(AiModel model, int typePrice, long inputTokens, long outputTokens) {
        if (model.creditsPer1kInputTokens() == null) {
            return typePrice;
        }
        BigDecimal credits = model.creditsPer1kInputTokens().multiply(BigDecimal.valueOf(inputTokens))
                .add(model.creditsPer1kOutputTokens().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(THOUSAND, 0, RoundingMode.CEILING);
        return credits.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
