package id.modo.verse.billing;

import id.modo.verse.common.Money;
import java.time.Instant;

/**
 * One plan of the catalogue. Prices are tax-exclusive; a null {@code projectLimit} or {@code memberLimit} means
 * unlimited. {@code selfServe} is false for a plan sold by contact (enterprise), which nobody picks on the billing page.
 * {@code aiConcurrency}: how many AI generations an organization on it runs at once.
 */
public record Plan(String key, String name, Money monthlyPrice, Money yearlyPrice, int monthlyCredits, int rolloverCap,
        long storageLimitBytes, Integer projectLimit, Integer memberLimit, boolean byokAllowed, boolean selfServe,
        boolean active, int sortOrder, Instant updatedAt, int aiConcurrency) {

    public static final String FREE = "free";

    public Money price(BillingCycle cycle) {
        return cycle == BillingCycle.MONTHLY ? monthlyPrice : yearlyPrice;
    }

    public boolean isFree() {
        return FREE.equals(key);
    }

    /** Whether an organization may choose it itself: active, self-serve, and paid (free is where a cancel leads). */
    public boolean purchasable() {
        return active && selfServe && !isFree();
    }
}
