package id.modo.verse.platform;

import id.modo.verse.billing.Subscriptions;
import id.modo.verse.identity.AccountSeeding;
import id.modo.verse.identity.PlatformRole;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Role;
import id.modo.verse.studio.StudioDemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database, seeds a demo a new user can sign in to at once: a platform admin, a
 * studio with an owner, an editor and a viewer on a Pro trial with a Studio project, and a second organization on Free. All in one
 * transaction, and never when any account exists, so it runs at most once per database.
 */
@Component
class DemoData {

    /** The demo's sign-in details, also in the README's "Try it". */
    static final String PASSWORD = "Demo-Creator-Verse-2026";
    static final String ADMIN = "admin@modo.demo";
    static final String OWNER = "raka@kancil.demo";
    static final String EDITOR = "sinta@kancil.demo";
    static final String VIEWER = "budi@kancil.demo";
    static final String OTHER_OWNER = "dewi@layar.demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoDataProperties properties;
    private final AccountSeeding accounts;
    private final Organizations organizations;
    private final Subscriptions subscriptions;
    private final StudioDemo studioDemo;
    private final TransactionTemplate transactions;

    DemoData(DemoDataProperties properties, AccountSeeding accounts, Organizations organizations, Subscriptions subscriptions,
            StudioDemo studioDemo, TransactionTemplate transactions) {
        this.properties = properties;
        this.accounts = accounts;
        this.organizations = organizations;
        this.subscriptions = subscriptions;
        this.studioDemo = studioDemo;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedIfEmpty() {
        if (!properties.enabled() || accounts.anyAccount()) {
            return;
        }
        transactions.executeWithoutResult(status -> seed());
        log.info("""
                Demo data seeded on this empty database (turn off with MODO_DEMO_DATA=false). Sign in with password {}:
                  {}   platform admin
                  {}   owner of Studio Kancil Animasi (on a Pro trial; its Studio project "Si Kancil" is public)
                  {}   editor at Studio Kancil Animasi, story supervisor of "Si Kancil"
                  {}   viewer at Studio Kancil Animasi
                  {}   owner of Layar Nusantara Films (on Free)""", PASSWORD, ADMIN, OWNER, EDITOR, VIEWER, OTHER_OWNER);
    }

    private void seed() {
        accounts.create(ADMIN, PASSWORD, "Ayu Admin", PlatformRole.ADMIN);
        UserId owner = accounts.create(OWNER, PASSWORD, "Raka Pratama", PlatformRole.USER);
        UserId editor = accounts.create(EDITOR, PASSWORD, "Sinta Maharani", PlatformRole.USER);
        UserId viewer = accounts.create(VIEWER, PASSWORD, "Budi Santoso", PlatformRole.USER);
        UserId otherOwner = accounts.create(OTHER_OWNER, PASSWORD, "Dewi Lestari", PlatformRole.USER);

        OrganizationId studio = organizations.create(owner, "Studio Kancil Animasi", "studio-kancil").id();
        organizations.addMemberBySystem(studio, editor, Role.EDITOR);
        organizations.addMemberBySystem(studio, viewer, Role.VIEWER);
        organizations.create(otherOwner, "Layar Nusantara Films", "layar-nusantara");
        // Through billing's facade, as the owner would on the billing page, so the studio shows a trial with its credits.
        // Layar Nusantara stays on free (billing gives every new organization its free subscription).
        if (subscriptions.get(owner, studio).trialAvailable()) {
            subscriptions.change(owner, studio, "pro", "monthly");
        }
        studioDemo.seed(owner, studio, editor);
    }
}
