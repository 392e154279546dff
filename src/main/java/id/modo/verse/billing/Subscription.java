package id.modo.verse.billing;

import id.modo.verse.common.LowercaseEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * An organization's subscription. Every organization has exactly one that is not canceled; a canceled one stays as
 * history and the organization starts again on a new free one.
 * <pre>
 *   free (active) --trial--> trialing --paid--> active --period ends, unpaid--> past_due --paid--> active
 *   free (active) --paid--> active      trialing --trial ends unpaid--> canceled     past_due --retries used up--> canceled
 *   active --cancel--> active + cancel_at_period_end --resume--> active;  --period ends--> canceled
 *   active (paid) --pause--> paused (free limits, nothing charged) --unpause--> active, the period end moved by the pause
 * </pre>
 * Paid moves happen only when the payment module reports the payment completed, never from the browser.
 */
@Entity
@Table(name = "subscriptions")
class Subscription {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String plan;
    @Convert(converter = StatusConverter.class)
    private SubscriptionStatus status;
    @Column(name = "billing_cycle")
    @Convert(converter = CycleConverter.class)
    private BillingCycle billingCycle;
    @Column(name = "current_period_start")
    private Instant currentPeriodStart;
    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;
    @Column(name = "trial_start")
    private Instant trialStart;
    @Column(name = "trial_end")
    private Instant trialEnd;
    @Column(name = "canceled_at")
    private Instant canceledAt;
    @Column(name = "cancel_at_period_end")
    private boolean cancelAtPeriodEnd;
    @Column(name = "pending_plan")
    private String pendingPlan;
    @Column(name = "pending_billing_cycle")
    @Convert(converter = CycleConverter.class)
    private BillingCycle pendingBillingCycle;
    @Column(name = "retry_count")
    private int retryCount;
    @Column(name = "next_retry_at")
    private Instant nextRetryAt;
    @Column(name = "paused_at")
    private Instant pausedAt;
    @Column(name = "paused_remaining_seconds")
    private Long pausedRemainingSeconds;
    @Column(name = "renewal_payment_id")
    private UUID renewalPaymentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Subscription() {
    }

