package id.modo.verse.identity;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.Accounts.Account;
import id.modo.verse.identity.IdentityEvents.UserRestored;
import id.modo.verse.identity.IdentityEvents.UserSuspended;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What platform admins do with accounts: find them, suspend and restore them. Callers have already
 * checked that the caller is a platform admin (the {@code /admin} and {@code /api/v1/admin} paths
 * require it); the rules about whom an admin may suspend are checked here.
 */
@Service
public class UserAdministration {

    /** The statuses an account can have, as the API and pages name them. */
    public static final List<String> STATUSES = List.of("active", "suspended", "deleted");

    private final UserRepository users;
    private final Sessions sessions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserRepository users, Sessions sessions, JdbcClient jdbc, ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Accounts whose email, name or username contains {@code query} (any letter case; {@code %} and
     * {@code _} match themselves), with {@code status} if given, newest first.
     *
     * @param limit 1..{@value Keyset#MAX_LIMIT}, checked by the caller; clamped here
     * @param cursor {@code null} for the first page, else the {@code nextCursor} of the page before
     * @throws ProblemException {@code bad-request} for a cursor this method did not make, or an unknown status
     */
    @Transactional(readOnly = true)
    public Page<Account> search(String query, String status, int limit, String cursor) {
        int size = Keyset.clamp(limit);
        StringBuilder sql = new StringBuilder("select id, created_at from users where true");
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            sql.append(" and (email ilike :pattern escape '\\' or name ilike :pattern escape '\\' or username ilike :pattern escape '\\')");
            params.put("pattern", "%" + escapeLike(query.strip()) + "%");
        }
        if (status != null && !status.isBlank()) {
            String normalized = status.strip().toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(normalized)) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "The status must be one of " + String.join(", ", STATUSES) + ".");
            }
            sql.append(" and status = :status");
            params.put("status", normalized);
        }
        KeysetCursor after = Keyset.after(cursor);
        if (after != null) {
            sql.append(" and (created_at, id) < (:createdAt, :id)");
            params.put("createdAt", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("id", after.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", Keyset.fetch(size));
        List<KeysetCursor> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new KeysetCursor(rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("id", UUID.class)))
                .list();
        Page<KeysetCursor> page = Keyset.page(rows, size, row -> row);
        Map<UUID, User> found = new HashMap<>();
        users.findAllById(page.items().stream().map(KeysetCursor::id).toList()).forEach(user -> found.put(user.id(), user));
        List<Account> items = new ArrayList<>(page.items().size());
        for (KeysetCursor row : page.items()) {
            User user = found.get(row.id());
            if (user != null) {
                items.add(Account.of(user));
            }
        }
        return page.with(items);
    }

    /**
     * Suspends an account: it can no longer sign in, and every session of it is deleted in the same
     * transaction, so its tokens and cookies stop working at once. Suspending a suspended account
     * changes nothing.
     *
     * @throws ProblemException {@code not-found}; {@code cannot-suspend-self}; {@code forbidden} for a
     *     superadmin suspended by someone who is not one; {@code account-deleted}
     */
    @Transactional
    public Account suspend(CurrentUser admin, UserId id) {
        User user = load(id);
        if (user.id().equals(admin.id().value())) {
            throw new ProblemException(IdentityProblems.CANNOT_SUSPEND_SELF, "You cannot suspend your own account.");
        }
        if (user.platformRole() == PlatformRole.SUPERADMIN && admin.platformRole() != PlatformRole.SUPERADMIN) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only a superadmin can suspend a superadmin.");
        }
        if (user.suspend(clock.instant())) {
            users.saveAndFlush(user);
            events.publishEvent(new UserSuspended(admin.id().value(), user.id(), sessions.revokeAll(user.id())));
        }
        return Account.of(user);
    }

    /**
     * Lets a suspended account sign in again. Restoring an active account changes nothing.
     *
     * @throws ProblemException {@code not-found}; {@code account-deleted}, as a deleted account cannot come back
     */
    @Transactional
    public Account restore(CurrentUser admin, UserId id) {
        User user = load(id);
        if (user.restore(clock.instant())) {
            users.saveAndFlush(user);
            events.publishEvent(new UserRestored(admin.id().value(), user.id()));
        }
        return Account.of(user);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(UserId id) {
        return users.findById(id.value()).map(Account::of);
    }

    private User load(UserId id) {
        return users.findById(id.value()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such account."));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
