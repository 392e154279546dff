package id.modo.verse.audit;

import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An organization with an owner, admin, editor and viewer signed in, and audit rows written straight into the table. */
final class AuditFixtures {

    private final Http http;
    private final JdbcClient jdbc;
    private final Users users;

    AuditFixtures(Http http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
        this.users = new Users(http);
    }

    record Team(String org, Users.Signed owner, Users.Signed admin, Users.Signed editor, Users.Signed viewer) {
    }

    Team team(String name) {
        Users.Signed owner = users.signUpAndIn("audit-owner");
        var created = http.withBearer(owner.token()).postJson("/api/v1/organizations", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String org = Http.json(created).get("id").asString();
        Users.Signed admin = member(org, "admin");
        Users.Signed editor = member(org, "editor");
        Users.Signed viewer = member(org, "viewer");
        return new Team(org, owner, admin, editor, viewer);
    }

    Users.Signed member(String org, String role) {
        Users.Signed user = users.signUpAndIn("audit-" + role);
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), ?)")
                .params(org, user.id(), role)
                .update();
        return user;
    }

    Users.Signed platformAdmin() {
        String email = Users.uniqueEmail("audit-platform-admin");
        String id = users.register(email, "Platform Admin");
        jdbc.sql("update users set platform_role = 'admin' where id = cast(? as uuid)").param(id).update();
        return new Users.Signed(email, users.login(email, Users.PASSWORD), id);
    }

    /** Writes an audit row as the audit trail would, at a chosen time, and returns its id. */
    String row(String org, String actor, String action, String entityType, Instant at, String oldJson, String newJson) {
        return jdbc.sql("""
                insert into audit_logs (organization_id, user_id, action, entity_type, entity_id, old_values, new_values, created_at)
                values (cast(? as uuid), cast(? as uuid), ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?) returning id""")
                .params(org, actor, action, entityType, UUID.randomUUID(), oldJson, newJson, Timestamp.from(at))
                .query(UUID.class)
                .single()
                .toString();
    }

    /** Every row of the organization in the order the API promises: newest first, then by id descending. */
    List<String> expectedOrder(String org) {
        return jdbc.sql("select id from audit_logs where organization_id = cast(? as uuid) order by created_at desc, id desc")
                .param(org)
                .query(UUID.class)
                .list()
                .stream()
                .map(UUID::toString)
                .toList();
    }
}
