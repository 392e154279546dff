/**
 * Platform: system settings, feature flags, outgoing webhooks with their delivery log, and the
 * admin console. Owns system_settings, feature_flags, webhooks, webhook_logs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity"})
package id.modo.verse.platform;
