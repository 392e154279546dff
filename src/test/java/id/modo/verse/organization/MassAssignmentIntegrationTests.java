package id.modo.verse.organization;

import id.modo.verse.common.SecureTokens;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields a client may not set, sent anyway to the membership and invitation endpoints: they have
 * no effect (the organization's and the account's own endpoints are covered beside them).
 */
@IntegrationTest
class MassAssignmentIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    OrganizationFixtures fixtures;

    @BeforeEach
    void client() {
        // unchecked: every test here sends, on purpose, fields the API document does not list (no client may set them)
        http = new Http(port).unchecked();
        fixtures = new OrganizationFixtures(jdbc);
    }

    @Test
    void anInvitationTakesOnlyItsEmailAndRoleFromTheBody() {
        Users users = new Users(http);
        Users.Signed admin = users.signUpAndIn("mass-admin");
        Users.Signed stranger = users.signUpAndIn("mass-stranger");
        Users.Signed owner = users.signUpAndIn("mass-owner");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Tanpa Celah");
        String otherOrg = OrganizationFixtures.createOrganization(http.withBearer(stranger.token()), "Studio Lain");
        fixtures.addMember(org, admin.id(), "admin");
        String fixedId = UUID.randomUUID().toString();
        String invitee = Users.uniqueEmail("mass-invitee");

        var created = http.withBearer(admin.token()).postJson("/api/v1/organizations/" + org + "/invitations", """
                {"email":"%s","role":"viewer","id":"%s","organization_id":"%s","status":"accepted","token":"chosen-token",
                 "invited_by":"%s","expires_at":"2099-01-01T00:00:00Z","accepted_at":"2026-01-01T00:00:00Z"}"""
                .formatted(invitee, fixedId, otherOrg, stranger.id()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode invitation = Http.json(created);
        assertThat(invitation.get("id").asString()).isNotEqualTo(fixedId);
        assertThat(invitation.get("organization_id").asString()).isEqualTo(org);
        assertThat(invitation.get("status").asString()).isEqualTo("pending");
        assertThat(invitation.get("invited_by").asString()).isEqualTo(admin.id());
        assertThat(invitation.get("accepted_at").isNull()).isTrue();
        var row = jdbc.sql("select organization_id::text as org, token, expires_at < now() + interval '8 days' as soon from invitations where id = cast(? as uuid)")
                .param(invitation.get("id").asString()).query().singleRow();
        assertThat(row).containsEntry("org", org).containsEntry("soon", true);
        assertThat(row.get("token")).isNotEqualTo("chosen-token");
        assertThat(jdbc.sql("select count(*) from invitations where organization_id = cast(? as uuid)").param(otherOrg)
                .query(Long.class).single()).isZero();
    }

    @Test
    void changingARoleTakesOnlyTheRoleAndAcceptingTakesOnlyTheToken() {
        Users users = new Users(http);
        Users.Signed owner = users.signUpAndIn("mass-role-owner");
        Users.Signed editor = users.signUpAndIn("mass-role-editor");
        Users.Signed bystander = users.signUpAndIn("mass-role-bystander");
        String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), "Studio Peran Tetap");
        String otherOrg = OrganizationFixtures.createOrganization(http.withBearer(bystander.token()), "Studio Penonton");
        fixtures.addMember(org, editor.id(), "editor");

        var changed = http.withBearer(owner.token()).call("PATCH", "/api/v1/organizations/" + org + "/members/" + editor.id(), """
                {"role":"viewer","user_id":"%s","organization_id":"%s","permissions":["*"],"joined_at":"2000-01-01T00:00:00Z"}"""
                .formatted(bystander.id(), otherOrg));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(fixtures.role(org, editor.id())).isEqualTo("viewer");
        assertThat(fixtures.role(otherOrg, bystander.id())).as("the other organization's owner stays owner").isEqualTo("owner");
        assertThat(fixtures.role(otherOrg, editor.id())).isNull();
        var member = jdbc.sql("select permissions::text as permissions, joined_at > now() - interval '1 hour' as recent from organization_members "
                + "where organization_id = cast(? as uuid) and user_id = cast(? as uuid)").params(org, editor.id()).query().singleRow();
        assertThat(member).containsEntry("permissions", "[]").containsEntry("recent", true);

        // An invitation's role is the invitation's: a role in the accept body changes nothing.
        Users.Signed guest = users.signUpAndIn("mass-guest");
        String token = SecureTokens.newToken();
        jdbc.sql("""
                insert into invitations (organization_id, email, role, token, invited_by, expires_at)
                values (cast(? as uuid), ?, 'viewer', ?, cast(? as uuid), now() + interval '1 day')""")
                .params(org, guest.email(), SecureTokens.sha256(token), owner.id())
                .update();
        var accepted = http.withBearer(guest.token()).postJson("/api/v1/invitations/accept",
                "{\"token\":\"" + token + "\",\"role\":\"owner\",\"organization_id\":\"" + otherOrg + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(fixtures.role(org, guest.id())).isEqualTo("viewer");
        assertThat(fixtures.role(otherOrg, guest.id())).isNull();
    }
}
