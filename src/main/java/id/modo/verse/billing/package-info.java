/**
 * Billing: the plan catalogue and each organization's subscription lifecycle and invoices. Owns subscriptions.
 * Its tables are created by the migrations in {@code db/migration/billing}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "credit", "identity", "organization", "payment"})
package id.modo.verse.billing;
