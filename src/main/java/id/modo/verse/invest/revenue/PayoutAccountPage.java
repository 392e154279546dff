package id.modo.verse.invest.revenue;

import java.util.Map;

/**
 * The investor's own payout bank account as a page: what is on file (the account number only by its last four digits)
 * and the form to change it; {@code form} holds what was typed when it is shown again with {@code errors}.
 */
public record PayoutAccountPage(String bankCode, String accountNumberLastFour, String accountHolderName, Map<String, String> form,
        Map<String, String> errors, boolean saved) {

    public boolean onFile() {
        return bankCode != null;
    }
}
