/**
 * AI: the provider and model catalogue, bring-your-own keys and the usage log that charges credits. Owns ai_usage_logs, user_api_keys.
 * Its tables are created by the migrations in {@code db/migration/ai}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"billing", "common", "common :: web", "credit", "identity", "organization"})
package id.modo.verse.ai;
