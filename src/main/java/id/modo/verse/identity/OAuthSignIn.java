package id.modo.verse.identity;

import id.modo.verse.common.web.ClientInfo;
import id.modo.verse.identity.IdentityEvents.ProviderLinked;
import id.modo.verse.identity.IdentityEvents.SignInFailed;
import id.modo.verse.identity.IdentityEvents.UserRegistered;
import id.modo.verse.identity.IdentityEvents.UserSignedInWithProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in with an OAuth2 provider. The provider's account is found by its id; failing that it is
 * linked to the account with the same email, but only when the provider says the email is verified;
 * failing that a new, verified account without a password is made. Everything else is refused.
 */
@Service
class OAuthSignIn {

    /** What the provider tells us about the person. {@code email} may be null. */
    record Identity(OAuthProvider provider, String providerUserId, String email, boolean emailVerified, String name) {
    }

    sealed interface Result {
    }

    record SignedIn(Sessions.Issued session, Accounts.Account account) implements Result {
    }

    /** Refused; {@code reason} is the suffix of the page's message key {@code signin.oauth.error.*}. */
    record Refused(String reason) implements Result {
    }

    private final UserRepository users;
    private final Sessions sessions;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OAuthSignIn(UserRepository users, Sessions sessions, IdentityProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Result signIn(Identity identity, ClientInfo client) {
        Instant now = clock.instant();
        String provider = identity.provider().registrationId();
        Optional<User> linked = users.findByProviderId(identity.provider(), identity.providerUserId());
        User user;
        if (linked.isPresent()) {
            user = linked.get();
        } else {
            String email = identity.email() == null ? "" : identity.email().strip();
            if (email.isEmpty() || email.length() > 255 || !email.matches("^[^@\\s]+@[^@\\s]+$")) {
                return new Refused("no_email");
            }
            Optional<User> sameEmail = users.findByEmail(email);
            if (!identity.emailVerified()) {
                // An unverified email proves nothing: it must not reach an account, nor claim an address.
                sameEmail.ifPresent(existing -> events.publishEvent(new SignInFailed(existing.id(),
                        existing.email(), "oauth_unverified_email:" + provider)));
                return new Refused("unverified_email");
            }
            if (sameEmail.isPresent()) {
                user = sameEmail.get();
                if (user.providerId(identity.provider()) != null) {
                    // The account is linked to another account at this provider already.
                    return new Refused("linked_elsewhere");
                }
                if (!user.canSignIn()) {
                    return new Refused("suspended");
                }
                user.linkProvider(identity.provider(), identity.providerUserId(), now);
                if (!user.emailVerified()) {
                    // Nobody proved this address before; the provider just did. Whoever signed up with it may
                    // not own it, so their password and sessions go (the owner can set a password by reset).
                    user.changePasswordHash(null, now);
                    sessions.revokeAll(user.id());
                    user.verifyEmail(now);
                }
                events.publishEvent(new ProviderLinked(user.id(), provider));
            } else {
                user = User.fromOAuth(email, displayName(identity.name(), email), identity.provider(), identity.providerUserId(), now);
                boolean madeAdmin = properties.isAdminEmail(user.email()) && user.grantPlatformAdmin(now);
                users.saveAndFlush(user);
                events.publishEvent(new UserRegistered(user.id(), user.email(), user.name()));
                if (madeAdmin) {
                    events.publishEvent(new IdentityEvents.PlatformAdminGranted(user.id(), user.email()));
                }
            }
        }
        if (!user.canSignIn()) {
            events.publishEvent(new SignInFailed(user.id(), user.email(), "suspended"));
            return new Refused("suspended");
        }
        user.signedIn(now);
        users.save(user);
        Sessions.Issued session = sessions.open(user.id(), client, "web");
        events.publishEvent(new UserSignedInWithProvider(user.id(), session.id(), "web", provider));
        return new SignedIn(session, Accounts.Account.of(user));
    }

    private static String displayName(String name, String email) {
        String shown = name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name.strip();
        return shown.length() > 255 ? shown.substring(0, 255) : shown;
    }
}
