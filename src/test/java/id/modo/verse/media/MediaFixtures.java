package id.modo.verse.media;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts, organizations and projects written in SQL, for tests that only need them to exist. */
final class MediaFixtures {

    private MediaFixtures() {
    }

    static UUID user(JdbcClient jdbc, String prefix) {
        return jdbc.sql("insert into users (email, name) values (?, ?) returning id")
                .params(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.id", "Media " + prefix)
                .query(UUID.class).single();
    }

    static UUID organization(JdbcClient jdbc, UUID owner, String role, long limitBytes) {
        String slug = "media-" + UUID.randomUUID().toString().substring(0, 12);
        UUID org = jdbc.sql("insert into organizations (name, slug, storage_limit_bytes) values (?, ?, ?) returning id")
                .params("Media " + slug, slug, limitBytes).query(UUID.class).single();
        member(jdbc, org, owner, role);
        return org;
    }

    static void member(JdbcClient jdbc, UUID org, UUID user, String role) {
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?, ?, ?)").params(org, user, role).update();
    }

    static UUID project(JdbcClient jdbc, UUID org, UUID creator) {
        String slug = "p-" + UUID.randomUUID().toString().substring(0, 12);
        return jdbc.sql("insert into projects (organization_id, title, slug) values (?, ?, ?) returning id")
                .params(org, "Project " + slug, slug).query(UUID.class).single();
    }
}
