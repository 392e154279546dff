package id.modo.verse.invest.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's chart of paid payouts per month (of the period they pay for), drawn as an inline SVG on the server:
 * no script and no CDN. Coordinates are in the SVG's own units; the picture scales to the page's width.
 */
public record PayoutChart(String currency, List<Bar> bars, BigDecimal max, BigDecimal total) {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 220;
    public static final int BASELINE = 190;
    private static final int TOP = 20;
    private static final int MONTHS = 12;

    /** One month's bar: where it stands, how tall, what it is. */
    public record Bar(YearMonth month, BigDecimal amount, int x, int y, int width, int height, int labelX) {
    }

    /** The last twelve months that have paid payouts in the most frequent currency; empty when nothing was paid yet. */
    static PayoutChart of(List<PayoutView> payouts) {
        Map<String, Long> byCurrency = new TreeMap<>();
        payouts.stream().filter(p -> "completed".equals(p.status())).forEach(p -> byCurrency.merge(p.currency(), 1L, Long::sum));
        if (byCurrency.isEmpty()) {
            return new PayoutChart(null, List.of(), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        String currency = byCurrency.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        TreeMap<YearMonth, BigDecimal> months = new TreeMap<>();
        payouts.stream().filter(p -> "completed".equals(p.status()) && currency.equals(p.currency()))
                .forEach(p -> months.merge(YearMonth.from(p.periodEnd()), p.amount(), BigDecimal::add));
        while (months.size() > MONTHS) {
            months.pollFirstEntry();
        }
        BigDecimal max = months.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal total = months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int slot = (WIDTH - 20) / Math.max(months.size(), 4);
        int barWidth = slot * 3 / 5;
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<YearMonth, BigDecimal> month : months.entrySet()) {
            int height = max.signum() == 0 ? 0 : month.getValue().multiply(BigDecimal.valueOf(BASELINE - TOP))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue();
            int x = 10 + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(month.getKey(), month.getValue(), x, BASELINE - height, barWidth, height, x + barWidth / 2));
            i++;
        }
        return new PayoutChart(currency, bars, max, total);
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
