package id.modo.verse.identity;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.SecureTokens;
import id.modo.verse.common.web.ClientInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in sessions in the {@code sessions} table, shared by every app node. A session ends at its
 * absolute expiry, after the idle timeout without use, or when revoked (its row deleted).
 */
@Component
class Sessions {

    /** How often last_active_at is written: not on every request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final IdentityProperties properties;
    private final Clock clock;

    Sessions(JdbcClient jdbc, JsonMapper json, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    record Issued(UUID id, String token, Instant expiresAt) {
    }

    /** An active session with its account, as resolved from a token. */
    record Active(UUID id, UUID userId, String email, String name, PlatformRole platformRole, String timeZone, Instant lastActiveAt) {
    }

    /** A session as listed to its owner. */
    record Listed(UUID id, String client, String ipAddress, String userAgent, Instant createdAt, Instant lastActiveAt,
            Instant expiresAt) {
    }

    Issued open(UUID userId, ClientInfo client, String clientKind) {
        String token = SecureTokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.sessionAbsoluteTimeout());
        UUID id = jdbc.sql("""
                insert into sessions (user_id, token_hash, device_info, ip_address, user_agent, expires_at, last_active_at, created_at)
                values (:user, :hash, cast(:device as jsonb), :ip, :agent, :expires, :now, :now) returning id""")
                .param("user", userId)
                .param("hash", SecureTokens.sha256(token))
                .param("device", json.writeValueAsString(Map.of("client", clientKind)))
                .param("ip", client.ip())
                .param("agent", client.userAgent())
                .param("expires", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .single();
        return new Issued(id, token, expiresAt);
    }

    /** The session a token belongs to, if it is still valid and its account may sign in; marks it used. */
    Optional<Active> resolve(String token) {
        Instant now = clock.instant();
        Optional<Active> active = jdbc.sql("""
                select s.id, s.user_id, u.email, u.name, u.platform_role, u.preferences->>'time_zone' as time_zone, s.last_active_at
                from sessions s join users u on u.id = s.user_id
                where s.token_hash = :hash and s.expires_at > :now and s.last_active_at > :idleSince and u.status = 'active'""")
                .param("hash", SecureTokens.sha256(token))
                .param("now", Timestamp.from(now))
                .param("idleSince", Timestamp.from(now.minus(properties.sessionIdleTimeout())))
                .query((rs, row) -> new Active(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("email"), rs.getString("name"), PlatformRole.fromDb(rs.getString("platform_role")),
                        rs.getString("time_zone"), rs.getTimestamp("last_active_at").toInstant()))
                .optional();
        active.filter(session -> session.lastActiveAt().isBefore(now.minus(TOUCH_INTERVAL)))
                .ifPresent(session -> jdbc.sql("update sessions set last_active_at = :now where id = :id and last_active_at < :since")
                        .param("now", Timestamp.from(now))
                        .param("id", session.id())
                        .param("since", Timestamp.from(now.minus(TOUCH_INTERVAL)))
                        .update());
        return active;
    }

    List<Listed> list(UUID userId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select id, device_info->>'client' as client, ip_address, user_agent, created_at, last_active_at, expires_at
                from sessions where user_id = :user and expires_at > :now and last_active_at > :idleSince
                order by last_active_at desc""")
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .param("idleSince", Timestamp.from(now.minus(properties.sessionIdleTimeout())))
                .query((rs, row) -> new Listed(rs.getObject("id", UUID.class), rs.getString("client"), rs.getString("ip_address"),
                        rs.getString("user_agent"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_active_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    /** One page of the user's live sessions, newest first: keyset on (created_at, id), which never change. */
    Page<Listed> page(UUID userId, String cursor, int limit) {
        Instant now = clock.instant();
        KeysetCursor after = Keyset.after(cursor);
        List<Listed> rows = jdbc.sql("""
                select id, device_info->>'client' as client, ip_address, user_agent, created_at, last_active_at, expires_at
                from sessions where user_id = :user and expires_at > :now and last_active_at > :idleSince %s
                order by created_at desc, id desc
                limit :fetch""".formatted(after == null ? "" : "and (created_at, id) < (:afterAt, :afterId)"))
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .param("idleSince", Timestamp.from(now.minus(properties.sessionIdleTimeout())))
                .param("fetch", Keyset.fetch(limit))
                .params(after == null ? Map.of() : Map.of("afterAt", Timestamp.from(after.createdAt()), "afterId", after.id()))
                .query((rs, row) -> new Listed(rs.getObject("id", UUID.class), rs.getString("client"), rs.getString("ip_address"),
                        rs.getString("user_agent"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_active_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .list();
        return Keyset.page(rows, limit, session -> new KeysetCursor(session.createdAt(), session.id()));
    }

    boolean revoke(UUID userId, UUID sessionId) {
        return jdbc.sql("delete from sessions where id = ? and user_id = ?").params(sessionId, userId).update() > 0;
    }

    int revokeAllExcept(UUID userId, UUID keep) {
        return jdbc.sql("delete from sessions where user_id = ? and id <> ?").params(userId, keep).update();
    }

    int revokeAll(UUID userId) {
        return jdbc.sql("delete from sessions where user_id = ?").param(userId).update();
    }

    /** Deletes sessions that can no longer be used; called by a scheduled job. */
    int purgeExpired() {
        Instant now = clock.instant();
        return jdbc.sql("delete from sessions where expires_at <= :now or last_active_at <= :idleSince")
                .param("now", Timestamp.from(now))
                .param("idleSince", Timestamp.from(now.minus(properties.sessionIdleTimeout())))
                .update();
    }
}
