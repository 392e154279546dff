package id.modo.verse.studio;

import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-up shortcuts for Studio tests: an organization with its owner, on a plan without a project limit, and projects
 * made through the API as their creator would. Extra members are written in SQL (they only need to exist and sign in).
 */
public final class StudioFixtures {

    private final Http http;
    private final Users users;
    private final JdbcClient jdbc;

    public StudioFixtures(Http http, JdbcClient jdbc) {
        this.http = http;
        this.users = new Users(http);
        this.jdbc = jdbc;
    }

    /** An organization, its signed-in owner, on the enterprise plan (no project or member limit). */
    public record Studio(String organizationId, Users.Signed owner, Http asOwner) {
    }

    public Studio studio(String prefix) {
        Users.Signed owner = users.signUpAndIn(prefix);
        Http asOwner = http.withBearer(owner.token());
        var created = asOwner.postJson("/api/v1/organizations", "{\"name\":\"Studio " + prefix + " " + unique() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String organizationId = Http.json(created).get("id").asString();
        jdbc.sql("""
                insert into subscriptions (organization_id, plan, status) values (cast(? as uuid), 'enterprise', 'active')
                on conflict (organization_id) where status <> 'canceled' do update set plan = 'enterprise'""")
                .param(organizationId)
                .update();
        return new Studio(organizationId, owner, asOwner);
    }

    /** A new signed-in user who is a member of the organization with {@code role} (owner, admin, editor, viewer). */
    public Users.Signed member(Studio studio, String role) {
        Users.Signed member = users.signUpAndIn("member-" + role);
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), ?)")
                .params(studio.organizationId(), member.id(), role)
                .update();
        return member;
    }

    /** A project made by {@code creator} through the API; returns its id. */
    public String project(Http creator, String organizationId, String title, String visibility) {
        var created = creator.postJson("/api/v1/organizations/" + organizationId + "/projects",
                "{\"title\":\"" + title + "\",\"visibility\":\"" + visibility + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    /** Adds a member to a project's team as the owner would, with the given role and sections. */
    public void collaborator(Studio studio, String projectId, String userId, String role, String... sections) {
        String permissions = String.join(",", java.util.Arrays.stream(sections).map(s -> "\"" + s + "\"").toList());
        var added = studio.asOwner().postJson("/api/v1/projects/" + projectId + "/collaborators",
                "{\"user_id\":\"" + userId + "\",\"role\":\"" + role + "\",\"permissions\":[" + permissions + "]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
