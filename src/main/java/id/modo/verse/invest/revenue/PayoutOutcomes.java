package id.modo.verse.invest.revenue;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a provider said of one payout attempt, wherever it was heard: the answer to the send, the provider's
 * callback, or the status look-up of an attempt it never called back about. Each move is a conditional UPDATE on that
 * attempt while it is processing, so hearing the same thing twice, or hearing of an older attempt, changes nothing.
 */
@Component
class PayoutOutcomes {

    private final RevenueRows rows;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PayoutOutcomes(RevenueRows rows, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the attempt moved: paid, failed, or (still under way) its reference recorded and its clock reset. */
    boolean apply(UUID payoutId, int attempt, String method, PayoutAdapter.Outcome outcome) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = clock.instant();
            boolean moved = switch (outcome) {
                case PayoutAdapter.Paid paid -> rows.paid(payoutId, attempt, method, paid.reference(), now);
                case PayoutAdapter.Accepted accepted -> rows.accepted(payoutId, attempt, method, accepted.reference(), now);
                case PayoutAdapter.Refused refused -> rows.failed(payoutId, attempt, refused.reason(), now);
            };
            if (moved) {
                rows.distributionOf(payoutId).ifPresent(distribution -> rows.refreshStatus(distribution, now));
            }
            return moved;
        }));
    }
}
