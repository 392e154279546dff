package id.modo.verse.platform;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.AccountSeeding;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database, seeds a demo a new user can sign in to at once: a platform admin, a
 * studio with an owner, an editor and a viewer on a Pro trial with a Studio project, and a second organization on Free.
 * Each module seeds its own part ({@link DemoSeeder}); they run in their order, all in one transaction, and never when
 * any account exists, so the demo is seeded at most once per database.
 * <p>
 * It runs on the ready path on purpose: readiness is reported only after the ready listeners, so the app is never
 * ready before the demo accounts can sign in. On a database that has accounts it costs one count.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoDataProperties properties;
    private final AccountSeeding accounts;
    private final List<DemoSeeder> seeders;
    private final TransactionTemplate transactions;

    DemoData(DemoDataProperties properties, AccountSeeding accounts, List<DemoSeeder> seeders, TransactionTemplate transactions) {
        this.properties = properties;
        this.accounts = accounts;
        this.seeders = seeders.stream().sorted(Comparator.comparingInt(DemoSeeder::order)).toList();
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedIfEmpty() {
        if (!properties.enabled() || accounts.anyAccount()) {
            return;
        }
        DemoContext demo = new DemoContext();
        transactions.executeWithoutResult(status -> seeders.forEach(seeder -> seeder.seed(demo)));
        log.info("""
                Demo data seeded on this empty database (turn off with MODO_DEMO_DATA=false). Sign in with password {}:
                  {}   platform admin
                  {}   owner of Studio Kancil Animasi (on a Pro trial; its Studio project "Si Kancil" is public)
                  {}   editor at Studio Kancil Animasi, story supervisor of "Si Kancil"
                  {}   viewer at Studio Kancil Animasi
                  {}   owner of Layar Nusantara Films (on Free)""", DemoContext.PASSWORD, Person.ADMIN.email(),
                Person.KANCIL_OWNER.email(), Person.KANCIL_EDITOR.email(), Person.KANCIL_VIEWER.email(),
                Person.LAYAR_OWNER.email());
    }
}
