package id.modo.verse.billing;

import id.modo.verse.billing.Invoices.Invoice;
import id.modo.verse.billing.Invoices.Kind;
import id.modo.verse.common.Money;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentPurpose;
import id.modo.verse.payment.Payments;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscription payments as the payment module reports them, settled against their invoices: a paid invoice moves the
 * subscription on and grants the plan's credits, a failed one is voided or makes the subscription past due.
 */
@Service
class SubscriptionSettlement {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSettlement.class);

    private final SubscriptionRepository subscriptions;
    private final Plans plans;
    private final Invoices invoices;
    private final Payments payments;
    private final CreditLedger credits;
    private final SubscriptionSteps steps;
    private final Clock clock;

    SubscriptionSettlement(SubscriptionRepository subscriptions, Plans plans, Invoices invoices, Payments payments, CreditLedger credits,
            SubscriptionSteps steps, Clock clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.payments = payments;
        this.credits = credits;
        this.steps = steps;
        this.clock = clock;
    }

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
                    // Paying during a trial loses none of it: the paid period starts when the trial ends, and so do its
                    // credits (the trial already gave this plan's); the monthly credits arrive then, not twice now.
                    Instant periodStart = subscription.status() == SubscriptionStatus.TRIALING && subscription.trialEnd() != null
                            && subscription.trialEnd().isAfter(now) ? subscription.trialEnd() : now;
                    subscription.activate(invoice.plan(), invoice.cycle(), periodStart, now);
                    if (periodStart.isAfter(now)) {
                        this.credits.nextAllowanceAt(OrganizationId.of(subscription.organizationId()), periodStart);
                        credits = 0;
                    } else {
                        credits = plan.monthlyCredits();
                    }
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
        steps.publish(subscription, null, action, before);
        steps.follow(subscription);
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
            subscription.markPastDue(now.plus(steps.retryDelay(subscription.retryCount())), now);
            subscriptions.saveAndFlush(subscription);
            steps.publish(subscription, null, "subscription_past_due", before);
        }
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
}
