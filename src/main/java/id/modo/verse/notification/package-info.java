/**
 * Notifications: in-app notifications, follows between users, and live push over server-sent events; it listens to every module's events. Owns notifications, user_follows.
 * Its tables are created by the migrations in {@code db/migration/notification}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity"})
package id.modo.verse.notification;
