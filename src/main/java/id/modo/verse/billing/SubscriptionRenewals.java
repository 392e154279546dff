package id.modo.verse.billing;

import id.modo.verse.billing.Invoices.Invoice;
import id.modo.verse.billing.Invoices.Kind;
import id.modo.verse.billing.Invoices.Line;
import id.modo.verse.billing.Invoices.LineKind;
import id.modo.verse.common.Money;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentRequest;
import id.modo.verse.payment.PaymentStatus;
import id.modo.verse.payment.Payments;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscriptions whose period is over, run by {@link RenewalJob}: each ends or is charged for its next period, with the
 * saved payment method or a checkout link mailed to the billing contact. The payment's outcome comes back through
 * {@link SubscriptionSettlement}.
 */
@Service
class SubscriptionRenewals {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRenewals.class);
    /** A renewal charge in these states is not charged again: no answer yet, or paid and its event on its way. */
    private static final Set<PaymentStatus> AWAITED = EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING,
            PaymentStatus.COMPLETED);

    private final SubscriptionRepository subscriptions;
    private final Plans plans;
    private final Invoices invoices;
    private final Organizations organizations;
    private final BillingProperties properties;
    private final Payments payments;
    private final RenewalMails renewalMails;
    private final SubscriptionSteps steps;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubscriptionRenewals(SubscriptionRepository subscriptions, Plans plans, Invoices invoices, Organizations organizations,
            BillingProperties properties, Payments payments, RenewalMails renewalMails, SubscriptionSteps steps,
            TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.organizations = organizations;
        this.properties = properties;
        this.payments = payments;
        this.renewalMails = renewalMails;
        this.steps = steps;
        this.transactions = transactions;
        this.clock = clock;
    }

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
                steps.toFree(subscription, null, now);
                return null;
            }
            Optional<Invoice> open = invoices.openRenewal(subscription.id());
            if (open.isPresent() && renewalChargeAwaited(subscription, open.get())) {
                // The saved method was charged for this invoice and the gateway has not answered: charging again could
                // take the money twice. Its PaymentCompleted/PaymentFailed settles it; look again at the next retry time.
                subscription.awaitPayment(now.plus(steps.retryDelay(subscription.retryCount())), now);
                subscriptions.saveAndFlush(subscription);
                return null;
            }
            if (open.isEmpty()) {
                Map<String, Object> before = subscription.snapshot();
                subscription.applyScheduledChange(now);
                if (!before.equals(subscription.snapshot())) {
                    steps.publish(subscription, null, "subscription_change_apply", before);
                    steps.follow(subscription);
                }
            }
            Plan plan = plans.find(subscription.plan()).orElseThrow();
            Money price = plan.price(subscription.billingCycle());
            if (!price.isPositive()) {
                // A plan made free of charge by an admin renews without a payment.
                Map<String, Object> before = subscription.snapshot();
                subscription.renewed(now);
                subscriptions.saveAndFlush(subscription);
                steps.publish(subscription, null, "subscription_renew", before);
                return null;
            }
            Invoice invoice = open.orElseGet(() -> {
                Instant start = subscription.currentPeriodEnd();
                Instant end = subscription.billingCycle().periodEnd(start);
                return steps.issue(subscription, Kind.RENEWAL, plan, subscription.billingCycle(),
                        List.of(new Line(LineKind.PLAN, plan.key(), subscription.billingCycle(), start, end, price)), start, end, now);
            });
            // Not looked at again before the first retry time, whatever the payment does meanwhile.
            subscription.awaitPayment(now.plus(steps.retryDelay(subscription.retryCount())), now);
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
        PaymentRequest request = steps.paymentRequest(charge.invoice(), owner.id(), contact.recipients().getFirst(), contact.name());
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
            subscription.markPastDue(now.plus(steps.retryDelay(subscription.retryCount())), now);
            subscriptions.saveAndFlush(subscription);
            steps.publish(subscription, null, "subscription_past_due", before);
            renewalMails.sendCheckoutLink(contact, charge.invoice(), checkout.redirectUrl());
        });
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
}
