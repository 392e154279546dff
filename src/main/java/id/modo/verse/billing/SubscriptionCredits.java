package id.modo.verse.billing;

import id.modo.verse.organization.OrganizationId;

/**
 * What billing needs from the credit module: the plan's monthly allowance, and the credits of a paid period. Both
 * run in billing's transaction, so a period's grant commits exactly with the invoice it belongs to.
 */
interface SubscriptionCredits {

    void setAllowance(OrganizationId organization, int monthlyCredits, int rolloverCap, String plan);

    void grantPeriod(OrganizationId organization, int credits, String invoiceId, String description);
}
