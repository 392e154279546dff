package id.modo.verse.billing;

import id.modo.verse.organization.OrganizationEvents.OrganizationCreated;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentPurpose;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Billing's reactions to other modules: a new organization gets its free subscription; subscription payments settle
 * their invoices. Each runs after the publisher's commit, from the event publication registry, so a crash in between
 * delivers the event again; the handlers are idempotent.
 */
@Component
class BillingListeners {

    private final Subscriptions subscriptions;
    private final SubscriptionSettlement settlement;

    BillingListeners(Subscriptions subscriptions, SubscriptionSettlement settlement) {
        this.subscriptions = subscriptions;
        this.settlement = settlement;
    }

    @ApplicationModuleListener
    void on(OrganizationCreated event) {
        subscriptions.ensure(OrganizationId.of(event.organizationId()));
    }

    @ApplicationModuleListener
    void on(PaymentCompleted event) {
        if (event.purpose() == PaymentPurpose.SUBSCRIPTION) {
            settlement.paymentCompleted(event);
        }
    }

    @ApplicationModuleListener
    void on(PaymentFailed event) {
        if (event.purpose() == PaymentPurpose.SUBSCRIPTION) {
            settlement.paymentFailed(event);
        }
    }
}
