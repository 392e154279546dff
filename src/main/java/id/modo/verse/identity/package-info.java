/**
 * Identity: accounts (users) with their passwords, sessions and bearer tokens, one-time tokens
 * for email verification and password reset, sign-in throttling, and OAuth links.
 * Owns users, sessions, one_time_tokens, oauth_authorization_requests.
 * <p>
 * Other modules learn who is calling from {@link id.modo.verse.identity.CurrentUser} (the
 * authenticated principal) and look accounts up through {@link id.modo.verse.identity.Accounts}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web"})
package id.modo.verse.identity;
