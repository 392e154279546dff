package id.modo.verse.credit;

import id.modo.verse.organization.OrganizationEvents.OrganizationCreated;
import id.modo.verse.organization.OrganizationId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new organization its balance row with the free plan's credits, after the
 * organization's commit (through the event publication registry, so a crash retries it). The
 * ledger also makes the row on first use, so an organization is never without credits for long.
 */
@Component
class CreditAccounts {

    private final CreditLedger ledger;

    CreditAccounts(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(OrganizationCreated event) {
        ledger.open(OrganizationId.of(event.organizationId()));
    }
}
