package id.modo.verse.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, always with two decimals as the ERD's DECIMAL(…, 2) columns
 * keep it (IDR has no minor unit in practice, but the stored scale stays 2). Never floating point:
 * JSON carries {@link #plain()} as a decimal string beside the currency code.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public static final String IDR = "IDR";

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!currency.equals(currency.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("Currency codes are upper case: " + currency);
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency code: " + currency);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("At most two decimals: " + amount.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a decimal amount: " + amount);
        }
    }

    public static Money idr(long rupiah) {
        return new Money(BigDecimal.valueOf(rupiah), IDR);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /** This amount times a rate (a tax rate, a proration fraction), rounded half-up to two decimals. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor).setScale(2, RoundingMode.HALF_UP), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The decimal string for JSON and storage, e.g. {@code "150000.00"}. */
    public String plain() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot mix " + currency + " and " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return currency + " " + plain();
    }
}
