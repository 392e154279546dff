package id.modo.verse.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the AI admin pages render. */
public final class AiAdminPageModels {

    private AiAdminPageModels() {
    }

    /** A page's outcome line: a notice key after a change, or an error key with the fields it names. */
    public record Outcome(String notice, String error, List<String> errorFields) {
        static final Outcome NONE = new Outcome(null, null, List.of());
    }

    /** A catalogue row with whether it can move up or down within its kind. */
    public record ModelRow(AdminModel model, boolean canMoveUp, boolean canMoveDown) {
        public String id() {
            return model.id().toString();
        }

        public String provider() {
            return model.provider().key();
        }

        public String name() {
            return model.model();
        }

        public String kind() {
            return model.kind().key();
        }

        public boolean pricedByTokens() {
            return model.pricedByTokens();
        }

        public String creditsIn() {
            return blank(AdminModel.plain(model.creditsPer1kInputTokens()));
        }

        public String creditsOut() {
            return blank(AdminModel.plain(model.creditsPer1kOutputTokens()));
        }

        public String usdIn() {
            return blank(AdminModel.plain(model.usdPer1kInputTokens()));
        }

        public String usdOut() {
            return blank(AdminModel.plain(model.usdPer1kOutputTokens()));
        }

        public String usdImage() {
            return blank(AdminModel.plain(model.usdPerImage()));
        }

        /** A video model's lengths as the form takes them, "4, 8, 12". */
        public String videoSeconds() {
            return model.videoSeconds() == null ? "" : String.join(", ", model.videoSeconds().stream().map(String::valueOf).toList());
        }

        public String creditsPerSecond() {
            return blank(AdminModel.plain(model.creditsPerSecond()));
        }

        public String usdPerSecond() {
            return blank(AdminModel.plain(model.usdPerSecond()));
        }

        public boolean enabled() {
            return model.enabled();
        }

        public boolean isDefault() {
            return model.isDefault();
        }

        /** Null for every plan. */
        public List<String> plans() {
            return model.plans();
        }

        public boolean allows(String plan) {
            return model.plans() != null && model.plans().contains(plan);
        }

        public int position() {
            return model.fallbackPosition();
        }

        private static String blank(String value) {
            return value == null ? "" : value;
        }
    }

    public record PriceRow(String type, String kind, int credits) {
    }

    public record ModelsPage(List<ModelRow> models, List<PriceRow> prices, List<String> plans, List<String> providers, Outcome outcome,
            Map<String, String> form) {
    }

    public record ModelPage(ModelRow model, List<String> plans, Outcome outcome) {
    }

    public record KeyRow(String provider, String source, String keyLastFour, String baseUrl, String model, java.time.Instant updatedAt,
            boolean storedButUnused) {
        public boolean editable() {
            return !"settings".equals(source);
        }

        public boolean stored() {
            return "stored".equals(source);
        }

        public boolean compatible() {
            return "compatible".equals(provider);
        }
    }

    public record KeysPage(List<KeyRow> keys, Outcome outcome, String errorProvider, boolean privateAddressesAllowed) {
    }

    /** One bar of a chart: its place in a viewBox of {@link Chart#WIDTH_PER_BAR} per bar and {@link Chart#HEIGHT} high. */
    public record Bar(int x, int y, int height, String label, String value) {
    }

    public record Chart(List<Bar> bars, int width, String max) {
        public static final int WIDTH_PER_BAR = 10;
        public static final int HEIGHT = 100;

        /** Bars for the values, scaled to the largest (at least 1, so an all-zero chart stays flat). */
        static <T> Chart of(List<T> items, Function<T, BigDecimal> value, Function<T, String> label, Function<BigDecimal, String> format) {
            BigDecimal max = items.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::max);
            BigDecimal scale = max.signum() == 0 ? BigDecimal.ONE : max;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                BigDecimal amount = value.apply(items.get(i));
                int height = amount.multiply(BigDecimal.valueOf(HEIGHT)).divide(scale, 0, RoundingMode.UP).intValue();
                bars.add(new Bar(i * WIDTH_PER_BAR + 1, HEIGHT - height, height, label.apply(items.get(i)), format.apply(amount)));
            }
            return new Chart(bars, Math.max(1, items.size()) * WIDTH_PER_BAR, format.apply(max));
        }
    }

    /** A line of a usage table: what it is (a day, provider and model, an organization) and its sums. */
    public record UsageRow(String label, String detail, long requests, long succeeded, long failed, long cancelled, long credits, String cost,
            long inputTokens, long outputTokens) {
        static UsageRow of(String label, String detail, PlatformUsage.Sums sums) {
            return new UsageRow(label, detail, sums.requests(), sums.succeeded(), sums.failed(), sums.cancelled(), sums.credits(),
                    usd(sums.costUsd()), sums.inputTokens(), sums.outputTokens());
        }
    }

    public record UsagePage(String from, String to, String zone, UsageRow totals, Chart credits, Chart cost, List<UsageRow> models,
            List<UsageRow> organizations, Outcome outcome) {
        public boolean empty() {
            return totals == null || totals.requests() == 0;
        }
    }

    /** US dollars with two to four decimals: the catalogue's prices are fractions of a cent. */
    static String usd(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$" + (rounded.scale() < 2 ? rounded.setScale(2) : rounded).toPlainString();
    }
}
