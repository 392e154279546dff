package id.modo.verse.ai;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform-wide AI usage and cost for platform admins, from {@code ai_usage_logs}: per day (in the platform's time
 * zone, Asia/Jakarta by default), per provider and model, per organization. Every attempt is a row; a status other
 * than success, error or timeout counts as cancelled.
 */
@Service
class PlatformUsage {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    private static final String SUMS = """
            count(*) as requests, count(*) filter (where status = 'success') as succeeded,
            count(*) filter (where status in ('error', 'timeout')) as failed, coalesce(sum(credits_used), 0) as credits,
            coalesce(sum(cost_usd), 0) as cost_usd, coalesce(sum(input_tokens), 0) as input_tokens,
            coalesce(sum(output_tokens), 0) as output_tokens""";

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final ZoneId zone;
    private final Clock clock;

    PlatformUsage(JdbcClient jdbc, Organizations organizations, ModoProperties modo, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.zone = modo.web().defaultTimeZone();
        this.clock = clock;
    }

    /** The days a report covers, both included. */
    record Range(LocalDate from, LocalDate to) {
        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** The sums of a group of attempts; {@code cancelled} is what is neither success nor failure. */
    record Sums(long requests, long succeeded, long failed, long credits, BigDecimal costUsd, long inputTokens, long outputTokens) {
        long cancelled() {
            return requests - succeeded - failed;
        }
    }

    record Day(LocalDate day, Sums sums) {
    }

    record ProviderModel(String provider, String model, Sums sums) {
    }

    /** An organization with its name, null when it was deleted. */
    record Organization(UUID organizationId, String name, Sums sums) {
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The range from the request's {@code from} and {@code to} (yyyy-mm-dd, blank: the last 30 days up to today),
     * else a 400 naming the field.
     */
    Range range(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = date(to, "to", errors);
        LocalDate start = date(from, "from", errors);
        if (errors.isEmpty()) {
            end = end == null ? (start == null ? today : start.plusDays(DEFAULT_DAYS - 1)) : end;
            start = start == null ? end.minusDays(DEFAULT_DAYS - 1) : start;
            if (start.isAfter(end)) {
                errors.add(new FieldError("to", "must be on or after from"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days after from"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors", errors));
        }
        return new Range(start, end);
    }

    @Transactional(readOnly = true)
    Sums totals(Range range) {
        return jdbc.sql("select " + SUMS + " from ai_usage_logs where created_at >= ? and created_at < ?")
                .params(start(range), end(range)).query((rs, n) -> sums(rs)).single();
    }

    /** Every day of the range, the quiet ones with zeros, so a chart shows the gaps. */
    @Transactional(readOnly = true)
    List<Day> perDay(Range range) {
        Map<LocalDate, Sums> found = new LinkedHashMap<>();
        jdbc.sql("select (created_at at time zone ?)::date as day, " + SUMS
                        + " from ai_usage_logs where created_at >= ? and created_at < ? group by 1")
                .params(zone.getId(), start(range), end(range))
                .query(rs -> {
                    found.put(rs.getObject("day", LocalDate.class), sums(rs));
                });
        Sums none = new Sums(0, 0, 0, 0, BigDecimal.ZERO, 0, 0);
        return range.from().datesUntil(range.to().plusDays(1)).map(day -> new Day(day, found.getOrDefault(day, none))).toList();
    }

    @Transactional(readOnly = true)
    List<ProviderModel> perModel(Range range) {
        return jdbc.sql("select coalesce(provider, '') as provider, coalesce(model, '') as model, " + SUMS
                        + " from ai_usage_logs where created_at >= ? and created_at < ? group by 1, 2 order by credits desc, cost_usd desc, 1, 2")
                .params(start(range), end(range))
                .query((rs, n) -> new ProviderModel(rs.getString("provider"), rs.getString("model"), sums(rs))).list();
    }

    /** The organizations that spent the most credits (then cost), at most {@code limit}. */
    @Transactional(readOnly = true)
    List<Organization> topOrganizations(Range range, int limit) {
        Map<UUID, Sums> rows = new LinkedHashMap<>();
        jdbc.sql("select organization_id, " + SUMS + " from ai_usage_logs where created_at >= ? and created_at < ?"
                        + " group by organization_id order by credits desc, cost_usd desc, requests desc, organization_id limit ?")
                .params(start(range), end(range), limit)
                .query(rs -> {
                    rows.put(rs.getObject("organization_id", UUID.class), sums(rs));
                });
        Map<OrganizationId, String> names = organizations.names(rows.keySet().stream().map(OrganizationId::of).toList());
        return rows.entrySet().stream()
                .map(row -> new Organization(row.getKey(), names.get(OrganizationId.of(row.getKey())), row.getValue())).toList();
    }

    private Timestamp start(Range range) {
        return Timestamp.from(range.from().atStartOfDay(zone).toInstant());
    }

    private Timestamp end(Range range) {
        return Timestamp.from(range.to().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date, yyyy-mm-dd"));
            return null;
        }
    }

    private static Sums sums(ResultSet rs) throws SQLException {
        return new Sums(rs.getLong("requests"), rs.getLong("succeeded"), rs.getLong("failed"), rs.getLong("credits"), rs.getBigDecimal("cost_usd"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"));
    }
}
