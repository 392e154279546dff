package id.modo.verse.credit;

import static id.modo.verse.credit.CreditLedger.invalid;
import static id.modo.verse.credit.CreditLedger.requireAmount;
import static id.modo.verse.credit.CreditLedger.utc;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.credit.CreditLedger.Balances;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds on an organization's credits (credit_reservations rows, summed in the balance row's
 * {@code held_balance}) for work whose cost is known only afterwards. A hold is taken and freed by
 * conditional statements on the balance row, as every change in {@link CreditLedger}; committing
 * one spends through the ledger's debit statement.
 */
@Service
public class CreditReservations {

    private final JdbcClient jdbc;
    private final CreditLedger ledger;
    private final CreditProperties properties;
    private final Clock clock;

    CreditReservations(JdbcClient jdbc, CreditLedger ledger, CreditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Holds {@code amount} credits for work whose cost is known only afterwards; held credits are
     * not spendable. {@link #commit} spends the actual amount, {@link #release} gives the hold back,
     * and a hold left open past {@code ttl} is released by the expiry job.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public ReservationId reserve(OrganizationId organization, int amount, Duration ttl) {
        return reserve(organization, null, amount, ttl, null, null, null);
    }

    /**
     * {@link #reserve(OrganizationId, int, Duration)} with who it is for and what the usage row will say. Joins the
     * caller's transaction, or else the hold is one statement on autocommit, as {@link CreditLedger#debit}.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public ReservationId reserve(OrganizationId organization, UserId actor, int amount, Duration ttl, String referenceType,
            String referenceId, String description) {
        return reserve(ReservationId.of(UUID.randomUUID()), organization, actor, amount, ttl, referenceType, referenceId, description);
    }

    /**
     * As {@link #reserve(OrganizationId, UserId, int, Duration, String, String, String)} under an id the caller chose, so
     * that it can record the hold's id before taking it and take it as the last statement of its transaction: the
     * organization's balance row then stays locked only for that statement and the commit.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public ReservationId reserve(ReservationId reservation, OrganizationId organization, UserId actor, int amount, Duration ttl,
            String referenceType, String referenceId, String description) {
        requireAmount(amount);
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(properties.maxReservationTtl()) > 0) {
            throw invalid("ttl", "must be positive and at most " + properties.maxReservationTtl());
        }
        Instant now = clock.instant();
        UUID id = reservation.value();
        Optional<UUID> held = hold(id, organization, actor, amount, now, now.plus(ttl), referenceType, referenceId, description);
        if (held.isEmpty()) {
            ledger.open(organization);
            held = hold(id, organization, actor, amount, now, now.plus(ttl), referenceType, referenceId, description);
        }
        return ReservationId.of(held.orElseThrow(() -> ledger.insufficient(organization, amount)));
    }

    /**
     * Spends {@code actualAmount} (0 to the reserved amount) of a held reservation and frees the
     * rest. A reservation that was committed, released or has expired is 409 {@code reservation-closed}.
     * <p>
     * As {@link CreditLedger#debit}: joins the caller's transaction, or else is one statement on autocommit (after a
     * read of what the reservation was for, which never changes).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Balances commit(ReservationId reservation, int actualAmount) {
        if (actualAmount < 0) {
            throw invalid("actual_amount", "must not be negative");
        }
        record Held(UUID organizationId, UUID userId, String referenceType, String referenceId, String description) {
        }
        Held h = jdbc.sql("select organization_id, user_id, reference_type, reference_id, description from credit_reservations where id = :id")
                .param("id", reservation.value())
                .query((rs, n) -> new Held(rs.getObject("organization_id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("reference_type"), rs.getString("reference_id"), rs.getString("description")))
                .optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such reservation."));
        OrganizationId organization = OrganizationId.of(h.organizationId());
        Optional<Balances> after = actualAmount == 0
                ? unholdCommitted(reservation.value())
                : ledger.takeReserved(organization, reservation.value(), h.userId() == null ? null : UserId.of(h.userId()), actualAmount,
                        h.referenceType(), h.referenceId(), h.description());
        return after.orElseThrow(() -> closedOrMissing(reservation, actualAmount));
    }

    /** A commit of nothing: the reservation marked committed and its hold freed by one statement, or empty if it was not held. */
    private Optional<Balances> unholdCommitted(UUID reservation) {
        return jdbc.sql("""
                with settled as (
                  update credit_reservations set status = 'committed', actual_amount = 0, settled_at = :now
                  where id = :id and status = 'held' and expires_at > :now
                  returning organization_id, amount)
                update credit_balances b set held_balance = b.held_balance - s.amount, updated_at = :now
                from settled s where b.organization_id = s.organization_id
                returning b.*""")
                .param("id", reservation)
                .param("now", utc(clock.instant()))
                .query(CreditLedger::balancesRow)
                .optional();
    }

    /**
     * Frees a held reservation; false if it was already committed, released or expired. One statement, as
     * {@link #commit}: it joins the caller's transaction or else runs on autocommit.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean release(ReservationId reservation) {
        return jdbc.sql("""
                with settled as (
                  update credit_reservations set status = 'released', settled_at = :now
                  where id = :id and status = 'held'
                  returning organization_id, amount),
                freed as (
                  update credit_balances b set held_balance = b.held_balance - s.amount, updated_at = :now
                  from settled s where b.organization_id = s.organization_id)
                select count(*) from settled""")
                .param("id", reservation.value())
                .param("now", utc(clock.instant()))
                .query(Integer.class)
                .single() > 0;
    }

    /** Expires up to {@code batchSize} holds overdue at {@code now}, freeing their credits; returns how many. */
    @Transactional
    public int expireReservations(Instant now, int batchSize) {
        return jdbc.sql("""
                with expired as (
                  update credit_reservations set status = 'expired', settled_at = :now
                  where id in (select id from credit_reservations where status = 'held' and expires_at <= :now
                               order by expires_at limit :batch for update skip locked)
                  returning organization_id, amount),
                freed as (
                  update credit_balances b set held_balance = b.held_balance - e.amount, updated_at = :now
                  from (select organization_id, sum(amount) as amount from expired group by organization_id) e
                  where b.organization_id = e.organization_id)
                select count(*) from expired""")
                .param("now", utc(now))
                .param("batch", batchSize)
                .query(Integer.class)
                .single();
    }

    private Optional<UUID> hold(UUID id, OrganizationId organization, UserId actor, int amount, Instant now, Instant expiresAt,
            String referenceType, String referenceId, String description) {
        return jdbc.sql("""
                with upd as (
                  update credit_balances set held_balance = held_balance + :amount, updated_at = :now
                  where organization_id = :org and balance + bonus_balance + rollover_balance - held_balance >= :amount
                  returning organization_id)
                insert into credit_reservations (id, organization_id, user_id, amount, reference_type, reference_id, description,
                    expires_at, created_at)
                select :id, organization_id, cast(:actor as uuid), :amount, :refType, :ref, :description, :expires, :now from upd
                returning id""")
                .param("id", id)
                .param("amount", amount)
                .param("now", utc(now))
                .param("org", organization.value())
                .param("actor", actor == null ? null : actor.value(), java.sql.Types.OTHER)
                .param("refType", referenceType, java.sql.Types.VARCHAR)
                .param("ref", referenceId, java.sql.Types.VARCHAR)
                .param("description", description, java.sql.Types.VARCHAR)
                .param("expires", utc(expiresAt))
                .query(UUID.class)
                .optional();
    }

    private ProblemException closedOrMissing(ReservationId reservation, int actualAmount) {
        record State(String status, int amount, Instant expiresAt) {
        }
        State state = jdbc.sql("select status, amount, expires_at from credit_reservations where id = :id")
                .param("id", reservation.value())
                .query((rs, n) -> new State(rs.getString("status"), rs.getInt("amount"), rs.getTimestamp("expires_at").toInstant()))
                .optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such reservation."));
        if ("held".equals(state.status()) && actualAmount > state.amount()) {
            throw invalid("actual_amount", "must not exceed the reserved " + state.amount());
        }
        String status = "held".equals(state.status()) ? "expired" : state.status();
        return new ProblemException(CreditProblems.RESERVATION_CLOSED, "This reservation is " + status + "; its credits are no longer held.",
                Map.of("status", status));
    }
}
