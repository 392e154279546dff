/**
 * AI: the gateway to the providers (facade {@link id.modo.verse.ai.Generations}; the adapters in {@code ai.provider} are
 * internal), the model catalogue, bring-your-own keys and the usage log that charges credits. Owns ai_usage_logs,
 * user_api_keys, ai_models, ai_generation_prices; its tables are created by the migrations in {@code db/migration/ai}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"billing", "common", "common :: jobs", "common :: web", "credit", "identity", "media", "organization"})
package id.modo.verse.ai;
