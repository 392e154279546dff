package id.modo.verse.identity;

import id.modo.verse.common.Page;
import id.modo.verse.common.RateLimiter;
import id.modo.verse.common.TooManyRequestsException;
import id.modo.verse.common.web.ClientInfo;
import id.modo.verse.identity.IdentityEvents.SessionRevoked;
import id.modo.verse.identity.IdentityEvents.SignInFailed;
import id.modo.verse.identity.IdentityEvents.UserSignedIn;
import id.modo.verse.identity.IdentityEvents.UserSignedOut;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in and out. A failed attempt is a result, not an exception, so that its throttling
 * count and audit row are committed while the caller answers 401.
 */
@Service
class SignIn {

    private final UserRepository users;
    private final PasswordHasher passwordHasher;
    private final Sessions sessions;
    private final RateLimiter rateLimiter;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignIn(UserRepository users, PasswordHasher passwordHasher, Sessions sessions, RateLimiter rateLimiter,
            IdentityProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordHasher = passwordHasher;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    sealed interface Result {
    }

    record Succeeded(Sessions.Issued session, Accounts.Account account) implements Result {
    }

    /** Wrong email or password: the same answer whether or not the email exists. */
    record Failed() implements Result {
    }

    /** The right password for an account that is suspended. */
    record Suspended() implements Result {
    }

    @Transactional
    Result signIn(String email, String password, ClientInfo client, String clientKind) {
        String key = "login:" + email.strip().toLowerCase(Locale.ROOT) + "|" + client.ip();
        // One address trying many emails (password spraying) is held back as well as one email tried many times.
        // Only failures count, and a success clears only its own email's count, so an attacker's own account
        // cannot reset the address's.
        String addressKey = "login-address:" + client.ip();
        TooManyRequestsException.throwIfLimited(rateLimiter.check(key, properties.loginMaxFailures(), properties.loginFailureWindow()));
        TooManyRequestsException.throwIfLimited(rateLimiter.check(addressKey, properties.loginMaxFailuresPerAddress(), properties.loginFailureWindow()));
        Optional<User> found = users.findByEmail(email.strip());
        boolean passwordMatches = found.filter(user -> user.passwordHash() != null)
                .map(user -> passwordHasher.matches(password, user.passwordHash()))
                .orElseGet(() -> passwordHasher.matchesDummy(password));
        if (!passwordMatches || found.get().status() == User.Status.DELETED) {
            rateLimiter.hit(key, properties.loginMaxFailures(), properties.loginFailureWindow());
            rateLimiter.hit(addressKey, properties.loginMaxFailuresPerAddress(), properties.loginFailureWindow());
            events.publishEvent(new SignInFailed(found.map(User::id).orElse(null), email.strip().toLowerCase(Locale.ROOT),
                    found.isPresent() ? "wrong_password" : "unknown_email"));
            return new Failed();
        }
        User user = found.get();
        if (!user.canSignIn()) {
            events.publishEvent(new SignInFailed(user.id(), user.email(), "suspended"));
            return new Suspended();
        }
        rateLimiter.reset(key);
        if (passwordHasher.needsRehash(user.passwordHash())) {
            user.changePasswordHash(passwordHasher.hash(password), clock.instant());
        }
        user.signedIn(clock.instant());
        users.save(user);
        Sessions.Issued session = sessions.open(user.id(), client, clientKind);
        events.publishEvent(new UserSignedIn(user.id(), session.id(), clientKind));
        return new Succeeded(session, Accounts.Account.of(user));
    }

    @Transactional
    void signOut(CurrentUser caller) {
        if (sessions.revoke(caller.id().value(), caller.sessionId())) {
            events.publishEvent(new UserSignedOut(caller.id().value(), caller.sessionId()));
        }
    }

    @Transactional
    boolean revoke(CurrentUser caller, UUID sessionId) {
        boolean revoked = sessions.revoke(caller.id().value(), sessionId);
        if (revoked) {
            events.publishEvent(new SessionRevoked(caller.id().value(), sessionId));
        }
        return revoked;
    }

    @Transactional(readOnly = true)
    List<Sessions.Listed> sessionsOf(CurrentUser caller) {
        return sessions.list(caller.id().value());
    }

    Page<Sessions.Listed> sessionsOf(CurrentUser caller, String cursor, int limit) {
        return sessions.page(caller.id().value(), cursor, limit);
    }
}
