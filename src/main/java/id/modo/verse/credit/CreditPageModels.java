package id.modo.verse.credit;

import java.util.List;
import java.util.Map;

/** What the credit pages render; public only because precompiled templates live in another package. */
public final class CreditPageModels {

    private CreditPageModels() {
    }

    /** One bucket in the stacked bar: its share of the bar in percent (SVG coordinates, no inline style). */
    public record Segment(String bucket, int credits, double x, double width) {
    }

    /** The ledger filter as typed: dates are {@code yyyy-MM-dd} in the viewer's time zone. */
    public record Form(String type, String bucket, String from, String to) {

        public boolean isEmpty() {
            return type.isEmpty() && bucket.isEmpty() && from.isEmpty() && to.isEmpty();
        }
    }

    public record Pack(String key, int credits, java.math.BigDecimal price) {
    }

    /** An organization's credits page: balances as a bar, one ledger page with its filter, the packs. */
    public record CreditsPage(String organizationId, String organizationName, CreditLedger.Balances balances, List<Segment> segments,
            Form form, List<String> types, List<String> buckets, Map<String, String> errors, List<CreditStatement.Transaction> transactions,
            String nextUrl, boolean firstPage, List<Pack> packs, boolean canBuy) {
    }

    /** The admin adjustment page: the form, and the chosen organization's balances once one is given. */
    public record AdminCreditsPage(String organizationId, CreditLedger.Balances balances, List<String> buckets,
            Map<String, String> values, Map<String, String> errors, String notice) {
    }

    static List<Segment> segments(CreditLedger.Balances balances) {
        double total = Math.max(balances.total(), 1);
        double x = 0;
        List<Segment> segments = new java.util.ArrayList<>();
        for (CreditBucket bucket : List.of(CreditBucket.BONUS, CreditBucket.ROLLOVER, CreditBucket.MAIN)) {
            int credits = switch (bucket) {
                case MAIN -> balances.main();
                case BONUS -> balances.bonus();
                case ROLLOVER -> balances.rollover();
            };
            double width = Math.round(credits / total * 10000) / 100.0;
            segments.add(new Segment(bucket.dbValue(), credits, x, width));
            x += width;
        }
        return segments;
    }
}
