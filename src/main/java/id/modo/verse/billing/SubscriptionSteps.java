package id.modo.verse.billing;

import id.modo.verse.billing.BillingEvents.SubscriptionChanged;
import id.modo.verse.billing.Invoices.Invoice;
import id.modo.verse.billing.Invoices.Kind;
import id.modo.verse.billing.Invoices.Line;
import id.modo.verse.common.Changes;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.payment.PaymentPurpose;
import id.modo.verse.payment.PaymentRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What plan changes ({@link Subscriptions}), payment settlement ({@link SubscriptionSettlement}) and renewals
 * ({@link SubscriptionRenewals}) all do to a subscription: audit a change, make the organization follow it, end it
 * on free, issue an invoice and ask for its payment. Callers hold the subscription's row lock.
 */
@Component
class SubscriptionSteps {

    private final SubscriptionRepository subscriptions;
    private final Plans plans;
    private final Invoices invoices;
    private final Organizations organizations;
    private final BillingProperties properties;
    private final CreditLedger credits;
    private final ApplicationEventPublisher events;

    SubscriptionSteps(SubscriptionRepository subscriptions, Plans plans, Invoices invoices, Organizations organizations,
            BillingProperties properties, CreditLedger credits, ApplicationEventPublisher events) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.invoices = invoices;
        this.organizations = organizations;
        this.properties = properties;
        this.credits = credits;
        this.events = events;
    }

    /** Ends the subscription and starts the organization again on free. */
    void toFree(Subscription subscription, UserId actor, Instant now) {
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
    void follow(Subscription subscription) {
        Plan plan = subscription.status() == SubscriptionStatus.CANCELED || subscription.isPaused()
                ? plans.free() : plans.find(subscription.plan()).orElseThrow();
        OrganizationId organization = OrganizationId.of(subscription.organizationId());
        organizations.applyPlan(organization, plan.key(), plan.storageLimitBytes());
        credits.setAllowance(organization, plan.monthlyCredits(), plan.rolloverCap(), plan.key());
    }

    Invoice issue(Subscription subscription, Kind kind, Plan plan, BillingCycle cycle, List<Line> lines, Instant periodStart,
            Instant periodEnd, Instant now) {
        Organizations.BillingContact contact = organizations.billingContact(OrganizationId.of(subscription.organizationId()));
        String email = contact.recipients().isEmpty() ? null : contact.recipients().getFirst();
        return invoices.issue(new Invoices.Issue(OrganizationId.of(subscription.organizationId()), subscription.id(), kind, plan.key(), cycle,
                lines, properties.taxRate(), periodStart, periodEnd, contact.name(), email, now));
    }

    PaymentRequest paymentRequest(Invoice invoice, UserId payer, String email, String name) {
        Plan plan = plans.find(invoice.plan()).orElseThrow();
        return new PaymentRequest(invoice.organizationId().value(), payer.value(), PaymentPurpose.SUBSCRIPTION, invoice.id().toString(),
                invoice.total(), "MODO " + plan.name() + " (" + invoice.cycle().dbValue() + ") · " + invoice.number(), email,
                name == null || name.isBlank() ? email : name, "/organizations/" + invoice.organizationId().value() + "/billing?notice=paid");
    }

    Duration retryDelay(int retryCount) {
        List<Duration> delays = properties.retryDelays();
        return delays.isEmpty() ? Duration.ZERO : retryCount < delays.size() ? delays.get(retryCount) : Duration.ZERO;
    }

    void publish(Subscription subscription, UserId actor, String action, Map<String, Object> before) {
        Map<String, Object> after = subscription.snapshot();
        events.publishEvent(new SubscriptionChanged(subscription.organizationId(), actor == null ? null : actor.value(), subscription.id(),
                action, Changes.differing(before, after), Changes.differing(after, before)));
    }
}
