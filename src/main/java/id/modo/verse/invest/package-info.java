/**
 * Invest: crowdfunding campaigns with updates and tiers, investments, rewards, revenue distributions and investor payouts. Owns campaigns, campaign_updates, investment_tiers, investments, investor_rewards, revenue_distributions, investor_payouts.
 * Its tables are created by the migrations in {@code db/migration/invest}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "credit", "identity", "media", "organization", "payment", "studio"})
package id.modo.verse.invest;
