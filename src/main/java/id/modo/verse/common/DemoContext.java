package id.modo.verse.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the demo's seeders hand on to each other: the ID each person and organization of the demo got, so that a
 * module's part refers to another module's rows by ID without asking that module for them.
 */
public final class DemoContext {

    /** Every demo account's password, also in the README's "Try it". */
    public static final String PASSWORD = "Demo-Creator-Verse-2026";

    /** The demo's people, with the e-mail addresses they sign in with. */
    public enum Person {
        ADMIN("admin@modo.demo"),
        KANCIL_OWNER("raka@kancil.demo"),
        KANCIL_EDITOR("sinta@kancil.demo"),
        KANCIL_VIEWER("budi@kancil.demo"),
        LAYAR_OWNER("dewi@layar.demo"),
        /** Fans without an organization: the demo's investors. */
        FAN_ANI("ani@fans.demo"),
        FAN_JOKO("joko@fans.demo");

        private final String email;

        Person(String email) {
            this.email = email;
        }

        public String email() {
            return email;
        }
    }

    /** The demo's organizations: Studio Kancil Animasi (on a Pro trial, with a Studio project) and Layar Nusantara Films. */
    public enum Tenant {
        KANCIL, LAYAR
    }

    private final Map<Person, UUID> people = new EnumMap<>(Person.class);
    private final Map<Tenant, UUID> tenants = new EnumMap<>(Tenant.class);

    public void person(Person person, UUID id) {
        people.put(person, id);
    }

    /** The person's user ID; fails when the accounts' seeder has not run before the caller. */
    public UUID person(Person person) {
        return require(people.get(person), person);
    }

    public void tenant(Tenant tenant, UUID id) {
        tenants.put(tenant, id);
    }

    /** The organization's ID; fails when the organizations' seeder has not run before the caller. */
    public UUID tenant(Tenant tenant) {
        return require(tenants.get(tenant), tenant);
    }

    private static UUID require(@Nullable UUID id, Enum<?> key) {
        if (id == null) {
            throw new IllegalStateException("The demo has no " + key + " yet: check the seeders' order()");
        }
        return id;
    }
}
