package id.modo.verse.invest.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded revenue period, its split and how far its payouts are. */
public record DistributionView(UUID id, UUID campaignId, LocalDate periodStart, LocalDate periodEnd, String currency,
        BigDecimal totalRevenue, BigDecimal platformShare, BigDecimal creatorShare, BigDecimal investorPool,
        BigDecimal platformPercent, BigDecimal creatorPercent, BigDecimal investorPercent, String status, int payoutCount,
        int paidCount, int failedCount, BigDecimal paidAmount, Instant distributedAt, Instant createdAt) {
}