    static Subscription free(UUID organizationId, Instant now) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.organizationId = organizationId;
        subscription.plan = Plan.FREE;
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        return subscription;
    }

    boolean isFree() {
        return Plan.FREE.equals(plan);
    }

    boolean isPaidActive() {
        return status == SubscriptionStatus.ACTIVE && !isFree();
    }

    /** The moves the API offers now, as the 409 problem lists them. */
    List<String> allowedMoves() {
        List<String> moves = new ArrayList<>();
        switch (status) {
            case ACTIVE -> {
                moves.add("change_plan");
                if (!isFree()) {
                    moves.add(cancelAtPeriodEnd ? "resume" : "cancel");
                    moves.add("pause");
                }
            }
            case TRIALING -> {
                moves.add("pay");
                moves.add(cancelAtPeriodEnd ? "resume" : "cancel");
            }
            case PAST_DUE -> {
                moves.add("pay");
                moves.add(cancelAtPeriodEnd ? "resume" : "cancel");
            }
            case PAUSED -> {
                moves.add("unpause");
                moves.add(cancelAtPeriodEnd ? "resume" : "cancel");
            }
            case CANCELED -> {
            }
        }
        return moves;
    }

    /** What a move to another plan or cycle means from the subscription's state; {@link Subscriptions#change} carries it out. */
    enum PlanMove {
        /** Already on it and nothing scheduled: nothing to do. */
        UNCHANGED,
        /** A paid plan to free: at the period's end. */
        CANCEL_AT_PERIOD_END,
        /** A trial or an unpaid period to free: now, as nothing was paid for the rest of it. */
        END_NOW,
        /** From free, the one trial. */
        START_TRIAL,
        /** From free (trialed before) or during a trial: a checkout for the plan. */
        SUBSCRIBE,
        /** Past due, asking for its own plan and cycle: the open renewal's checkout. */
        PAY_OVERDUE,
        /** On a paid plan, asking for it again: a scheduled change is dropped, if there is one. */
        KEEP,
        /** A dearer plan or a longer cycle: charged pro rata now. */
        UPGRADE,
        /** A cheaper plan or a shorter cycle: at the period's end. */
        SCHEDULE
    }

    /**
     * The move to {@code target} on {@code cycle}, {@code current} being the plan this subscription is on; whether the
     * trial is still to be had is asked only from free. One that cannot change plan now (paused, or past due and asking
     * for another plan) is refused.
     */
    PlanMove planMove(Plan current, Plan target, BillingCycle cycle, BooleanSupplier trialAvailable) {
        if (target.isFree()) {
            return isFree() ? PlanMove.UNCHANGED : status == SubscriptionStatus.ACTIVE ? PlanMove.CANCEL_AT_PERIOD_END : PlanMove.END_NOW;
        }
        if (status == SubscriptionStatus.ACTIVE && isFree()) {
            return trialAvailable.getAsBoolean() ? PlanMove.START_TRIAL : PlanMove.SUBSCRIBE;
        }
        if (status == SubscriptionStatus.TRIALING) {
            return PlanMove.SUBSCRIBE;
        }
        boolean samePlan = target.key().equals(plan);
        boolean sameCycle = cycle == billingCycle;
        if (status == SubscriptionStatus.PAST_DUE && samePlan && sameCycle) {
            return PlanMove.PAY_OVERDUE;
        }
        if (!isPaidActive()) {
            throw refused("change_plan");
        }
        if (samePlan && sameCycle) {
            return PlanMove.KEEP;
        }
        boolean longer = cycle == BillingCycle.YEARLY && billingCycle == BillingCycle.MONTHLY;
        boolean upgrade = (sameCycle || longer) && (target.monthlyPrice().compareTo(current.monthlyPrice()) > 0 || (samePlan && longer));
        return upgrade ? PlanMove.UPGRADE : PlanMove.SCHEDULE;
    }

    private SubscriptionTransitionException refused(String move) {
        return new SubscriptionTransitionException(move, status, plan, allowedMoves());
    }

    /** The one free trial of a paid plan: from free only. */
    void startTrial(String paidPlan, BillingCycle cycle, Instant now, Instant end) {
        if (!(status == SubscriptionStatus.ACTIVE && isFree())) {
            throw refused("start_trial");
        }
        plan = paidPlan;
        billingCycle = cycle;
        status = SubscriptionStatus.TRIALING;
        trialStart = now;
        trialEnd = end;
        currentPeriodStart = now;
        currentPeriodEnd = end;
        touched(now);
    }

    /** A first paid period (from free, or paying during a trial) whose payment completed. */
    void activate(String paidPlan, BillingCycle cycle, Instant periodStart, Instant now) {
        if (!((status == SubscriptionStatus.ACTIVE && isFree()) || status == SubscriptionStatus.TRIALING)) {
            throw refused("activate");
        }
        plan = paidPlan;
        billingCycle = cycle;
        status = SubscriptionStatus.ACTIVE;
        currentPeriodStart = periodStart;
        currentPeriodEnd = cycle.periodEnd(periodStart);
        cancelAtPeriodEnd = false;
        clearPending();
        clearRetries();
        touched(now);
    }

    /**
     * An upgrade whose prorated charge completed. With the same cycle the period stays; a longer cycle starts a new
     * period now.
     */
    void upgrade(String paidPlan, BillingCycle cycle, Instant now) {
        if (!isPaidActive()) {
            throw refused("upgrade");
        }
        if (cycle != billingCycle) {
            currentPeriodStart = now;
            currentPeriodEnd = cycle.periodEnd(now);
        }
        plan = paidPlan;
        billingCycle = cycle;
        cancelAtPeriodEnd = false;
        clearPending();
        touched(now);
    }

    /** A change that waits for the period's end (a downgrade, a shorter cycle). */
    void scheduleChange(String nextPlan, BillingCycle nextCycle, Instant now) {
        if (!isPaidActive()) {
            throw refused("change_plan");
        }
        pendingPlan = nextPlan;
        pendingBillingCycle = nextCycle;
        cancelAtPeriodEnd = false;
        touched(now);
    }

    /** Forgets a scheduled change (choosing the current plan again). */
    boolean dropScheduledChange(Instant now) {
        if (pendingPlan == null) {
            return false;
        }
        clearPending();
        touched(now);
        return true;
    }

    /** At the period's end, the scheduled plan becomes the plan that is renewed. */
    void applyScheduledChange(Instant now) {
        if (pendingPlan != null) {
            plan = pendingPlan;
            billingCycle = pendingBillingCycle;
            clearPending();
            touched(now);
        }
    }

    void cancelAtPeriodEnd(Instant now) {
        if (status == SubscriptionStatus.CANCELED || isFree() || cancelAtPeriodEnd) {
            throw refused("cancel");
        }
        cancelAtPeriodEnd = true;
        clearPending();
        touched(now);
    }

    void resume(Instant now) {
        if (status == SubscriptionStatus.CANCELED || !cancelAtPeriodEnd) {
            throw refused("resume");
        }
        cancelAtPeriodEnd = false;
        touched(now);
    }

    /**
     * Stops the paid plan for a while: the paid time left in the period is kept (none if the period is already over and
     * its renewal unpaid) and nothing is charged until {@link #unpause}.
     */
    void pause(Instant now) {
        if (!isPaidActive()) {
            throw refused("pause");
        }
        status = SubscriptionStatus.PAUSED;
        pausedAt = now;
        pausedRemainingSeconds = currentPeriodEnd == null || !currentPeriodEnd.isAfter(now)
                ? 0L : Duration.between(now, currentPeriodEnd).getSeconds();
        renewalPaymentId = null;
        clearRetries();
        touched(now);
    }

    /** Active again with the kept paid time: the period (start and end) moves by how long it was paused. */
    void unpause(Instant now) {
        if (status != SubscriptionStatus.PAUSED) {
            throw refused("unpause");
        }
        Instant end = now.plusSeconds(pausedRemainingSeconds);
        if (currentPeriodStart != null && currentPeriodEnd != null) {
            currentPeriodStart = currentPeriodStart.plus(Duration.between(currentPeriodEnd, end));
        }
        currentPeriodEnd = end;
        status = SubscriptionStatus.ACTIVE;
        pausedAt = null;
        pausedRemainingSeconds = null;
        touched(now);
    }

    boolean isPaused() {
        return status == SubscriptionStatus.PAUSED;
    }

    /** A saved-method charge for the open renewal invoice was sent; see {@link #renewalPaymentId()}. */
    void renewalCharged(UUID paymentId, Instant now) {
        renewalPaymentId = paymentId;
        touched(now);
    }

    /** The renewal payment completed: the next period follows the last one (or starts now if long overdue). */
    void renewed(Instant now) {
        if (!((status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE) && !isFree())) {
            throw refused("renew");
        }
        Instant start = currentPeriodEnd == null || billingCycle.periodEnd(currentPeriodEnd).isBefore(now) ? now : currentPeriodEnd;
        currentPeriodStart = start;
        currentPeriodEnd = billingCycle.periodEnd(start);
        status = SubscriptionStatus.ACTIVE;
        renewalPaymentId = null;
        clearRetries();
        touched(now);
    }

    /** A renewal is being collected: do not look again before {@code retryAt}. */
    void awaitPayment(Instant retryAt, Instant now) {
        nextRetryAt = retryAt;
        touched(now);
    }

    /** A renewal failed or went unpaid: one more retry used, the next one at {@code retryAt}. */
    void markPastDue(Instant retryAt, Instant now) {
        if (!((status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE) && !isFree())) {
            throw refused("mark_past_due");
        }
        status = SubscriptionStatus.PAST_DUE;
        retryCount++;
        nextRetryAt = retryAt;
        touched(now);
    }

    void cancel(Instant now) {
        if (status == SubscriptionStatus.CANCELED) {
            throw refused("cancel");
        }
        status = SubscriptionStatus.CANCELED;
        canceledAt = now;
        nextRetryAt = null;
        pausedAt = null;
        pausedRemainingSeconds = null;
        renewalPaymentId = null;
        touched(now);
    }

    private void clearPending() {
        pendingPlan = null;
        pendingBillingCycle = null;
    }

    private void clearRetries() {
        retryCount = 0;
        nextRetryAt = null;
    }

    private void touched(Instant now) {
        updatedAt = now;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plan", plan);
        values.put("status", status.dbValue());
        values.put("billing_cycle", billingCycle == null ? null : billingCycle.dbValue());
        values.put("current_period_end", currentPeriodEnd == null ? null : currentPeriodEnd.toString());
        values.put("cancel_at_period_end", cancelAtPeriodEnd);
        values.put("pending_plan", pendingPlan);
        values.put("retry_count", retryCount);
        values.put("paused_at", pausedAt == null ? null : pausedAt.toString());
        values.put("paused_remaining_seconds", pausedRemainingSeconds);
        return values;
    }

    UUID id() { return id; }
    UUID organizationId() { return organizationId; }
    String plan() { return plan; }
    SubscriptionStatus status() { return status; }
    BillingCycle billingCycle() { return billingCycle; }
    Instant currentPeriodStart() { return currentPeriodStart; }
    Instant currentPeriodEnd() { return currentPeriodEnd; }
    Instant trialStart() { return trialStart; }
    Instant trialEnd() { return trialEnd; }
    Instant canceledAt() { return canceledAt; }
    boolean cancelAtPeriodEndSet() { return cancelAtPeriodEnd; }
    String pendingPlan() { return pendingPlan; }
    BillingCycle pendingBillingCycle() { return pendingBillingCycle; }
    int retryCount() { return retryCount; }
    Instant nextRetryAt() { return nextRetryAt; }
    Instant pausedAt() { return pausedAt; }
    Long pausedRemainingSeconds() { return pausedRemainingSeconds; }
    /** The last saved-method charge sent for a renewal; it may belong to an earlier invoice, compare its reference. */
    UUID renewalPaymentId() { return renewalPaymentId; }

    @Converter
    static class StatusConverter extends LowercaseEnumConverter<SubscriptionStatus> {
        StatusConverter() {
            super(SubscriptionStatus.class);
        }
    }

    @Converter
    static class CycleConverter extends LowercaseEnumConverter<BillingCycle> {
        CycleConverter() {
            super(BillingCycle.class);
        }
    }
}
