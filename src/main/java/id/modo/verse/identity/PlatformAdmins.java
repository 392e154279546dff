package id.modo.verse.identity;

import id.modo.verse.identity.IdentityEvents.PlatformAdminGranted;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the accounts named in {@code modo.identity.admin-emails} ({@code MODO_ADMIN_EMAILS})
 * platform admins at start-up; {@link Accounts#register} does the same for one that signs up
 * later. Idempotent: an account that is an admin (or superadmin) already is left alone, so each
 * grant is logged once.
 */
@Component
class PlatformAdmins {

    static final Logger log = LoggerFactory.getLogger(PlatformAdmins.class);

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlatformAdmins(JdbcClient jdbc, IdentityProperties properties, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void grantConfiguredAdmins() {
        for (String email : properties.adminEmails()) {
            transactions.executeWithoutResult(status -> jdbc.sql("""
                    update users set platform_role = 'admin', updated_at = :now, version = version + 1
                    where lower(email) = :email and platform_role = 'user' returning id""")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("email", email)
                    .query(UUID.class)
                    .optional()
                    .ifPresent(id -> {
                        log.info("{} is now a platform admin (modo.identity.admin-emails)", email);
                        events.publishEvent(new PlatformAdminGranted(id, email));
                    }));
        }
    }
}
