package id.modo.verse.organization;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Organizations, members and roles through the real API. */
@IntegrationTest
class OrganizationsApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    Users users;
    OrganizationFixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
        fixtures = new OrganizationFixtures(jdbc);
    }

    @Test
    void creatingMakesTheCreatorOwnerWithASlugSuggestedFromTheName() {
        Users.Signed creator = users.signUpAndIn("org-create");
        Http asCreator = http.withBearer(creator.token());
        String suffix = unique();
        // unchecked: it sends, on purpose, fields the API document does not list (no client may set them)
        var created = asCreator.unchecked().postJson("/api/v1/organizations", """
                {"name":"  Studio Kancil Animasi %s! ","plan":"enterprise","id":"00000000-0000-0000-0000-000000000000"}""".formatted(suffix));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode organization = json(created);
        assertThat(organization.get("name").asString()).isEqualTo("Studio Kancil Animasi " + suffix + "!");
        assertThat(organization.get("slug").asString()).isEqualTo("studio-kancil-animasi-" + suffix);
        assertThat(organization.get("my_role").asString()).isEqualTo("owner");
        assertThat(organization.get("plan").asString()).as("not settable").isEqualTo("free");
        String id = organization.get("id").asString();
        assertThat(id).isNotEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(fixtures.role(id, creator.id())).isEqualTo("owner");

        // The same name again gets the next free address.
        var second = asCreator.postJson("/api/v1/organizations", "{\"name\":\"Studio Kancil Animasi " + suffix + "\"}");
        assertThat(json(second).get("slug").asString()).isEqualTo("studio-kancil-animasi-" + suffix + "-2");

        // Accents lose their marks; a name with no letters or digits still gets an address.
        var accented = asCreator.postJson("/api/v1/organizations", "{\"name\":\"Ça Él Ñoño " + suffix + "\"}");
        assertThat(json(accented).get("slug").asString()).isEqualTo("ca-el-nono-" + suffix);
        var symbols = asCreator.postJson("/api/v1/organizations", "{\"name\":\"!!!\"}");
        assertThat(symbols.statusCode()).isEqualTo(201);
        assertThat(json(symbols).get("slug").asString()).startsWith("studio");
    }

    @Test
    void anExplicitSlugIsValidatedReservedWordsRefusedAndATakenOneAnswersWithASuggestion() {
        Users.Signed creator = users.signUpAndIn("org-slug");
        Http asCreator = http.withBearer(creator.token());
        String slug = "garuda-" + unique();
        var created = asCreator.postJson("/api/v1/organizations", "{\"name\":\"Garuda\",\"slug\":\"" + slug.toUpperCase() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("slug").asString()).isEqualTo(slug);

        var taken = asCreator.postJson("/api/v1/organizations", "{\"name\":\"Garuda Lain\",\"slug\":\"" + slug + "\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).get("type").asString()).isEqualTo("https://modo.id/problems/slug-taken");
        assertThat(json(taken).get("suggestion").asString()).isEqualTo(slug + "-2");

        for (String invalid : new String[] {"admin", "api", "-leading", "trailing-", "double--hyphen", "spaces here", "under_score"}) {
            var refused = asCreator.postJson("/api/v1/organizations", "{\"name\":\"X\",\"slug\":\"" + invalid + "\"}");
            assertThat(refused.statusCode()).as(invalid).isEqualTo(400);
            assertThat(refused.body()).as(invalid).contains("\"field\":\"slug\"");
        }
        assertThat(asCreator.postJson("/api/v1/organizations", "{\"name\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(asCreator.postJson("/api/v1/organizations", "{\"name\":\"" + "x".repeat(256) + "\"}").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/organizations", "{\"name\":\"Anonymous\"}").statusCode()).as("signed out").isEqualTo(401);
    }

    @Test
    void listMineShowsOnlyMyOrganizationsWithMyRoleInTheOrderIJoinedThemAPageAtATime() {
        Users.Signed me = users.signUpAndIn("org-mine");
        Users.Signed other = users.signUpAndIn("org-other");
        String zebra = OrganizationFixtures.createOrganization(http.withBearer(me.token()), "zebra studio");
        String alpha = OrganizationFixtures.createOrganization(http.withBearer(other.token()), "Alpha Studio");
        fixtures.addMember(alpha, me.id(), "viewer");
        OrganizationFixtures.createOrganization(http.withBearer(other.token()), "Not Mine");
        String third = OrganizationFixtures.createOrganization(http.withBearer(me.token()), "Third Studio");

        Http mine = http.withBearer(me.token());
        JsonNode all = json(mine.get("/api/v1/organizations", "application/json"));
        assertThat(all.get("items").valueStream().map(o -> o.get("id").asString())).containsExactly(zebra, alpha, third);
        assertThat(all.get("items").valueStream().map(o -> o.get("my_role").asString())).containsExactly("owner", "viewer", "owner");
        assertThat(all.get("next_cursor").isNull()).isTrue();

        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(mine.get("/api/v1/organizations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), "application/json"));
            page.get("items").valueStream().forEach(o -> paged.add(o.get("id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactly(zebra, alpha, third);
        assertThat(mine.get("/api/v1/organizations?limit=101", "application/json").statusCode()).isEqualTo(400);
        assertThat(mine.get("/api/v1/organizations?limit=0", "application/json").statusCode()).isEqualTo(400);
        assertThat(mine.get("/api/v1/organizations?cursor=bogus", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void membersSeeTheOrganizationAdminsChangeItOnlyOwnersDeleteIt() {
        Users.Signed owner = users.signUpAndIn("org-owner");
        Users.Signed admin = users.signUpAndIn("org-admin");
        Users.Signed viewer = users.signUpAndIn("org-viewer");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Peran");
        fixtures.addMember(org, admin.id(), "admin");
        fixtures.addMember(org, viewer.id(), "viewer");
        String path = "/api/v1/organizations/" + org;

        var seen = http.withBearer(viewer.token()).get(path, "application/json");
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(json(seen).get("my_role").asString()).isEqualTo("viewer");

        assertThat(http.withBearer(viewer.token()).call("PATCH", path, "{\"name\":\"Nope\"}").statusCode()).isEqualTo(403);
        // unchecked: slug and plan are not fields of the update (no client may set them); sent on purpose
        var patched = http.withBearer(admin.token()).unchecked().call("PATCH", path, """
                {"name":"Studio Peran Baru","description":"Animasi anak","website":"https://peran.example.id","slug":"hijacked","plan":"pro"}""");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode body = json(patched);
        assertThat(body.get("name").asString()).isEqualTo("Studio Peran Baru");
        assertThat(body.get("description").asString()).isEqualTo("Animasi anak");
        assertThat(body.get("slug").asString()).isNotEqualTo("hijacked");
        assertThat(body.get("plan").asString()).isEqualTo("free");
        assertThat(http.withBearer(admin.token()).call("PATCH", path, "{\"website\":\"javascript:alert(1)\"}").statusCode()).isEqualTo(400);
        // Blank clears a field.
        assertThat(json(http.withBearer(admin.token()).call("PATCH", path, "{\"description\":\"\"}")).get("description").isNull()).isTrue();

        assertThat(http.withBearer(admin.token()).call("DELETE", path, null).statusCode()).isEqualTo(403);
        assertThat(http.withBearer(owner.token()).call("DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(http.withBearer(owner.token()).get(path, "application/json").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from organization_members where organization_id = cast(? as uuid)").param(org)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_logs where entity_type = 'organization' and action = 'delete' and entity_id = cast(? as uuid)")
                .param(org).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void membersAreListedWithTheirNamesAndAdminsManageRolesButNotOwners() {
        Users.Signed owner = users.signUpAndIn("org-owner");
        Users.Signed admin = users.signUpAndIn("org-admin");
        String editor = fixtures.bareUser("org-editor");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Anggota");
        fixtures.addMember(org, admin.id(), "admin");
        fixtures.addMember(org, editor, "editor");
        Http asAdmin = http.withBearer(admin.token());

        JsonNode page = json(asAdmin.get("/api/v1/organizations/" + org + "/members", "application/json"));
        assertThat(page.get("next_cursor").isNull()).isTrue();
        JsonNode members = page.get("items");
        assertThat(members.size()).isEqualTo(3);
        JsonNode first = members.get(0);
        assertThat(first.get("user_id").asString()).isEqualTo(owner.id());
        assertThat(first.get("name").asString()).isEqualTo("Test org-owner");
        assertThat(first.get("email").asString()).isEqualTo(owner.email());
        assertThat(first.get("role").asString()).isEqualTo("owner");
        assertThat(members.toString()).doesNotContain("password", "argon");

        assertThat(role(asAdmin, org, editor, "viewer").statusCode()).isEqualTo(204);
        assertThat(fixtures.role(org, editor)).isEqualTo("viewer");
        assertThat(role(asAdmin, org, editor, "admin").statusCode()).isEqualTo(204);
        assertThat(role(asAdmin, org, owner.id(), "viewer").statusCode()).as("an admin cannot demote an owner").isEqualTo(403);
        assertThat(role(asAdmin, org, editor, "owner").statusCode()).as("an admin cannot make an owner").isEqualTo(403);
        assertThat(asAdmin.call("DELETE", "/api/v1/organizations/" + org + "/members/" + owner.id(), null).statusCode()).isEqualTo(403);
        assertThat(role(asAdmin, org, editor, "superuser").statusCode()).isEqualTo(400);
        assertThat(role(asAdmin, org, UUID.randomUUID().toString(), "viewer").statusCode()).isEqualTo(404);

        assertThat(asAdmin.call("DELETE", "/api/v1/organizations/" + org + "/members/" + editor, null).statusCode()).isEqualTo(204);
        assertThat(fixtures.role(org, editor)).isNull();
        // A member may leave by themself.
        assertThat(asAdmin.call("DELETE", "/api/v1/organizations/" + org + "/members/" + admin.id(), null).statusCode()).isEqualTo(204);
        assertThat(asAdmin.get("/api/v1/organizations/" + org, "application/json").statusCode()).isEqualTo(404);

        var audit = jdbc.sql("select action from audit_logs where organization_id = cast(? as uuid) and entity_type = 'member' order by created_at")
                .param(org).query(String.class).list();
        assertThat(audit).containsExactly("member_add", "role_change", "role_change", "member_remove", "member_leave");
    }

    @Test
    void theLastOwnerCannotBeDemotedOrLeaveButCanTransferOwnership() {
        Users.Signed owner = users.signUpAndIn("org-owner");
        Users.Signed next = users.signUpAndIn("org-next");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Pewaris");
        fixtures.addMember(org, next.id(), "editor");
        Http asOwner = http.withBearer(owner.token());

        var demote = role(asOwner, org, owner.id(), "admin");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(json(demote).get("type").asString()).isEqualTo("https://modo.id/problems/last-owner");
        var leave = asOwner.call("DELETE", "/api/v1/organizations/" + org + "/members/" + owner.id(), null);
        assertThat(leave.statusCode()).isEqualTo(409);
        assertThat(json(leave).get("type").asString()).isEqualTo("https://modo.id/problems/last-owner");

        assertThat(http.withBearer(next.token()).call("POST", "/api/v1/organizations/" + org + "/transfer-ownership",
                "{\"user_id\":\"" + owner.id() + "\"}").statusCode()).as("only an owner transfers").isEqualTo(403);
        var transferred = asOwner.call("POST", "/api/v1/organizations/" + org + "/transfer-ownership", "{\"user_id\":\"" + next.id() + "\"}");
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(204);
        assertThat(fixtures.role(org, next.id())).isEqualTo("owner");
        assertThat(fixtures.role(org, owner.id())).isEqualTo("admin");
        assertThat(asOwner.call("POST", "/api/v1/organizations/" + org + "/transfer-ownership",
                "{\"user_id\":\"" + UUID.randomUUID() + "\"}").statusCode()).as("the former owner is an admin now").isEqualTo(403);

        // With two owners one may step down; then the other is the last again.
        Http asNext = http.withBearer(next.token());
        assertThat(role(asNext, org, owner.id(), "owner").statusCode()).isEqualTo(204);
        assertThat(role(asNext, org, owner.id(), "viewer").statusCode()).isEqualTo(204);
        assertThat(role(asNext, org, next.id(), "admin").statusCode()).isEqualTo(409);
    }

    @Test
    void createUpdateAndRoleChangesAreAuditedWithTheOrganization() {
        Users.Signed owner = users.signUpAndIn("org-audit");
        String member = fixtures.bareUser("org-audit-member");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Jejak");
        fixtures.addMember(org, member, "viewer");
        assertThat(asOwner.call("PATCH", "/api/v1/organizations/" + org, "{\"name\":\"Studio Jejak Baru\"}").statusCode()).isEqualTo(200);
        assertThat(asOwner.call("PATCH", "/api/v1/organizations/" + org, "{\"name\":\"Studio Jejak Baru\"}").statusCode())
                .as("no change, no row").isEqualTo(200);
        assertThat(role(asOwner, org, member, "editor").statusCode()).isEqualTo(204);

        var rows = jdbc.sql("""
                select action, entity_type, user_id::text as actor, old_values::text as old, new_values::text as new
                from audit_logs where organization_id = cast(? as uuid) order by created_at, action""")
                .param(org).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("entity_type") + ":" + r.get("action"))
                .containsExactly("organization:create", "member:member_add", "organization:update", "member:role_change");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo(owner.id()));
        Map<String, Object> update = rows.get(2);
        assertThat(update.get("old").toString()).contains("Studio Jejak").doesNotContain("Baru");
        assertThat(update.get("new").toString()).contains("Studio Jejak Baru");
        Map<String, Object> roleChange = rows.get(3);
        assertThat(roleChange.get("old").toString()).contains("viewer");
        assertThat(roleChange.get("new").toString()).contains("editor");
    }

    private static HttpResponse<String> role(Http caller, String org, String userId, String role) {
        return caller.call("PATCH", "/api/v1/organizations/" + org + "/members/" + userId, "{\"role\":\"" + role + "\"}");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
