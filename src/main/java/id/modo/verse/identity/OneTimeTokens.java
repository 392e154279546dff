package id.modo.verse.identity;

import id.modo.verse.common.SecureTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring tokens for mail links. Only their SHA-256 is stored; issuing a new one
 * for the same purpose kills the older ones, so only the latest mail's link works.
 */
@Component
class OneTimeTokens {

    enum Purpose {
        VERIFY_EMAIL, PASSWORD_RESET;

        String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A live token, locked until the surrounding transaction ends. */
    record Live(UUID id, UUID userId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(UUID userId, Purpose purpose, Duration validity) {
        Instant now = clock.instant();
        jdbc.sql("update one_time_tokens set used_at = ? where user_id = ? and purpose = ? and used_at is null")
                .params(Timestamp.from(now), userId, purpose.dbValue())
                .update();
        String token = SecureTokens.newToken();
        jdbc.sql("insert into one_time_tokens (user_id, purpose, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?)")
                .params(userId, purpose.dbValue(), SecureTokens.sha256(token), Timestamp.from(now.plus(validity)), Timestamp.from(now))
                .update();
        return token;
    }

    /** The token's row if it is unused and unexpired, locked so a second use waits and then fails. */
    Optional<Live> find(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, user_id from one_time_tokens
                where token_hash = ? and purpose = ? and used_at is null and expires_at > ? for update""")
                .params(SecureTokens.sha256(token.strip()), purpose.dbValue(), Timestamp.from(clock.instant()))
                .query((rs, row) -> new Live(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }

    void markUsed(Live token) {
        jdbc.sql("update one_time_tokens set used_at = ? where id = ?").params(Timestamp.from(clock.instant()), token.id()).update();
    }

    int purgeExpired() {
        return jdbc.sql("delete from one_time_tokens where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(7)))).update();
    }
}
