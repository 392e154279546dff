package id.modo.verse.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An investment as its investor sees it, with the campaign and tier it backs. */
public record InvestmentView(UUID id, UUID campaignId, String campaignTitle, UUID tierId, String tierName, BigDecimal amount,
        String currency, String status, String paymentStatus, UUID paymentId, Instant createdAt, Instant confirmedAt) {
}
