package id.modo.verse.identity;

import id.modo.verse.identity.IdentityEvents.UserRegistered;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts created by the system rather than by a person signing up: the demo data. They are
 * verified already and may be platform admins; the password policy still applies.
 */
@Service
public class AccountSeeding {

    private final UserRepository users;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwordHasher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSeeding(UserRepository users, PasswordPolicy passwordPolicy, PasswordHasher passwordHasher,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordPolicy = passwordPolicy;
        this.passwordHasher = passwordHasher;
        this.events = events;
        this.clock = clock;
    }

    /** Whether any account exists: seeding runs only on an empty database. */
    @Transactional(readOnly = true)
    public boolean anyAccount() {
        return users.count() > 0;
    }

    /** Creates a verified account; must run inside the caller's transaction so a demo is seeded whole or not at all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UserId create(String email, String password, String name, PlatformRole role) {
        passwordPolicy.check(password, email, name);
        User user = User.seeded(email, passwordHasher.hash(password), name, role, clock.instant());
        users.saveAndFlush(user);
        events.publishEvent(new UserRegistered(user.id(), user.email(), user.name()));
        return UserId.of(user.id());
    }
}
