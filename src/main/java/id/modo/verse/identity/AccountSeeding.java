package id.modo.verse.identity;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.IdentityEvents.UserRegistered;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts created by the system rather than by a person signing up: the demo's people. They are
 * verified already and may be platform admins; the password policy still applies.
 */
@Service
public class AccountSeeding implements DemoSeeder {

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

    @Override
    public int order() {
        return ACCOUNTS;
    }

    /** Creates the demo's verified accounts; runs inside the caller's transaction so a demo is seeded whole or not at all. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void seed(DemoContext demo) {
        create(demo, Person.ADMIN, "Ayu Admin", PlatformRole.ADMIN);
        create(demo, Person.KANCIL_OWNER, "Raka Pratama", PlatformRole.USER);
        create(demo, Person.KANCIL_EDITOR, "Sinta Maharani", PlatformRole.USER);
        create(demo, Person.KANCIL_VIEWER, "Budi Santoso", PlatformRole.USER);
        create(demo, Person.LAYAR_OWNER, "Dewi Lestari", PlatformRole.USER);
        create(demo, Person.FAN_ANI, "Ani Wulandari", PlatformRole.USER);
        create(demo, Person.FAN_JOKO, "Joko Susilo", PlatformRole.USER);
    }

    private void create(DemoContext demo, Person person, String name, PlatformRole role) {
        passwordPolicy.check(DemoContext.PASSWORD, person.email(), name);
        User user = User.seeded(person.email(), passwordHasher.hash(DemoContext.PASSWORD), name, role, clock.instant());
        users.saveAndFlush(user);
        events.publishEvent(new UserRegistered(user.id(), user.email(), user.name()));
        demo.person(person, user.id());
    }
}
