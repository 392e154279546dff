package id.modo.verse.invest.revenue;

import id.modo.verse.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The JSON of the revenue API: amounts are decimal strings beside their currency. */
final class RevenueApi {

    private RevenueApi() {
    }

    /** Percentages are the ones the period was split by, kept on the distribution. */
    record DistributionResponse(UUID id, UUID campaignId, LocalDate periodStart, LocalDate periodEnd, String currency,
            Money totalRevenue, Money platformShare, Money creatorShare, Money investorPool, BigDecimal platformPercent,
            BigDecimal creatorPercent, BigDecimal investorPercent, String status, int payoutCount, int paidCount, int failedCount,
            Money paidAmount, Instant distributedAt, Instant createdAt) {

        static DistributionResponse of(DistributionView d) {
            return new DistributionResponse(d.id(), d.campaignId(), d.periodStart(), d.periodEnd(), d.currency(),
                    new Money(d.totalRevenue(), d.currency()), new Money(d.platformShare(), d.currency()),
                    new Money(d.creatorShare(), d.currency()), new Money(d.investorPool(), d.currency()), d.platformPercent(),
                    d.creatorPercent(), d.investorPercent(), d.status(), d.payoutCount(), d.paidCount(), d.failedCount(),
                    new Money(d.paidAmount(), d.currency()), d.distributedAt(), d.createdAt());
        }
    }

    /** {@code status}: pending, processing, completed (paid) or failed (with {@code failure_reason}; retryable). */
    record PayoutResponse(UUID id, UUID distributionId, UUID investmentId, UUID campaignId, String campaignTitle, LocalDate periodStart,
            LocalDate periodEnd, BigDecimal sharePercent, Money amount, String currency, String status, String paymentMethod,
            String paymentReference, String failureReason, int attempts, Instant paidAt, Instant createdAt) {

        static PayoutResponse of(PayoutView p) {
            return new PayoutResponse(p.id(), p.distributionId(), p.investmentId(), p.campaignId(), p.campaignTitle(), p.periodStart(),
                    p.periodEnd(), p.sharePercent(), new Money(p.amount(), p.currency()), p.currency(), p.status(), p.paymentMethod(),
                    p.paymentReference(), p.failureReason(), p.attempts(), p.paidAt(), p.createdAt());
        }
    }
}
