/**
 * Watch: the streaming catalogue with seasons and episodes, watch history, watchlists, ratings and categories. Owns contents, content_seasons, content_episodes, watch_history, watchlists, content_ratings, content_categories, content_category_items.
 * Its tables are created by the migrations in {@code db/migration/watch}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "common :: jobs", "billing", "identity", "media", "organization", "studio"})
package id.modo.verse.watch;
