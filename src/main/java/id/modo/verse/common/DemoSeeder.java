package id.modo.verse.common;

/**
 * One module's part of the demo data seeded on an empty database. {@code platform.DemoData} runs every seeder in
 * {@link #order()} inside one transaction, so the demo is seeded whole or not at all, and only when no account
 * exists; a seeder therefore never checks for its own rows. A module adds its part with one bean, without platform
 * depending on it.
 */
public interface DemoSeeder {

    /** The people of the demo: their accounts come first, everything else refers to them. */
    int ACCOUNTS = 100;
    /** The organizations and their members. */
    int ORGANIZATIONS = 200;
    /** What an organization is subscribed to, before what it makes. */
    int SUBSCRIPTIONS = 300;
    /** What the organizations' members have made. */
    int CONTENT = 400;

    /** Lower runs first: one of the constants above, so a part finds the IDs of the parts it builds on. */
    int order();

    /** Seeds this module's part, reading what earlier parts made from {@code demo} and adding its own. */
    void seed(DemoContext demo);
}
