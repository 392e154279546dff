package id.modo.verse.credit;

import id.modo.verse.audit.AuditRows;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Rows;
import id.modo.verse.credit.CreditEvents.CreditAllowanceChanged;
import id.modo.verse.credit.CreditEvents.CreditsAdjusted;
import id.modo.verse.credit.CreditEvents.CreditsDebited;
import id.modo.verse.credit.CreditEvents.CreditsGranted;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.PlanUpgrades;
import org.springframework.beans.factory.ObjectProvider;
import id.modo.verse.payment.PaymentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's AI credits: three buckets (main, bonus, rollover) on one credit_balances row
 * and an append-only ledger in credit_transactions with one row per bucket touched, so each
 * bucket's ledger sum is its balance and every row's {@code balance_after} is the organization's
 * total after it.
 * <p>
 * Every change is one conditional statement on the balance row (or a row lock taken first), never
 * a read followed by a write, so parallel callers on one organization queue on that row and none
 * can spend a credit twice or drive a bucket below zero. Credits held by reservations are not
 * spendable: available = main + bonus + rollover - held. No grant or adjustment takes a bucket above
 * {@link #MAX_BUCKET_BALANCE}, decided by the same conditional UPDATE that adds the credits.
 * <p>
 * Holds live in {@link CreditReservations}, the listing in {@link CreditStatement} and the monthly
 * reset in {@link CreditMonthlyReset}; they share this class's statements and checks.
 */
@Service
public class CreditLedger {

    /** The most credits one operation may move; keeps every sum far from integer overflow. */
    public static final int MAX_AMOUNT = 100_000_000;
    /**
     * The most credits one bucket may hold. The buckets are INTEGER columns (at most 2,147,483,647), and every ledger row's
     * {@code balance_after}, the held-credits CHECK and each debit add all three up: three full buckets (1.5 billion) stay
     * clear of that, where three buckets of a billion each would not. Far above any plan or pack (the largest plan grants
     * 100,000 a month).
     */
    public static final int MAX_BUCKET_BALANCE = 500_000_000;

    static final String PAYMENT_REFERENCE = "payment";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final CreditProperties properties;
    private final Clock clock;
    private final AuditRows auditRows;
    private final TransactionTemplate transactions;

    private final ObjectProvider<PlanUpgrades> upgrades;

    CreditLedger(JdbcClient jdbc, ApplicationEventPublisher events, CreditProperties properties, Clock clock, AuditRows auditRows,
            TransactionTemplate transactions, ObjectProvider<PlanUpgrades> upgrades) {
        this.upgrades = upgrades;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.auditRows = auditRows;
        this.transactions = transactions;
    }

    /** An organization's buckets, holds, allowance and reset times. */
    public record Balances(OrganizationId organizationId, int main, int bonus, int rollover, int held, String plan,
            int monthlyCredits, int rolloverCap, Instant lastResetAt, Instant nextResetAt) {

        public int total() {
            return main + bonus + rollover;
        }

        /** What a debit or reservation may take now. */
        public int available() {
            return total() - held;
        }
    }

    // ---------------------------------------------------------------- reading

    /** The organization's balances; its balance row (with the free plan's allowance) is made on first use. */
    @Transactional
    public Balances balances(OrganizationId organization) {
        return find(organization).orElseGet(() -> {
            open(organization);
            return find(organization).orElseThrow(CreditLedger::noSuchOrganization);
        });
    }

    // ---------------------------------------------------------------- spending

    /**
     * Spends {@code amount} credits: bonus first, then rollover, then main. More than is available
     * is a 402 {@code insufficient-credits} problem stating both numbers, and nothing changes.
     * <p>
     * Joins the caller's transaction if there is one (the organization's balance row then stays locked until that
     * commits); otherwise the spend is one statement on autocommit, see {@link #spend}.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Balances debit(OrganizationId organization, UserId actor, int amount, String referenceType, String referenceId,
            String description) {
        requireAmount(amount);
        Optional<Balances> after = take(organization, actor, amount, referenceType, referenceId, description);
        if (after.isEmpty()) {
            // Tried again whoever opened the row: it may have been the listener, committing while this waited on it.
            open(organization);
            after = take(organization, actor, amount, referenceType, referenceId, description);
        }
        return after.orElseThrow(() -> insufficient(organization, amount));
    }

    // ---------------------------------------------------------------- adding

    /** What a grant is for; each has its bucket. */
    public enum Grant {
        /** The plan's monthly credits, into main. */
        SUBSCRIPTION(CreditTransactionType.SUBSCRIPTION, CreditBucket.MAIN),
        /** A bought pack, into bonus: paid credits never expire at the monthly reset. */
        PURCHASE(CreditTransactionType.PURCHASE, CreditBucket.BONUS),
        /** A promotional gift, into bonus. */
        BONUS(CreditTransactionType.BONUS, CreditBucket.BONUS),
        /** Credits given back for failed work, into main. */
        REFUND(CreditTransactionType.REFUND, CreditBucket.MAIN);

        private final CreditTransactionType type;
        private final CreditBucket bucket;

        Grant(CreditTransactionType type, CreditBucket bucket) {
            this.type = type;
            this.bucket = bucket;
        }

        public CreditTransactionType type() {
            return type;
        }

        public CreditBucket bucket() {
            return bucket;
        }
    }

    /**
     * Adds {@code amount} credits of a kind; {@code actor} may be null for the system. A bucket that would go above
     * {@link #MAX_BUCKET_BALANCE} is 409 {@code credit-limit-exceeded} and nothing changes.
     */
    @Transactional
    public Balances grant(OrganizationId organization, UserId actor, Grant grant, int amount, String referenceType,
            String referenceId, String description) {
        requireAmount(amount);
        balances(organization);
        return granted(organization, actor, grant, amount, referenceType, referenceId, description)
                .orElseThrow(() -> limitExceeded(balances(organization), grant.bucket(), amount));
    }

    /** What became of a bought pack's credits. */
    public enum PurchaseGrant {
        /** Granted by this call. */
        GRANTED,
        /** Granted before (the completion was delivered again): nothing changed. */
        ALREADY_GRANTED,
        /** Not granted: the bonus bucket would go above {@link #MAX_BUCKET_BALANCE}. Nothing changed. */
        OVER_LIMIT
    }

    /**
     * Grants a bought pack once per payment, however often its completion is delivered (the balance row is locked
     * first, and the unique index on purchase references backs that up). A pack that no longer fits under the limit is
     * not granted and says so instead of failing, so the caller can give the money back.
     */
    @Transactional
    public PurchaseGrant grantPurchase(OrganizationId organization, PaymentId payment, int credits) {
        requireAmount(credits);
        String reference = payment.value().toString();
        if (lockAndFind(organization, Grant.PURCHASE, PAYMENT_REFERENCE, reference)) {
            return PurchaseGrant.ALREADY_GRANTED;
        }
        return granted(organization, null, Grant.PURCHASE, credits, PAYMENT_REFERENCE, reference, "Credit pack purchase").isPresent()
                ? PurchaseGrant.GRANTED : PurchaseGrant.OVER_LIMIT;
    }

    /**
     * {@link #grant} unless a grant of this kind with this reference is already in the ledger, for grants that must
     * happen once however often their cause is delivered: the balance row is locked first, so a second call waits and
     * then finds the first one's row. True if this call granted.
     */
    @Transactional
    public boolean grantOnce(OrganizationId organization, Grant grant, int amount, String referenceType, String referenceId,
            String description) {
        requireAmount(amount);
        if (referenceType == null || referenceType.isBlank() || referenceId == null || referenceId.isBlank()) {
            throw new IllegalArgumentException("A grant made once needs its reference");
        }
        if (lockAndFind(organization, grant, referenceType, referenceId)) {
            return false;
        }
        grant(organization, null, grant, amount, referenceType, referenceId, description);
        return true;
    }

    /** Locks the organization's balance row (made if missing) and says whether a grant with this reference is in the ledger. */
    private boolean lockAndFind(OrganizationId organization, Grant grant, String referenceType, String referenceId) {
        balances(organization);
        jdbc.sql("select 1 from credit_balances where organization_id = :org for update")
                .param("org", organization.value())
                .query(Integer.class)
                .single();
        return jdbc.sql("""
                select count(*) from credit_transactions
                where organization_id = :org and type = :type and reference_type = :refType and reference_id = :ref""")
                .param("org", organization.value())
                .param("type", grant.type().dbValue())
                .param("refType", referenceType)
                .param("ref", referenceId)
                .query(Integer.class)
                .single() > 0;
    }

    /** The grant with its event, or empty (and nothing changed) when the bucket would go above the limit. */
    private Optional<Balances> granted(OrganizationId organization, UserId actor, Grant grant, int amount, String referenceType,
            String referenceId, String description) {
        Optional<Balances> after = add(organization, actor, grant.type(), grant.bucket(), amount, referenceType, referenceId, description);
        after.ifPresent(balances -> events.publishEvent(new CreditsGranted(organization.value(), actor == null ? null : actor.value(),
                grant.type().dbValue(), grant.bucket().dbValue(), amount, referenceType, referenceId, balances.total())));
        return after;
    }

    /**
     * A platform admin's manual change of one bucket, with a reason for the audit log. A negative
     * amount may not take a bucket below zero nor take credits that reservations hold: 409
     * {@code adjustment-exceeds-balance}; a positive one may not take it above {@link #MAX_BUCKET_BALANCE}:
     * 409 {@code credit-limit-exceeded}.
     */
    @Transactional
    public Balances adjust(OrganizationId organization, UserId admin, CreditBucket bucket, int amount, String reason) {
        if (amount == 0 || Math.abs((long) amount) > MAX_AMOUNT) {
            throw invalid("amount", "must be a non-zero whole number between -" + MAX_AMOUNT + " and " + MAX_AMOUNT);
        }
        if (reason == null || reason.isBlank()) {
            throw invalid("reason", "is required");
        }
        String why = reason.strip();
        Balances before = balances(organization);
        Balances after;
        if (amount > 0) {
            after = add(organization, admin, CreditTransactionType.ADJUSTMENT, bucket, amount, "manual", null, why)
                    .orElseThrow(() -> limitExceeded(balances(organization), bucket, amount));
        } else {
            after = jdbc.sql("""
                    with upd as (
                      update credit_balances set %1$s = %1$s + :amount, updated_at = :now
                      where organization_id = :org and %1$s >= -:amount
                        and balance + bonus_balance + rollover_balance - held_balance >= -:amount
                      returning *),
                    led as (
                      insert into credit_transactions (organization_id, user_id, type, bucket, amount, balance_after, description,
                          reference_type, created_at)
                      select organization_id, cast(:actor as uuid), 'adjustment', :bucket, :amount,
                          balance + bonus_balance + rollover_balance, :why, 'manual', clock_timestamp()
                      from upd)
                    select * from upd""".formatted(bucket.column()))
                    .param("amount", amount)
                    .param("now", utc(clock.instant()))
                    .param("org", organization.value())
                    .param("actor", admin.value())
                    .param("bucket", bucket.dbValue())
                    .param("why", why)
                    .query(CreditLedger::balancesRow)
                    .optional()
                    .orElseThrow(() -> new ProblemException(CreditProblems.ADJUSTMENT_EXCEEDS_BALANCE,
                            "The " + bucket.dbValue() + " bucket has " + bucketOf(before, bucket) + " credits and "
                                    + before.available() + " are available overall; " + (-amount) + " cannot be taken.",
                            Map.of("bucket_balance", bucketOf(before, bucket), "available", before.available(), "asked", -amount)));
        }
        events.publishEvent(new CreditsAdjusted(organization.value(), admin.value(), bucket.dbValue(), amount, why, after.total()));
        return after;
    }

    /**
     * The plan's monthly credits and rollover cap, used from the next monthly reset on. Billing
     * calls this when a subscription changes; credits for the current month are a separate
     * {@link #grant} with {@link Grant#SUBSCRIPTION}.
     */
    @Transactional
    public Balances setAllowance(OrganizationId organization, int monthlyCredits, int rolloverCap, String plan) {
        if (monthlyCredits < 0 || monthlyCredits > MAX_AMOUNT) {
            throw invalid("monthly_credits", "must be between 0 and " + MAX_AMOUNT);
        }
        if (rolloverCap < 0 || rolloverCap > MAX_AMOUNT) {
            throw invalid("rollover_cap", "must be between 0 and " + MAX_AMOUNT);
        }
        if (plan == null || plan.isBlank() || plan.length() > 50) {
            throw invalid("plan", "is required (at most 50 characters)");
        }
        Balances before = balances(organization);
        Balances after = jdbc.sql("""
                update credit_balances set plan = :plan, monthly_credits = :monthly, rollover_cap = :cap, updated_at = :now
                where organization_id = :org returning *""")
                .param("plan", plan.strip())
                .param("monthly", monthlyCredits)
                .param("cap", rolloverCap)
                .param("now", utc(clock.instant()))
                .param("org", organization.value())
                .query(CreditLedger::balancesRow)
                .single();
        if (!before.plan().equals(after.plan()) || before.monthlyCredits() != monthlyCredits || before.rolloverCap() != rolloverCap) {
            events.publishEvent(new CreditAllowanceChanged(organization.value(), before.plan(), before.monthlyCredits(),
                    before.rolloverCap(), after.plan(), monthlyCredits, rolloverCap));
        }
        return after;
    }

    /**
     * Moves the next monthly reset (when main gets the plan's monthly credits) to {@code at}: a paid period that starts
     * later, at the end of a trial, brings its credits then. Resets follow monthly from there.
     */
    @Transactional
    public void nextAllowanceAt(OrganizationId organization, Instant at) {
        jdbc.sql("update credit_balances set next_reset_at = :at, updated_at = :now where organization_id = :org")
                .param("at", utc(at))
                .param("now", utc(clock.instant()))
                .param("org", organization.value())
                .update();
    }

    // ---------------------------------------------------------------- opening

    /**
     * Makes the organization's balance row with the free plan's allowance granted (one ledger
     * row), unless it has one. True if this call made it; false also for an unknown organization, and when another
     * transaction made it meanwhile, so a caller that needs the row reads again whatever this answers.
     */
    @Transactional
    public boolean open(OrganizationId organization) {
        Instant now = clock.instant();
        Instant next = now.atZone(properties.resetTimeZone()).plusMonths(1).toInstant();
        Integer made = jdbc.sql("""
                with ins as (
                  insert into credit_balances (organization_id, plan, monthly_credits, rollover_cap, balance, last_reset_at,
                      next_reset_at, updated_at)
                  select id, 'free', :monthly, :cap, :monthly, :now, :next, :now from organizations where id = :org
                  on conflict (organization_id) do nothing
                  returning organization_id, balance),
                led as (
                  insert into credit_transactions (organization_id, type, bucket, amount, balance_after, description,
                      reference_type, created_at)
                  select organization_id, 'subscription', 'main', balance, balance, 'Free plan: monthly credits', 'plan',
                      clock_timestamp()
                  from ins where balance > 0)
                select count(*) from ins""")
                .param("monthly", properties.freeMonthly())
                .param("cap", properties.freeRolloverCap())
                .param("now", utc(now))
                .param("next", utc(next))
                .param("org", organization.value())
                .query(Integer.class)
                .single();
        // No audit event: this opening grant is the platform's default, made after the organization's
        // own commit; its ledger row records it, and an organization's audit log starts with its creation.
        return made > 0;
    }

    // ---------------------------------------------------------------- internals

    private Optional<Balances> find(OrganizationId organization) {
        return jdbc.sql("select * from credit_balances where organization_id = :org")
                .param("org", organization.value())
                .query(CreditLedger::balancesRow)
                .optional();
    }

    /**
     * Takes {@code amount} in one statement: the balance row is locked (a parallel caller waits and
     * then sees this one's result), the buckets drained bonus, rollover, main, one usage row written per bucket
     * touched, and the audit row of the debit. Empty when there is not enough (or no balance row).
     */
    Optional<Balances> take(OrganizationId organization, UserId actor, int amount, String referenceType, String referenceId,
            String description) {
        return spend(organization, actor, amount, referenceType, referenceId, description, """
                src as (select cast(:org as uuid) as organization_id, cast(:amount as int) as take, 0 as release)""", "", Map.of());
    }

    /**
     * Commits a held reservation in one statement: the reservation row is locked and still held, unexpired and
     * covering {@code amount}, or nothing happens (empty); otherwise as {@link #take}, with its hold freed and the
     * reservation marked committed by the same statement, so no crash can leave one done without the other.
     */
    Optional<Balances> takeReserved(OrganizationId organization, UUID reservation, UserId actor, int amount, String referenceType,
            String referenceId, String description) {
        return spend(organization, actor, amount, referenceType, referenceId, description, """
                src as (
                  select organization_id, cast(:amount as int) as take, amount as release from credit_reservations
                  where id = :reservation and organization_id = :org and status = 'held' and expires_at > :now and amount >= :amount
                  for update)""", """
                settled as (
                  update credit_reservations set status = 'committed', actual_amount = :amount, settled_at = :now
                  where id = :reservation and exists (select 1 from upd)),""", Map.of("reservation", reservation));
    }

    /**
     * The spending statement, {@code source} naming what to take ({@code src}: organization_id, take, release) and
     * {@code settle} what else it changes once the balance is (CTEs after {@code upd}, each ending with a comma). Everything a spend writes is in this one statement, so a caller without
     * a transaction of its own runs it on autocommit: the balance row's lock then lasts this statement and its
     * commit, with no round trip to the app while other callers on the organization wait for it.
     */
    private Optional<Balances> spend(OrganizationId organization, UserId actor, int amount, String referenceType, String referenceId,
            String description, String source, String settle, Map<String, Object> sourceParams) {
        UUID actorId = actor == null ? null : actor.value();
        // Its balance_after is computed by the statement; the 0 here is replaced there.
        AuditRows.Insert audit = auditRows.insert(new CreditsDebited(organization.value(), actorId, amount, referenceType, referenceId, 0),
                "upd", Map.of("balance_after", "balance + bonus_balance + rollover_balance"));
        Optional<Balances> after = jdbc.sql("""
                with %s,
                cur as (
                  select b.organization_id, b.balance, b.bonus_balance, b.rollover_balance, b.held_balance, s.take, s.release
                  from credit_balances b join src s on s.organization_id = b.organization_id for update of b),
                calc as (
                  select cur.*, least(bonus_balance, take) as tb, least(rollover_balance, take - least(bonus_balance, take)) as tr,
                      balance + bonus_balance + rollover_balance as before_total
                  from cur where balance + bonus_balance + rollover_balance - (held_balance - release) >= take),
                upd as (
                  update credit_balances b set bonus_balance = c.bonus_balance - c.tb, rollover_balance = c.rollover_balance - c.tr,
                      balance = c.balance - (c.take - c.tb - c.tr), held_balance = c.held_balance - c.release, updated_at = :now
                  from calc c where b.organization_id = c.organization_id
                  returning b.*, c.take, c.tb, c.tr, c.before_total),%s
                led as (
                  insert into credit_transactions (organization_id, user_id, type, bucket, amount, balance_after, description,
                      reference_type, reference_id, created_at)
                  select u.organization_id, cast(:actor as uuid), 'usage', v.bucket, v.amount, v.after, :description, :refType, :ref,
                      clock_timestamp()
                  from upd u cross join lateral (values
                      (1, 'bonus', -u.tb, u.before_total - u.tb),
                      (2, 'rollover', -u.tr, u.before_total - u.tb - u.tr),
                      (3, 'main', u.tb + u.tr - u.take, u.before_total - u.take)) as v(ord, bucket, amount, after)
                  where v.amount <> 0
                  order by v.ord),
                audit as (%s)
                select * from upd""".formatted(source, settle, audit.sql()))
                .param("org", organization.value())
                .param("amount", amount)
                .param("now", utc(clock.instant()))
                .param("actor", actorId, java.sql.Types.OTHER)
                .param("description", description, java.sql.Types.VARCHAR)
                .param("refType", referenceType, java.sql.Types.VARCHAR)
                .param("ref", referenceId, java.sql.Types.VARCHAR)
                .params(sourceParams)
                .params(audit.params())
                .query(CreditLedger::balancesRow)
                .optional();
        // Audit skips it (AuditedInStatement): its row is already written.
        after.ifPresent(balances -> publish(new CreditsDebited(organization.value(), actorId, amount, referenceType, referenceId,
                balances.total())));
        return after;
    }

    /**
     * Publishes in the caller's transaction, or, after a spend that ran on autocommit, in a transaction of its own, so
     * transactional listeners and the event publication registry see it as they would any event. That one commits
     * after the spend: a listener that must not miss a spend even if the process dies in between reads the ledger.
     */
    void publish(Object event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            events.publishEvent(event);
        } else {
            transactions.executeWithoutResult(status -> events.publishEvent(event));
        }
    }

    /**
     * Adds {@code amount} to one bucket in one statement, unless that would take it above {@link #MAX_BUCKET_BALANCE}
     * (compared as {@code bucket <= limit - amount}, which cannot overflow): empty then, and nothing changed. The
     * balance row must exist.
     */
    private Optional<Balances> add(OrganizationId organization, UserId actor, CreditTransactionType type, CreditBucket bucket, int amount,
            String referenceType, String referenceId, String description) {
        return jdbc.sql("""
                with upd as (
                  update credit_balances set %1$s = %1$s + :amount, updated_at = :now
                  where organization_id = :org and %1$s <= :limit - :amount
                  returning *),
                led as (
                  insert into credit_transactions (organization_id, user_id, type, bucket, amount, balance_after, description,
                      reference_type, reference_id, created_at)
                  select organization_id, cast(:actor as uuid), :type, :bucket, :amount, balance + bonus_balance + rollover_balance,
                      :description, :refType, :ref, clock_timestamp()
                  from upd)
                select * from upd""".formatted(bucket.column()))
                .param("amount", amount)
                .param("limit", MAX_BUCKET_BALANCE)
                .param("now", utc(clock.instant()))
                .param("org", organization.value())
                .param("actor", actor == null ? null : actor.value(), java.sql.Types.OTHER)
                .param("type", type.dbValue())
                .param("bucket", bucket.dbValue())
                .param("description", description, java.sql.Types.VARCHAR)
                .param("refType", referenceType, java.sql.Types.VARCHAR)
                .param("ref", referenceId, java.sql.Types.VARCHAR)
                .query(CreditLedger::balancesRow)
                .optional();
    }

    static Balances balancesRow(ResultSet rs, int row) throws SQLException {
        return new Balances(OrganizationId.of(rs.getObject("organization_id", UUID.class)), rs.getInt("balance"),
                rs.getInt("bonus_balance"), rs.getInt("rollover_balance"), rs.getInt("held_balance"), rs.getString("plan"),
                rs.getInt("monthly_credits"), rs.getInt("rollover_cap"), Rows.instant(rs, "last_reset_at"),
                Rows.instant(rs, "next_reset_at"));
    }

    private static int bucketOf(Balances balances, CreditBucket bucket) {
        return switch (bucket) {
            case MAIN -> balances.main();
            case BONUS -> balances.bonus();
            case ROLLOVER -> balances.rollover();
        };
    }

    /** {@code balances} as read after the refused statement, for the problem's numbers. */
    static ProblemException limitExceeded(Balances balances, CreditBucket bucket, int asked) {
        int balance = bucketOf(balances, bucket);
        return new ProblemException(CreditProblems.CREDIT_LIMIT_EXCEEDED,
                "The " + bucket.dbValue() + " bucket has " + balance + " credits; " + asked + " more would take it above its limit of "
                        + MAX_BUCKET_BALANCE + ".",
                Map.of("limit", MAX_BUCKET_BALANCE, "balance", balance, "bucket", bucket.dbValue(), "asked", asked));
    }

    /** The 402 for spending more than is available: both numbers, and what the plan gives and which plan gives more. */
    ProblemException insufficient(OrganizationId organization, int asked) {
        Balances balances = balances(organization);
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("available", balances.available());
        members.put("asked", asked);
        PlanUpgrades plans = upgrades.getIfAvailable();
        if (plans != null) {
            members.putAll(plans.creditsRunOut(organization, balances.available(), asked));
        }
        return new ProblemException(CreditProblems.INSUFFICIENT_CREDITS,
                "This needs " + asked + " credits but only " + balances.available() + " are available."
                        + (members.containsKey("credits_url") ? " Buy a credit pack on " + members.get("credits_url")
                                + " or upgrade the plan on " + members.get("upgrade_url") + "." : ""), members);
    }

    static void requireAmount(int amount) {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw invalid("amount", "must be a whole number from 1 to " + MAX_AMOUNT);
        }
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                Map.of("errors", List.of(new FieldError(field, message))));
    }

    private static ProblemException noSuchOrganization() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such organization.");
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
