package id.modo.verse.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One investment in a campaign as its creator sees it: who backed it (by name only), the tier, the amount and what is
 * left of it after the platform's and the payment's fees. {@code status} is confirmed or refunded.
 */
public record BackerView(UUID investmentId, UUID userId, String name, String tierName, BigDecimal amount, String currency,
        String status, BigDecimal platformFee, BigDecimal paymentFee, BigDecimal netAmount, Instant createdAt, Instant confirmedAt) {
}
