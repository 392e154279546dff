/**
 * Credits: the AI credit ledger per organization, exact under concurrency. Owns credit_balances, credit_transactions.
 * Its tables are created by the migrations in {@code db/migration/credit}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "common", "common :: web", "identity", "organization", "payment"})
package id.modo.verse.credit;
