package id.modo.verse.invest.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One investor's payout of one distribution; {@code status} completed means paid. */
public record PayoutView(UUID id, UUID distributionId, UUID investmentId, UUID userId, UUID campaignId, String campaignTitle,
        LocalDate periodStart, LocalDate periodEnd, BigDecimal sharePercent, BigDecimal amount, String currency, String status,
        String paymentMethod, String paymentReference, String failureReason, int attempts, Instant paidAt, Instant createdAt) {
}
