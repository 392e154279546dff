package id.modo.verse.credit;

import java.util.Locale;

/** The kinds of ledger rows (credit_transactions.type). */
public enum CreditTransactionType {
    SUBSCRIPTION, PURCHASE, USAGE, REFUND, BONUS, ROLLOVER, EXPIRY, ADJUSTMENT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
