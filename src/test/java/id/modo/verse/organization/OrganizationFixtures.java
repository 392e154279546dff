package id.modo.verse.organization;

import id.modo.verse.support.Http;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-up shortcuts for organization tests: organizations are created through the API (as their
 * owner would), while extra members, bare accounts and invitations are written in SQL where a test
 * only needs them to exist (no password hashing, no mail).
 */
final class OrganizationFixtures {

    private final JdbcClient jdbc;

    OrganizationFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates an organization as the signed-in owner and returns its id. */
    static String createOrganization(Http owner, String name) {
        var created = owner.postJson("/api/v1/organizations", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    void addMember(String organizationId, String userId, String role) {
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), ?)")
                .params(organizationId, userId, role)
                .update();
    }

    /** An account that cannot sign in (no password): enough to be a member someone acts on. */
    String bareUser(String prefix) {
        return jdbc.sql("insert into users (email, name) values (?, ?) returning id")
                .params(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.id", "Bare " + prefix)
                .query(UUID.class)
                .single()
                .toString();
    }

    /** An asset row of the organization (no bytes behind it): enough for access checks on /api/v1/assets/{id}. */
    String asset(String organizationId) {
        return asset(organizationId, null, null);
    }

    /** As {@link #asset(String)}, filed under a project with a category (either may be null). */
    String asset(String organizationId, String projectId, String category) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into assets (id, organization_id, project_id, category, filename, original_name, mime_type, size_bytes,
                  storage_path, type)
                values (?, cast(? as uuid), cast(? as uuid), ?, 'matrix.pdf', 'matrix.pdf', 'application/pdf', 0, ?, 'document')""")
                .params(id, organizationId, projectId, category, organizationId + "/" + id + "/original")
                .update();
        return id.toString();
    }

    /** A pending invitation whose token nobody knows, valid for a day. */
    String pendingInvitation(String organizationId, String invitedBy, String role) {
        return jdbc.sql("""
                insert into invitations (organization_id, email, role, token, invited_by, expires_at)
                values (cast(? as uuid), ?, ?, ?, cast(? as uuid), now() + interval '1 day') returning id""")
                .params(organizationId, "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.id", role,
                        "unknown-" + UUID.randomUUID(), invitedBy)
                .query(UUID.class)
                .single()
                .toString();
    }

    /**
     * Puts the organization on the enterprise plan (no member limit), for tests that add more people than the free plan
     * allows. Written in SQL: whether billing's listener has made the free subscription yet or not.
     */
    void unlimitedMembers(String organizationId) {
        jdbc.sql("""
                insert into subscriptions (organization_id, plan, status) values (cast(? as uuid), 'enterprise', 'active')
                on conflict (organization_id) where status <> 'canceled' do update set plan = 'enterprise'""")
                .param(organizationId)
                .update();
    }

    String role(String organizationId, String userId) {
        return jdbc.sql("select role from organization_members where organization_id = cast(? as uuid) and user_id = cast(? as uuid)")
                .params(organizationId, userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
