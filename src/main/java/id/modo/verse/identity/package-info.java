/**
 * Identity: accounts (users), their sessions and bearer tokens, one-time tokens for email verification and password reset, and OAuth links. Owns users, sessions.
 * Its tables are created by the migrations in {@code db/migration/identity}; its features come with their issues.
 */
package id.modo.verse.identity;
