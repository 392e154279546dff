package id.modo.verse.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across app nodes: at most {@code limit}
 * hits per {@code window} and key. Each call is one statement, safe under concurrency.
 */
@Service
public class RateLimiter {

    private final JdbcClient jdbc;

    RateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a hit; says when to retry if the key was already at its limit before this hit. */
    public Optional<Duration> hit(String key, int limit, Duration window) {
        Window current = jdbc.sql("""
                insert into rate_limits (key, window_start, hits) values (:key, now(), 1)
                on conflict (key) do update set
                    hits = case when rate_limits.window_start > now() - :window then rate_limits.hits + 1 else 1 end,
                    window_start = case when rate_limits.window_start > now() - :window then rate_limits.window_start else now() end
                returning hits, window_start, now() as now""")
                .param("key", key)
                .param("window", interval(window))
                .query((rs, row) -> new Window(rs.getInt("hits"), rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("now").toInstant()))
                .single();
        return current.hits() > limit ? Optional.of(current.retryAfter(window)) : Optional.empty();
    }

    /** Says when to retry if the key has reached its limit, without counting a hit. */
    public Optional<Duration> check(String key, int limit, Duration window) {
        return jdbc.sql("""
                select hits, window_start, now() as now from rate_limits
                where key = :key and window_start > now() - :window""")
                .param("key", key)
                .param("window", interval(window))
                .query((rs, row) -> new Window(rs.getInt("hits"), rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("now").toInstant()))
                .optional()
                .filter(w -> w.hits() >= limit)
                .map(w -> w.retryAfter(window));
    }

    public void reset(String key) {
        jdbc.sql("delete from rate_limits where key = ?").param(key).update();
    }

    /** Removes windows that ended long ago; called by a scheduled job. */
    public int purgeOlderThan(Duration age) {
        return jdbc.sql("delete from rate_limits where window_start < now() - :age").param("age", interval(age)).update();
    }

    private static org.postgresql.util.PGInterval interval(Duration duration) {
        try {
            return new org.postgresql.util.PGInterval(duration.toMillis() / 1000.0 + " seconds");
        } catch (java.sql.SQLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private record Window(int hits, Instant start, Instant now) {
        Duration retryAfter(Duration window) {
            Duration left = Duration.between(now, start.plus(window));
            return left.isNegative() ? Duration.ZERO : left.plusMillis(999).withNanos(0);
        }
    }
}
