/**
 * Payments: one port for the payment gateways (Stripe, Midtrans, Xendit and a sandbox), verified notifications and idempotency keys. Owns payments, gateway events, idempotency keys (added tables, created with the feature).
 * Its tables are created by the migrations in {@code db/migration/payment}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity", "organization"})
package id.modo.verse.payment;
