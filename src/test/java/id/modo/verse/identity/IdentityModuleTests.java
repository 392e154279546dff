package id.modo.verse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.modo.verse.common.web.ClientInfo;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Identity started alone (with the shared {@code common} module), the way a new module's own tests should start:
 * only its beans, against the test database, asserting on the events it publishes rather than on what other
 * modules do with them.
 */
@ApplicationModuleTest
class IdentityModuleTests {

    @Autowired
    Accounts accounts;

    @Autowired
    UserRepository users;

    @Test
    void registeringAnAccountStoresItUnverifiedAndPublishesUserRegistered(AssertablePublishedEvents events) {
        String email = "module-" + UUID.randomUUID() + "@example.test";

        Accounts.Account account = accounts.register(email, "Module-Tested-Passphrase-2026", "Module Tester",
                new ClientInfo("192.0.2.10", "module-test"));

        assertThat(account.emailVerified()).isFalse();
        assertThat(users.findById(account.id().value())).isPresent();
        assertThat(events)
                .contains(IdentityEvents.UserRegistered.class)
                .matching(IdentityEvents.UserRegistered::userId, account.id().value())
                .matching(IdentityEvents.UserRegistered::email, email);
    }
}
