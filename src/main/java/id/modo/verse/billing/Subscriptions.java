package id.modo.verse.billing;

import id.modo.verse.billing.BillingEvents.SubscriptionChanged;
import id.modo.verse.billing.Invoices.Invoice;
import id.modo.verse.billing.Invoices.Kind;
import id.modo.verse.billing.Invoices.Line;
import id.modo.verse.billing.Invoices.LineKind;
import id.modo.verse.common.Changes;
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
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentPurpose;
import id.modo.verse.payment.PaymentRequest;
import id.modo.verse.payment.PaymentStatus;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organization's subscription: reading it, changing the plan (a trial, a checkout, an upgrade charged pro rata
 * now, a downgrade at the period's end), cancelling and resuming, settling payments, and renewing. The organization's
 * plan, storage limit and credit allowance follow every change.
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    /** The ledger reference type of a trial's credits; the reference id is the subscription's id. */
    static final String TRIAL_REFERENCE = "subscription_trial";
    /** A renewal charge in these states is not charged again: no answer yet, or paid and its event on its way. */
    private static final Set<PaymentStatus> AWAITED = EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING,
            PaymentStatus.COMPLETED);

    private final SubscriptionRepository subscriptions;
    private final Plans plans;
    private final Invoices invoices;
    private final Organizations organizations;
    private final Accounts accounts;
    private final BillingProperties properties;
    private final Payments payments;
    private final CreditLedger credits;
    private final RenewalMails renewalMails;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Subscriptions(SubscriptionRepository subscriptions, Plans plans, Invoices invoices, Organizations organizations, Accounts accounts,
            BillingProperties properties, Payments payments, CreditLedger credits,
            RenewalMails renewalMails, JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.organizations = organizations;
        this.accounts = accounts;
        this.properties = properties;
        this.payments = payments;
        this.credits = credits;
        this.renewalMails = renewalMails;
        this.jdbc = jdbc;
        this.events = events;
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
            String outcome;
            Invoice invoice = null;
            String action;
            if (target.isFree()) {
                if (subscription.isFree()) {
                    return new Prepared(subscription, "unchanged", null);
                } else if (subscription.status() == SubscriptionStatus.ACTIVE) {
                    subscription.cancelAtPeriodEnd(now);
                    outcome = "scheduled";
                    action = "subscription_cancel_schedule";
                } else {
                    // Nothing was paid for the rest of a trial or an overdue period: it ends now.
                    toFree(subscription, actor, now);
                    return new Prepared(subscriptions.findCurrent(organization.value()).orElseThrow(), "canceled", null);
                }
            } else if (subscription.status() == SubscriptionStatus.ACTIVE && subscription.isFree()) {
                if (properties.trialDays() > 0 && !subscriptions.hasTrialed(organization.value())) {
                    subscription.startTrial(target.key(), cycle, now, now.plus(Duration.ofDays(properties.trialDays())));
                    outcome = "trial_started";
                    action = "subscription_trial_start";
                } else {
                    Optional<Prepared> open = openCheckout(subscription, Kind.SUBSCRIBE, target, cycle, sameSubscribeTerms(target, cycle), now);
                    if (open.isPresent()) {
                        return open.get();
                    }
                    invoice = issueSubscribe(subscription, target, cycle, now);
                    outcome = "checkout";
                    action = null;
                }
            } else if (subscription.status() == SubscriptionStatus.TRIALING) {
                Optional<Prepared> open = openCheckout(subscription, Kind.SUBSCRIBE, target, cycle, sameSubscribeTerms(target, cycle), now);
                if (open.isPresent()) {
                    return open.get();
                }
                invoice = issueSubscribe(subscription, target, cycle, now);
                outcome = "checkout";
                action = null;
            } else if (subscription.status() == SubscriptionStatus.PAST_DUE
                    && target.key().equals(subscription.plan()) && cycle == subscription.billingCycle()) {
                invoice = invoices.openRenewal(subscription.id()).orElseThrow(() -> new SubscriptionTransitionException("pay",
                        subscription.status(), subscription.plan(), subscription.allowedMoves()));
                // The renewal's checkout (the one mailed to the billing contact, or one asked for before) if it is still open.
                Optional<Checkout> open = payments.openCheckout(subscription.organizationId(), PaymentPurpose.SUBSCRIPTION,
                        invoice.id().toString());
                if (open.isPresent()) {
                    return new Prepared(subscription, "checkout", invoice, open.get());
                }
                outcome = "checkout";
                action = null;
            } else if (subscription.isPaidActive()) {
                Plan current = plans.find(subscription.plan()).orElseThrow();
                boolean sameCycle = cycle == subscription.billingCycle();
                boolean longer = cycle == BillingCycle.YEARLY && subscription.billingCycle() == BillingCycle.MONTHLY;
                boolean upgrade = (sameCycle || longer) && (target.monthlyPrice().compareTo(current.monthlyPrice()) > 0
                        || (target.key().equals(current.key()) && longer));
                if (target.key().equals(current.key()) && sameCycle) {
                    if (!subscription.dropScheduledChange(now)) {
                        return new Prepared(subscription, "unchanged", null);
                    }
                    outcome = "scheduled";
                    action = "subscription_change_schedule";
                } else if (upgrade) {
                    Proration.Quote quote = Proration.upgrade(current.price(subscription.billingCycle()), target.price(cycle), sameCycle,
                            subscription.currentPeriodStart(), subscription.currentPeriodEnd(), now);
                    if (quote.subtotal().isPositive()) {
                        Instant periodEnd = quote.newPeriod() ? null : subscription.currentPeriodEnd();
                        Optional<Prepared> open = openCheckout(subscription, Kind.UPGRADE, target, cycle,
                                openInvoice -> Objects.equals(openInvoice.periodEnd(), periodEnd)
                                        && openInvoice.taxRate().compareTo(properties.taxRate()) == 0, now);
                        if (open.isPresent()) {
                            return open.get();
                        }
                        invoice = issueUpgrade(subscription, current, target, cycle, quote, now);
                        outcome = "checkout";
                        action = null;
                    } else {
                        // The period is (nearly) over: nothing is left to prorate, the change comes with the renewal.
                        subscription.scheduleChange(target.key(), cycle, now);
                        outcome = "scheduled";
                        action = "subscription_change_schedule";
                    }
                } else {
                    subscription.scheduleChange(target.key(), cycle, now);
                    outcome = "scheduled";
                    action = "subscription_change_schedule";
                }
            } else {
                throw new SubscriptionTransitionException("change_plan", subscription.status(), subscription.plan(),
                        subscription.allowedMoves());
            }
            subscriptions.saveAndFlush(subscription);
            if (action != null) {
                publish(subscription, actor, action, before);
                follow(subscription);
            }
            if ("trial_started".equals(outcome)) {
                grantTrialCredits(subscription, target);
            }
            return new Prepared(subscription, outcome, invoice);
        });
        Checkout checkout = prepared.checkout();
        if (prepared.invoice() != null && checkout == null) {
            Accounts.Account payer = accounts.find(actor).orElseThrow();
            try {
                checkout = payments.start(paymentRequest(prepared.invoice(), payer.id(), payer.email(), payer.name()));
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
        publish(subscription, actor, action, before);
        if (changesPlanLimits) {
            follow(subscription);
        }
        return view(subscription);
    }

    // ------------------------------------------------------------------ payments

    /**
     * Settles a completed subscription payment against its invoice, once: the invoice row is locked and must be open.
     * A payment for an invoice already paid (a second checkout paid too) or voided (superseded) is refunded in full.
     */
    @Transactional
    public void paymentCompleted(PaymentCompleted payment) {
        Optional<Invoice> found = invoiceOf(payment.purpose(), payment.reference()).flatMap(invoices::lock);
        if (found.isEmpty()) {
            return;
        }
        Invoice invoice = found.get();
        if (invoice.status() == Invoices.Status.PAID) {
            if (!payment.paymentId().value().equals(invoice.paymentId())) {
                refund(payment.paymentId(), payment.amount(), "Invoice " + invoice.number() + " was already paid");
            }
            return;
        }
        if (invoice.status() != Invoices.Status.OPEN) {
            refund(payment.paymentId(), payment.amount(), "Invoice " + invoice.number() + " was void");
            return;
        }
        Subscription subscription = subscriptions.lock(invoice.subscriptionId()).orElseThrow();
        Map<String, Object> before = subscription.snapshot();
        Instant now = clock.instant();
        Plan plan = plans.find(invoice.plan()).orElseThrow();
        int credits;
        String action;
        try {
            switch (invoice.kind()) {
                case SUBSCRIBE -> {
                    // Paying during a trial loses none of it: the paid period starts when the trial ends.
                    Instant periodStart = subscription.status() == SubscriptionStatus.TRIALING && subscription.trialEnd() != null
                            && subscription.trialEnd().isAfter(now) ? subscription.trialEnd() : now;
                    subscription.activate(invoice.plan(), invoice.cycle(), periodStart, now);
                    credits = plan.monthlyCredits();
                    action = "subscription_activate";
                }
                case UPGRADE -> {
                    int oldCredits = plans.find(subscription.plan()).map(Plan::monthlyCredits).orElse(0);
                    subscription.upgrade(invoice.plan(), invoice.cycle(), now);
                    credits = Math.max(0, plan.monthlyCredits() - oldCredits);
                    action = "subscription_upgrade";
                }
                case RENEWAL -> {
                    subscription.renewed(now);
                    credits = plan.monthlyCredits();
                    action = "subscription_renew";
                }
                default -> throw new IllegalStateException();
            }
        } catch (SubscriptionTransitionException e) {
            // The subscription moved on (canceled meanwhile): the money goes back, the invoice is void.
            invoices.voidOpen(invoice.id(), now);
            refund(payment.paymentId(), payment.amount(), "Subscription no longer " + invoice.kind().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        subscriptions.saveAndFlush(subscription);
        invoices.markPaid(invoice.id(), payment.paymentId().value(), now,
                invoice.kind() == Kind.UPGRADE ? null : subscription.currentPeriodStart(),
                invoice.kind() == Kind.UPGRADE ? null : subscription.currentPeriodEnd());
        publish(subscription, null, action, before);
        follow(subscription);
        if (credits > 0) {
            // In this transaction, behind the invoice's row lock and its open->paid step: exactly once per paid invoice.
            this.credits.grant(OrganizationId.of(subscription.organizationId()), null, CreditLedger.Grant.SUBSCRIPTION, credits, "invoice",
                    invoice.id().toString(), plan.name() + " (" + invoice.cycle().dbValue() + "), " + invoice.number());
        }
    }

    /** A failed first payment or upgrade voids its invoice; a failed renewal makes the subscription past due. */
    @Transactional
    public void paymentFailed(PaymentFailed payment) {
        Optional<Invoice> found = invoiceOf(payment.purpose(), payment.reference()).flatMap(invoices::lock);
        if (found.isEmpty() || found.get().status() != Invoices.Status.OPEN) {
            return;
        }
        Invoice invoice = found.get();
        Instant now = clock.instant();
        if (invoice.kind() != Kind.RENEWAL) {
            invoices.voidOpen(invoice.id(), now);
            return;
        }
        Subscription subscription = subscriptions.lock(invoice.subscriptionId()).orElseThrow();
        if (subscription.status() == SubscriptionStatus.ACTIVE || subscription.status() == SubscriptionStatus.PAST_DUE) {
            Map<String, Object> before = subscription.snapshot();
            subscription.markPastDue(now.plus(retryDelay(subscription.retryCount())), now);
            subscriptions.saveAndFlush(subscription);
            publish(subscription, null, "subscription_past_due", before);
        }
    }

    // ------------------------------------------------------------------ renewal

    /** Renews (or ends) every subscription whose period is over, a batch at a time; returns how many it looked at. */
    public int renewDue() {
        List<UUID> due = subscriptions.findDue(clock.instant(), Limit.of(200));
        for (UUID id : due) {
            try {
                renew(id);
            } catch (RuntimeException e) {
                log.warn("Renewing subscription {} failed; the next run tries again", id, e);
            }
        }
        return due.size();
    }

    /**
     * One subscription whose period ended: a trial or a canceled subscription ends (back to free), as does one whose
     * retries are used up; otherwise the scheduled change applies and the period is charged: the saved payment
     * method if there is one, else a checkout link mailed to the billing contact, and the subscription is past due.
     */
    void renew(UUID subscriptionId) {
        record Charge(Invoice invoice, OrganizationId organization) {
        }
        Charge charge = transactions.execute(status -> {
            Subscription subscription = subscriptions.lock(subscriptionId).orElseThrow();
            Instant now = clock.instant();
            boolean due = !subscription.isFree() && subscription.currentPeriodEnd() != null && !subscription.currentPeriodEnd().isAfter(now)
                    && (subscription.nextRetryAt() == null || !subscription.nextRetryAt().isAfter(now))
                    && List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE, SubscriptionStatus.TRIALING).contains(subscription.status());
            if (!due) {
                return null;
            }
            if (subscription.status() == SubscriptionStatus.TRIALING || subscription.cancelAtPeriodEndSet()
                    || subscription.retryCount() > properties.retryDelays().size()) {
                toFree(subscription, null, now);
                return null;
            }
            Optional<Invoice> open = invoices.openRenewal(subscription.id());
            if (open.isPresent() && renewalChargeAwaited(subscription, open.get())) {
                // The saved method was charged for this invoice and the gateway has not answered: charging again could
                // take the money twice. Its PaymentCompleted/PaymentFailed settles it; look again at the next retry time.
                subscription.awaitPayment(now.plus(retryDelay(subscription.retryCount())), now);
                subscriptions.saveAndFlush(subscription);
                return null;
            }
            if (open.isEmpty()) {
                Map<String, Object> before = subscription.snapshot();
                subscription.applyScheduledChange(now);
                if (!before.equals(subscription.snapshot())) {
                    publish(subscription, null, "subscription_change_apply", before);
                    follow(subscription);
                }
            }
            Plan plan = plans.find(subscription.plan()).orElseThrow();
            Money price = plan.price(subscription.billingCycle());
            if (!price.isPositive()) {
                // A plan made free of charge by an admin renews without a payment.
                Map<String, Object> before = subscription.snapshot();
                subscription.renewed(now);
                subscriptions.saveAndFlush(subscription);
                publish(subscription, null, "subscription_renew", before);
                return null;
            }
            Invoice invoice = open.orElseGet(() -> {
                Instant start = subscription.currentPeriodEnd();
                Instant end = subscription.billingCycle().periodEnd(start);
                return issue(subscription, Kind.RENEWAL, plan, subscription.billingCycle(),
                        List.of(new Line(LineKind.PLAN, plan.key(), subscription.billingCycle(), start, end, price)), start, end, now);
            });
            // Not looked at again before the first retry time, whatever the payment does meanwhile.
            subscription.awaitPayment(now.plus(retryDelay(subscription.retryCount())), now);
            subscriptions.saveAndFlush(subscription);
            return new Charge(invoice, OrganizationId.of(subscription.organizationId()));
        });
        if (charge == null) {
            return;
        }
        Organizations.BillingContact contact = organizations.billingContact(charge.organization());
        if (contact.owners().isEmpty()) {
            return;
        }
        var owner = contact.owners().getFirst();
        PaymentRequest request = paymentRequest(charge.invoice(), owner.id(), contact.recipients().getFirst(), contact.name());
        Optional<PaymentId> charged = payments.chargeSaved(request);
        if (charged.isPresent()) {
            transactions.executeWithoutResult(status -> {
                Subscription subscription = subscriptions.lock(subscriptionId).orElseThrow();
                subscription.renewalCharged(charged.get().value(), clock.instant());
                subscriptions.saveAndFlush(subscription);
            });
            return;
        }
        Checkout checkout = payments.start(request);
        transactions.executeWithoutResult(status -> {
            Subscription subscription = subscriptions.lock(subscriptionId).orElseThrow();
            Map<String, Object> before = subscription.snapshot();
            Instant now = clock.instant();
            subscription.markPastDue(now.plus(retryDelay(subscription.retryCount())), now);
            subscriptions.saveAndFlush(subscription);
            publish(subscription, null, "subscription_past_due", before);
            renewalMails.sendCheckoutLink(contact, charge.invoice(), checkout.redirectUrl());
        });
    }

    // ------------------------------------------------------------------ helpers

    /** Ends the subscription and starts the organization again on free. */
    private void toFree(Subscription subscription, UserId actor, Instant now) {
        // Whatever was still to be paid for this subscription is no longer owed; a late payment of it is refunded.
        invoices.voidOpen(subscription.id(), List.of(Kind.values()), now);
        Map<String, Object> before = subscription.snapshot();
        subscription.cancel(now);
        subscriptions.saveAndFlush(subscription);
        publish(subscription, actor, "subscription_cancel", before);
        Subscription free = Subscription.free(subscription.organizationId(), now);
        subscriptions.saveAndFlush(free);
        follow(free);
    }

    /** The organization's plan, storage limit and credit allowance as the subscription now says. */
    private void follow(Subscription subscription) {
        Plan plan = subscription.status() == SubscriptionStatus.CANCELED || subscription.isPaused()
                ? plans.free() : plans.find(subscription.plan()).orElseThrow();
        OrganizationId organization = OrganizationId.of(subscription.organizationId());
        organizations.applyPlan(organization, plan.key(), plan.storageLimitBytes());
        credits.setAllowance(organization, plan.monthlyCredits(), plan.rolloverCap(), plan.key());
    }

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

    /** Whether the last saved-method charge was for {@code invoice} and has no final answer (or its completion is on its way). */
    private boolean renewalChargeAwaited(Subscription subscription, Invoice invoice) {
        if (subscription.renewalPaymentId() == null) {
            return false;
        }
        return payments.find(PaymentId.of(subscription.renewalPaymentId()))
                .filter(payment -> invoice.id().toString().equals(payment.reference()))
                .map(payment -> AWAITED.contains(payment.status()))
                .orElse(false);
    }

    private Invoice issueSubscribe(Subscription subscription, Plan plan, BillingCycle cycle, Instant now) {
        invoices.voidOpen(subscription.id(), List.of(Kind.SUBSCRIBE, Kind.UPGRADE), now);
        // The period starts when the payment completes; the line shows the cycle, the paid invoice the dates.
        return issue(subscription, Kind.SUBSCRIBE, plan, cycle, List.of(new Line(LineKind.PLAN, plan.key(), cycle, null, null, plan.price(cycle))),
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
        return issue(subscription, Kind.UPGRADE, target, cycle, lines, quote.newPeriod() ? null : now, quote.newPeriod() ? null : end, now);
    }

    private Invoice issue(Subscription subscription, Kind kind, Plan plan, BillingCycle cycle, List<Line> lines, Instant periodStart,
            Instant periodEnd, Instant now) {
        Organizations.BillingContact contact = organizations.billingContact(OrganizationId.of(subscription.organizationId()));
        String email = contact.recipients().isEmpty() ? null : contact.recipients().getFirst();
        return invoices.issue(new Invoices.Issue(OrganizationId.of(subscription.organizationId()), subscription.id(), kind, plan.key(), cycle,
                lines, properties.taxRate(), periodStart, periodEnd, contact.name(), email, now));
    }

    private PaymentRequest paymentRequest(Invoice invoice, UserId payer, String email, String name) {
        Plan plan = plans.find(invoice.plan()).orElseThrow();
        return new PaymentRequest(invoice.organizationId().value(), payer.value(), PaymentPurpose.SUBSCRIPTION, invoice.id().toString(),
                invoice.total(), "MODO " + plan.name() + " (" + invoice.cycle().dbValue() + ") · " + invoice.number(), email,
                name == null || name.isBlank() ? email : name, "/organizations/" + invoice.organizationId().value() + "/billing?notice=paid");
    }

    private Optional<UUID> invoiceOf(PaymentPurpose purpose, String reference) {
        if (purpose != PaymentPurpose.SUBSCRIPTION || reference == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            log.warn("A subscription payment refers to '{}', which is no invoice id", reference);
            return Optional.empty();
        }
    }

    private void refund(PaymentId payment, Money amount, String reason) {
        log.warn("Refunding payment {} ({}): {}", payment, amount, reason);
        payments.refund(payment, amount, reason);
    }

    private Duration retryDelay(int retryCount) {
        List<Duration> delays = properties.retryDelays();
        return delays.isEmpty() ? Duration.ZERO : retryCount < delays.size() ? delays.get(retryCount) : Duration.ZERO;
    }

    private void publish(Subscription subscription, UserId actor, String action, Map<String, Object> before) {
        Map<String, Object> after = subscription.snapshot();
        events.publishEvent(new SubscriptionChanged(subscription.organizationId(), actor == null ? null : actor.value(), subscription.id(),
                action, Changes.differing(before, after), Changes.differing(after, before)));
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
