package id.modo.verse.credit;

import java.util.Locale;

/**
 * Where credits sit. Debits take bonus first, then rollover, then main. Main is the plan's monthly
 * allowance, renewed at each reset; rollover is last month's unused main (up to the plan's cap),
 * expiring at the next reset; bonus never expires: promotional grants and purchased packs.
 */
public enum CreditBucket {
    MAIN("balance"), BONUS("bonus_balance"), ROLLOVER("rollover_balance");

    private final String column;

    CreditBucket(String column) {
        this.column = column;
    }

    /** The credit_balances column; a constant, so safe to put into SQL text. */
    String column() {
        return column;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
