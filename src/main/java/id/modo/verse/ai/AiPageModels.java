package id.modo.verse.ai;

import java.util.List;
import java.util.Map;

/** What the organization's AI pages render; public only because precompiled templates live in another package. */
public final class AiPageModels {

    /** The chart's height in SVG units; bars are scaled to the busiest day. */
    static final double CHART_HEIGHT = 100;

    private AiPageModels() {
    }

    /** A provider an organization may bring a key for, with its stored key (last four only) or null. */
    public record ProviderRow(String provider, String lastFour, String name, boolean valid, java.time.Instant lastValidatedAt,
            java.time.Instant createdAt, boolean stored) {
    }

    /**
     * The AI keys page. Only owners and admins ({@code canManage}) see the keys and their forms; {@code byokAllowed}
     * false shows why adding is off and which plan allows it.
     */
    public record KeysPage(String organizationId, String organizationName, boolean canManage, boolean byokAllowed, String plan,
            String requiredPlanName, List<ProviderRow> providers, Map<String, String> values, Map<String, String> errors, String notice,
            String noticeKind) {
    }

    /** One day's bar: x, width and height in SVG units (attributes, not inline styles). */
    public record DayBar(String day, long generations, long failures, long credits, long tokens, double x, double width, double height,
            double y) {
    }

    /** A group's row in a table: a type or a member, its label, and its sums. */
    public record GroupRow(String label, long credits, long inputTokens, long outputTokens, long generations, long failures) {
    }

    /** The AI usage page: the range as typed, its totals, the chart of days, and the tables by type and member. */
    public record UsagePage(String organizationId, String organizationName, String from, String to, String zone, Map<String, String> errors,
            GroupRow totals, List<DayBar> days, List<GroupRow> types, List<GroupRow> members, boolean empty) {
    }

    static GroupRow row(String label, UsageReports.Sums sums) {
        return new GroupRow(label, sums.credits(), sums.inputTokens(), sums.outputTokens(), sums.generations(), sums.failures());
    }

    static List<DayBar> bars(List<UsageReports.Row> days) {
        long busiest = Math.max(1, days.stream().mapToLong(day -> day.sums().generations()).max().orElse(1));
        double width = 100.0 / Math.max(1, days.size());
        return java.util.stream.IntStream.range(0, days.size()).mapToObj(i -> {
            UsageReports.Sums sums = days.get(i).sums();
            double height = CHART_HEIGHT * sums.generations() / busiest;
            return new DayBar(days.get(i).key(), sums.generations(), sums.failures(), sums.credits(), sums.inputTokens() + sums.outputTokens(),
                    i * width + width * 0.1, width * 0.8, height, CHART_HEIGHT - height);
        }).toList();
    }
}
