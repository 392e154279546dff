package id.modo.verse.billing;

import id.modo.verse.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The money of a mid-period upgrade. The unused part of the old plan is its price times the seconds left in the
 * period over the period's seconds, rounded half-up to two decimals; it is credited against the new plan, which is
 * charged the same way for the rest of the period (same cycle) or in full for a new period (a longer cycle).
 * Each amount is rounded on its own, so the lines of an invoice add up to its subtotal exactly.
 */
final class Proration {

    private Proration() {
    }

    /** {@code price × remaining / period}, by whole seconds, half-up to two decimals; zero outside the period. */
    static Money remainingShare(Money price, Instant periodStart, Instant periodEnd, Instant now) {
        long total = Duration.between(periodStart, periodEnd).toSeconds();
        if (total <= 0) {
            throw new IllegalArgumentException("A period ends after it starts");
        }
        long remaining = Math.clamp(Duration.between(now, periodEnd).toSeconds(), 0, total);
        BigDecimal share = price.amount().multiply(BigDecimal.valueOf(remaining)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new Money(share, price.currency());
    }

    /** What an upgrade costs now: the new plan's charge less the unused part of the old one. */
    record Quote(Money newPlanCharge, Money unusedCredit, boolean newPeriod) {

        Money subtotal() {
            return newPlanCharge.minus(unusedCredit);
        }
    }

    static Quote upgrade(Money oldPrice, Money newPrice, boolean sameCycle, Instant periodStart, Instant periodEnd, Instant now) {
        Money credit = remainingShare(oldPrice, periodStart, periodEnd, now);
        Money charge = sameCycle ? remainingShare(newPrice, periodStart, periodEnd, now) : newPrice;
        return new Quote(charge, credit, !sameCycle);
    }
}
