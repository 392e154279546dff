package id.modo.verse.billing;

import id.modo.verse.billing.Invoices.Invoice;
import id.modo.verse.billing.Invoices.Kind;
import id.modo.verse.billing.Invoices.Line;
import id.modo.verse.billing.Invoices.LineKind;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.Payments;
import id.modo.verse.payment.PaymentPurpose;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organization's subscription: reading it, changing the plan (a trial, a checkout, an upgrade charged pro rata
 * now, a downgrade at the period's end), cancelling, resuming and pausing. The organization's plan, storage limit and
 * credit allowance follow every change. Payments are settled in {@link SubscriptionSettlement}, periods renewed in
 * {@link SubscriptionRenewals}.
 */
@Service
public class Subscriptions {

    /** The ledger reference type of a trial's credits; the reference id is the subscription's id. */
    static final String TRIAL_REFERENCE = "subscription_trial";

    private final SubscriptionRepository subscriptions;
    private final Plans plans;
    private final Invoices invoices;
    private final Organizations organizations;
    private final Accounts accounts;
    private final BillingProperties properties;
    private final Payments payments;
    private final CreditLedger credits;
    private final SubscriptionSteps steps;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Subscriptions(SubscriptionRepository subscriptions, Plans plans, Invoices invoices, Organizations organizations, Accounts accounts,
            BillingProperties properties, Payments payments, CreditLedger credits, SubscriptionSteps steps, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.organizations = organizations;
        this.accounts = accounts;
        this.properties = properties;
        this.payments = payments;
        this.credits = credits;
        this.steps = steps;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A subscription as the API and pages show it. */
    public record SubscriptionView(UUID id, OrganizationId organizationId, String plan, SubscriptionStatus status, BillingCycle billingCycle,
            Instant currentPeriodStart, Instant currentPeriodEnd, Instant trialEnd, boolean cancelAtPeriodEnd, String pendingPlan,
            BillingCycle pendingBillingCycle, int retryCount, Instant nextRetryAt, boolean trialAvailable, List<String> allowedMoves,
            Instant pausedAt, Long pausedRemainingSeconds) {
    }

    /** What a plan change did: {@code outcome} is trial_started, checkout, scheduled, canceled or unchanged. */
    public record ChangeResult(SubscriptionView subscription, String outcome, Invoice invoice, Checkout checkout) {
    }

    // ------------------------------------------------------------------ reading

    @Transactional
    public SubscriptionView get(UserId actor, OrganizationId organization) {
        organizations.require(actor, organization, Permission.VIEW);
        return view(ensure(organization));
    }

    /** The plan key whose limits apply now: free when the organization has no subscription yet or it is paused. */
    @Transactional(readOnly = true)
    public String currentPlan(OrganizationId organization) {
        return subscriptions.findCurrent(organization.value()).filter(subscription -> !subscription.isPaused()).map(Subscription::plan)
                .orElse(Plan.FREE);
    }

    /** The current subscription, made free if the organization has none yet (organizations older than billing). */
    @Transactional
    Subscription ensure(OrganizationId organization) {
        Optional<Subscription> current = subscriptions.findCurrent(organization.value());
        if (current.isPresent()) {
            return current.get();
        }
        insertFree(organization);
        return subscriptions.findCurrent(organization.value()).orElseThrow();
    }

    /**
     * The current subscription with its row locked until the transaction ends, made free first if there is none: what
     * serializes an owner's changes to one organization's subscription. First the organization's change lock (a
     * PostgreSQL advisory lock for this transaction) is tried without waiting: while another request holds it, this
     * one is 409 {@code change-in-progress} at once, rather than holding a database connection in a queue that a burst
     * of requests for one organization could make as long as the pool. Then the row lock, which the renewal job and
     * payment settlement take too (briefly). Nothing of the subscription is loaded before the lock, so the row is read
     * as the last change left it (a copy loaded unlocked first would be stale and fail its version check).
     */
    private Subscription lockCurrent(OrganizationId organization) {
        boolean ours = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 7))")
                .param("billing_subscription:" + organization.value())
                .query(Boolean.class)
                .single();
        if (!ours) {
            throw new ProblemException(BillingProblems.CHANGE_IN_PROGRESS, "Another change to this organization's subscription is being made right now; "
                    + "try again in a few seconds.");
        }
        return subscriptions.lockCurrent(organization.value()).orElseGet(() -> {
            insertFree(organization);
            return subscriptions.lockCurrent(organization.value()).orElseThrow();
        });
    }

    private void insertFree(OrganizationId organization) {
        Instant now = clock.instant();
        // Two first visits at once: the partial unique index lets one insert through, the other does nothing.
        jdbc.sql("""
                insert into subscriptions (id, organization_id, plan, status, created_at, updated_at)
                values (?, ?, 'free', 'active', ?, ?) on conflict (organization_id) where status <> 'canceled' do nothing""")
                .params(UUID.randomUUID(), organization.value(), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    // ------------------------------------------------------------------ changing

    /**
     * Moves the organization to a plan and cycle. From free: the one trial if never trialed, else a checkout. During a
     * trial: a checkout (paying ends the trial). On a paid plan: an upgrade is charged pro rata now and applies when paid,
     * a downgrade or a shorter cycle waits for the period's end, free cancels at the period's end.
     * <p>
     * Changes to one organization run one at a time: while one is being made, another is 409
     * {@code change-in-progress}. A checkout asked for again, by a repeated or a parallel request, is the one already
     * open for the same change: no second invoice or payment. While that checkout is still being opened at the
     * gateway, the same change is 409 {@code change-in-progress} too.
     */
    public ChangeResult change(UserId actor, OrganizationId organization, String planKey, String cycleValue) {
        organizations.require(actor, organization, Permission.MANAGE_BILLING);
        Plan target = plans.require(planKey, "plan");
        BillingCycle cycle = target.isFree() && (cycleValue == null || cycleValue.isBlank())
                ? BillingCycle.MONTHLY : BillingCycle.parse(cycleValue, "billing_cycle");
        if (!target.isFree() && !target.purchasable()) {
            throw new ProblemException(BillingProblems.PLAN_NOT_AVAILABLE, target.selfServe()
                    ? "The " + target.name() + " plan is not offered any more."
                    : "The " + target.name() + " plan is arranged with our team: contact sales@modo.id.");
        }
        Prepared prepared = transactions.execute(status -> {
            Subscription subscription = lockCurrent(organization);
            Map<String, Object> before = subscription.snapshot();
            Instant now = clock.instant();
            Plan current = plans.find(subscription.plan()).orElseThrow();
            return switch (subscription.planMove(current, target, cycle,
                    () -> properties.trialDays() > 0 && !subscriptions.hasTrialed(organization.value()))) {
                case UNCHANGED -> new Prepared(subscription, "unchanged", null);
                case CANCEL_AT_PERIOD_END -> {
                    subscription.cancelAtPeriodEnd(now);
                    yield saved(subscription, actor, before, "scheduled", "subscription_cancel_schedule", null);
                }
                case END_NOW -> {
                    steps.toFree(subscription, actor, now);
                    yield new Prepared(subscriptions.findCurrent(organization.value()).orElseThrow(), "canceled", null);
                }
                case START_TRIAL -> {
                    subscription.startTrial(target.key(), cycle, now, now.plus(Duration.ofDays(properties.trialDays())));
                    Prepared started = saved(subscription, actor, before, "trial_started", "subscription_trial_start", null);
                    grantTrialCredits(subscription, target);
                    yield started;
                }
                case SUBSCRIBE -> openCheckout(subscription, Kind.SUBSCRIBE, target, cycle, sameSubscribeTerms(target, cycle), now)
                        .orElseGet(() -> saved(subscription, actor, before, "checkout", null, issueSubscribe(subscription, target, cycle, now)));
                case PAY_OVERDUE -> {
                    Invoice invoice = invoices.openRenewal(subscription.id()).orElseThrow(() -> new SubscriptionTransitionException("pay",
                            subscription.status(), subscription.plan(), subscription.allowedMoves()));
                    // The renewal's checkout (the one mailed to the billing contact, or one asked for before) if it is still open.
                    Optional<Checkout> open = payments.openCheckout(subscription.organizationId(), PaymentPurpose.SUBSCRIPTION,
                            invoice.id().toString());
                    yield open.map(checkout -> new Prepared(subscription, "checkout", invoice, checkout))
                            .orElseGet(() -> saved(subscription, actor, before, "checkout", null, invoice));
                }
                case KEEP -> subscription.dropScheduledChange(now)
                        ? saved(subscription, actor, before, "scheduled", "subscription_change_schedule", null)
                        : new Prepared(subscription, "unchanged", null);
                case UPGRADE -> {
                    boolean sameCycle = cycle == subscription.billingCycle();
                    Proration.Quote quote = Proration.upgrade(current.price(subscription.billingCycle()), target.price(cycle), sameCycle,
                            subscription.currentPeriodStart(), subscription.currentPeriodEnd(), now);
                    if (!quote.subtotal().isPositive()) {
                        // The period is (nearly) over: nothing is left to prorate, the change comes with the renewal.
                        subscription.scheduleChange(target.key(), cycle, now);
                        yield saved(subscription, actor, before, "scheduled", "subscription_change_schedule", null);
                    }
                    Instant periodEnd = quote.newPeriod() ? null : subscription.currentPeriodEnd();
                    yield openCheckout(subscription, Kind.UPGRADE, target, cycle,
                            openInvoice -> Objects.equals(openInvoice.periodEnd(), periodEnd)
                                    && openInvoice.taxRate().compareTo(properties.taxRate()) == 0, now)
                            .orElseGet(() -> saved(subscription, actor, before, "checkout", null,
                                    issueUpgrade(subscription, current, target, cycle, quote, now)));
                }
                case SCHEDULE -> {
                    subscription.scheduleChange(target.key(), cycle, now);
                    yield saved(subscription, actor, before, "scheduled", "subscription_change_schedule", null);
                }
            };
        });
        Checkout checkout = prepared.checkout();
        if (prepared.invoice() != null && checkout == null) {
            Accounts.Account payer = accounts.find(actor).orElseThrow();
            try {
                checkout = payments.start(steps.paymentRequest(prepared.invoice(), payer.id(), payer.email(), payer.name()));
            } catch (ProblemException e) {
                // No checkout was opened for this new invoice (the gateway is down or refused it): void it, so the next
                // attempt issues a fresh one at once instead of waiting for this one's checkout (a late payment of it
                // would be refunded). A renewal's invoice is owed whatever happens, so it stays open.
                if (prepared.invoice().kind() != Kind.RENEWAL) {
                    transactions.executeWithoutResult(status -> invoices.voidOpen(prepared.invoice().id(), clock.instant()));
                }
                throw e;
            }
        }
        return new ChangeResult(view(prepared.subscription()), prepared.outcome(), prepared.invoice(), checkout);
    }

    /** Saves a decided change; one with an {@code action} is audited and the organization follows it. */
    private Prepared saved(Subscription subscription, UserId actor, Map<String, Object> before, String outcome, String action,
            Invoice invoice) {
        subscriptions.saveAndFlush(subscription);
        if (action != null) {
            steps.publish(subscription, actor, action, before);
            steps.follow(subscription);
        }
        return new Prepared(subscription, outcome, invoice);
    }

    /** What a plan change decided under the lock: a checkout to open for {@code invoice}, unless {@code checkout} is one already open. */
    private record Prepared(Subscription subscription, String outcome, Invoice invoice, Checkout checkout) {

        Prepared(Subscription subscription, String outcome, Invoice invoice) {
            this(subscription, outcome, invoice, null);
        }
    }

    /**
     * The checkout already open for the same change: an open invoice of this kind, plan and cycle on the same terms
     * whose payment's checkout the gateway opened. Empty when there is none, so the caller issues one (voiding any
     * other open checkout). A matching invoice whose checkout is not open yet and that was issued less than the time a
     * gateway may take to open one is still being opened by another request: 409 {@code change-in-progress}; an older
     * one never got its checkout and is superseded.
     */
    private Optional<Prepared> openCheckout(Subscription subscription, Kind kind, Plan plan, BillingCycle cycle,
            Predicate<Invoice> sameTerms, Instant now) {
        OrganizationId organization = OrganizationId.of(subscription.organizationId());
        Optional<Invoice> open = invoices.openFor(organization, subscription.id(), kind, plan.key(), cycle).filter(sameTerms);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Invoice invoice = open.get();
        Optional<Checkout> checkout = payments.openCheckout(organization.value(), PaymentPurpose.SUBSCRIPTION, invoice.id().toString());
        if (checkout.isPresent()) {
            return Optional.of(new Prepared(subscription, "checkout", invoice, checkout.get()));
        }
        if (invoice.issuedAt().isAfter(now.minus(payments.checkoutOpeningTime()))) {
            throw new ProblemException(BillingProblems.CHANGE_IN_PROGRESS, "The checkout for this change is being opened right now; try again in a few seconds.",
                    Map.of("invoice_id", invoice.id().toString()));
        }
        return Optional.empty();
    }

    /** An open subscribe invoice for the plan's price now and the tax rate now. */
    private Predicate<Invoice> sameSubscribeTerms(Plan plan, BillingCycle cycle) {
        return invoice -> invoice.subtotal().equals(plan.price(cycle)) && invoice.taxRate().compareTo(properties.taxRate()) == 0;
    }

    @Transactional
    public SubscriptionView cancel(UserId actor, OrganizationId organization) {
        return move(actor, organization, "subscription_cancel_schedule", false, (subscription, now) -> subscription.cancelAtPeriodEnd(now));
    }

    @Transactional
    public SubscriptionView resume(UserId actor, OrganizationId organization) {
        return move(actor, organization, "subscription_resume", false, (subscription, now) -> subscription.resume(now));
    }

    /**
     * Pauses an active paid subscription: the organization is on the free plan's limits and credit allowance, nothing
     * is charged, the paid time left is kept. Checkouts not paid yet are voided (a late payment of one is refunded).
     */
    @Transactional
    public SubscriptionView pause(UserId actor, OrganizationId organization) {
        return move(actor, organization, "subscription_pause", true, (subscription, now) -> {
            subscription.pause(now);
            invoices.voidOpen(subscription.id(), List.of(Kind.values()), now);
        });
    }

    /** Back on the paid plan with the paid time it had left; the period's end moves by the time it was paused. */
    @Transactional
    public SubscriptionView unpause(UserId actor, OrganizationId organization) {
        return move(actor, organization, "subscription_unpause", true, (subscription, now) -> subscription.unpause(now));
    }

    /** A move an owner or admin makes on the current subscription, under its row lock, audited as {@code action}. */
    private SubscriptionView move(UserId actor, OrganizationId organization, String action, boolean changesPlanLimits,
            BiConsumer<Subscription, Instant> step) {
        organizations.require(actor, organization, Permission.MANAGE_BILLING);
        Subscription subscription = lockCurrent(organization);
        Map<String, Object> before = subscription.snapshot();
        step.accept(subscription, clock.instant());
        subscriptions.saveAndFlush(subscription);
        steps.publish(subscription, actor, action, before);
        if (changesPlanLimits) {
            steps.follow(subscription);
        }
        return view(subscription);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A trial's plan credits, granted once per subscription (the ledger reference is the subscription's trial), so a
     * trial can use AI; what the free plan granted before stays.
     */
    private void grantTrialCredits(Subscription subscription, Plan plan) {
        if (plan.monthlyCredits() > 0) {
            credits.grantOnce(OrganizationId.of(subscription.organizationId()), CreditLedger.Grant.SUBSCRIPTION, plan.monthlyCredits(),
                    TRIAL_REFERENCE, subscription.id().toString(), plan.name() + " trial");
        }
    }

    private Invoice issueSubscribe(Subscription subscription, Plan plan, BillingCycle cycle, Instant now) {
        invoices.voidOpen(subscription.id(), List.of(Kind.SUBSCRIBE, Kind.UPGRADE), now);
        // The period starts when the payment completes; the line shows the cycle, the paid invoice the dates.
        return steps.issue(subscription, Kind.SUBSCRIBE, plan, cycle, List.of(new Line(LineKind.PLAN, plan.key(), cycle, null, null, plan.price(cycle))),
                null, null, now);
    }

    private Invoice issueUpgrade(Subscription subscription, Plan current, Plan target, BillingCycle cycle, Proration.Quote quote, Instant now) {
        invoices.voidOpen(subscription.id(), List.of(Kind.SUBSCRIBE, Kind.UPGRADE), now);
        Instant end = subscription.currentPeriodEnd();
        Line charge = quote.newPeriod()
                ? new Line(LineKind.PLAN, target.key(), cycle, null, null, quote.newPlanCharge())
                : new Line(LineKind.PRORATED_PLAN, target.key(), cycle, now, end, quote.newPlanCharge());
        Line credit = new Line(LineKind.UNUSED_CREDIT, current.key(), subscription.billingCycle(), now, end, Money.zero(quote.unusedCredit().currency())
                .minus(quote.unusedCredit()));
        List<Line> lines = quote.unusedCredit().isPositive() ? List.of(charge, credit) : List.of(charge);
        return steps.issue(subscription, Kind.UPGRADE, target, cycle, lines, quote.newPeriod() ? null : now, quote.newPeriod() ? null : end, now);
    }

    SubscriptionView view(Subscription subscription) {
        boolean trialAvailable = properties.trialDays() > 0 && subscription.isFree()
                && !subscriptions.hasTrialed(subscription.organizationId());
        return new SubscriptionView(subscription.id(), OrganizationId.of(subscription.organizationId()), subscription.plan(), subscription.status(),
                subscription.billingCycle(), subscription.currentPeriodStart(), subscription.currentPeriodEnd(), subscription.trialEnd(),
                subscription.cancelAtPeriodEndSet(), subscription.pendingPlan(), subscription.pendingBillingCycle(), subscription.retryCount(),
                subscription.nextRetryAt(), trialAvailable, subscription.allowedMoves(), subscription.pausedAt(),
                subscription.pausedRemainingSeconds());
    }
}
