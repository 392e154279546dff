/**
 * Audit: the append-only record of who changed what, written by listening to every module's
 * events, so no business code calls it. Owns audit_logs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity", "organization", "platform"})
package id.modo.verse.audit;
