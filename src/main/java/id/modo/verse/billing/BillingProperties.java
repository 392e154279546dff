package id.modo.verse.billing;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of plans and subscriptions, under {@code modo.billing.*}.
 *
 * @param trialDays length of the one free trial an organization gets on its first paid plan (0 turns trials off)
 * @param taxRate VAT (PPN) added to the tax-exclusive plan prices, e.g. 0.11
 * @param retryDelays after a renewal fails or goes unpaid, when to try again; after the last one the subscription
 *     is canceled and the organization is back on free
 * @param renewalInterval how often the renewal job looks for subscriptions whose period ended
 */
@Validated
@ConfigurationProperties("modo.billing")
record BillingProperties(int trialDays, @NotNull BigDecimal taxRate, @NotNull List<Duration> retryDelays,
        @NotNull Duration renewalInterval) {

    BillingProperties {
        if (trialDays < 0 || trialDays > 365) {
            throw new IllegalArgumentException("modo.billing.trial-days must be 0 to 365, was " + trialDays);
        }
        if (taxRate != null && (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0 || taxRate.scale() > 4)) {
            throw new IllegalArgumentException("modo.billing.tax-rate must be at least 0 and below 1 with at most 4 decimals, was " + taxRate);
        }
        if (retryDelays != null && retryDelays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("modo.billing.retry-delays must all be positive, were " + retryDelays);
        }
        if (renewalInterval != null && (renewalInterval.isNegative() || renewalInterval.isZero())) {
            throw new IllegalArgumentException("modo.billing.renewal-interval must be positive, was " + renewalInterval);
        }
        retryDelays = retryDelays == null ? null : List.copyOf(retryDelays);
    }
}
