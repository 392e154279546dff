package id.modo.verse.invest.revenue;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An investor's payouts as CSV for their tax return (RFC 4180: every field quoted, quotes doubled, CRLF). A text
 * field a spreadsheet would read as a formula ({@code = + - @}, tab or carriage return first) gets a leading
 * apostrophe, so a campaign title can never run in the investor's spreadsheet.
 */
final class PayoutsCsv {

    static final String HEADER = "paid_at,campaign,period_start,period_end,investment_id,share_percent,amount,currency,status,payment_reference";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Jakarta"));

    private PayoutsCsv() {
    }

    static String of(List<PayoutView> payouts) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (PayoutView p : payouts) {
            csv.append(String.join(",", field(p.paidAt() == null ? "" : TIME.format(p.paidAt())), field(p.campaignTitle()),
                    field(p.periodStart().toString()), field(p.periodEnd().toString()), field(p.investmentId().toString()),
                    field(p.sharePercent() == null ? "" : p.sharePercent().toPlainString()), field(p.amount().toPlainString()),
                    field(p.currency()), field(p.status()), field(p.paymentReference()))).append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
