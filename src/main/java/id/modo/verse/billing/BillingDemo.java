package id.modo.verse.billing;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import org.springframework.stereotype.Component;

/**
 * Studio Kancil Animasi's Pro trial, started through the facade as its owner would on the billing page, so the studio
 * shows a trial with its credits. Layar Nusantara stays on Free, which billing gives every new organization.
 */
@Component
class BillingDemo implements DemoSeeder {

    private final Subscriptions subscriptions;

    BillingDemo(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public int order() {
        return SUBSCRIPTIONS;
    }

    @Override
    public void seed(DemoContext demo) {
        UserId owner = UserId.of(demo.person(Person.KANCIL_OWNER));
        OrganizationId kancil = OrganizationId.of(demo.tenant(Tenant.KANCIL));
        if (subscriptions.get(owner, kancil).trialAvailable()) {
            subscriptions.change(owner, kancil, "pro", "monthly");
        }
    }
}
