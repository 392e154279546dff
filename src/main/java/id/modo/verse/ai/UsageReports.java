package id.modo.verse.ai;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums of {@code ai_usage_logs} over a range of days: credits, tokens, attempts and failures, in total and per day,
 * generation type or member. {@code organization} null sums every organization (for the platform's own reports).
 */
@Service
class UsageReports {

    enum Grouping { DAY, TYPE, MEMBER }

    /**
     * One group's sums. {@code generations} counts every attempt logged (a fallback's attempts each count);
     * {@code failures} those that ended in an error or a timeout.
     */
    record Sums(long credits, long inputTokens, long outputTokens, long generations, long failures) {
        static final Sums ZERO = new Sums(0, 0, 0, 0, 0);
    }

    /** A group: its key (the day as yyyy-mm-dd, the type, or the member's user id; null for no member) and its sums. */
    record Row(String key, Sums sums) {
    }

    record Report(UsageRange range, Grouping grouping, Sums totals, List<Row> rows) {
        boolean empty() {
            return totals.generations() == 0;
        }
    }

    private static final String SUMS = """
            coalesce(sum(credits_used), 0) as credits, coalesce(sum(input_tokens), 0) as input_tokens,
            coalesce(sum(output_tokens), 0) as output_tokens, count(*) as generations,
            count(*) filter (where status in ('error', 'timeout')) as failures""";

    private final JdbcClient jdbc;

    UsageReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Report report(UUID organization, UsageRange range, Grouping grouping) {
        String group = switch (grouping) {
            case DAY -> "to_char((created_at at time zone :zone)::date, 'YYYY-MM-DD')";
            case TYPE -> "endpoint";
            case MEMBER -> "cast(user_id as text)";
        };
        String where = " from ai_usage_logs where created_at >= :start and created_at < :end"
                + (organization == null ? "" : " and organization_id = :organization");
        Sums totals = params(jdbc.sql("select " + SUMS + where), organization, range).query(UsageReports::sums).single();
        List<Row> rows = params(jdbc.sql("select " + group + " as key, " + SUMS + where + " group by 1 order by credits desc, generations desc, 1"),
                organization, range)
                .query((row, number) -> new Row(row.getString("key"), sums(row, number)))
                .list();
        return new Report(range, grouping, totals, grouping == Grouping.DAY ? everyDay(range, rows) : rows);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, UUID organization, UsageRange range) {
        statement = statement.param("start", java.sql.Timestamp.from(range.start())).param("end", java.sql.Timestamp.from(range.end()))
                .param("zone", range.zone().getId());
        return organization == null ? statement : statement.param("organization", organization);
    }

    /** Days in order, the ones without usage as zeros, so a chart shows the gaps. */
    private static List<Row> everyDay(UsageRange range, List<Row> rows) {
        Map<String, Sums> byDay = rows.stream().collect(Collectors.toMap(Row::key, Row::sums));
        List<Row> days = new ArrayList<>();
        for (LocalDate day : range.days()) {
            days.add(new Row(day.toString(), byDay.getOrDefault(day.toString(), Sums.ZERO)));
        }
        return days;
    }

    private static Sums sums(ResultSet row, int number) throws SQLException {
        return new Sums(row.getLong("credits"), row.getLong("input_tokens"), row.getLong("output_tokens"), row.getLong("generations"),
                row.getLong("failures"));
    }
}
