/**
 * Audit: the append-only record of who changed what, written by listening to every module's
 * events, so no business code calls it. Owns audit_logs. The one exception is a change that holds a
 * contended row lock (a credit debit): its publisher puts the row {@link id.modo.verse.audit.AuditRows}
 * gives it into its own statement, and the listener skips that event ({@link id.modo.verse.audit.AuditedInStatement}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity", "organization", "platform"})
package id.modo.verse.audit;
