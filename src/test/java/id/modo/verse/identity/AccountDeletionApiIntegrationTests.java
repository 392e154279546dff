package id.modo.verse.identity;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static id.modo.verse.support.Users.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Deleting an account forgets the person, signs them out everywhere and keeps the audit trail. */
@IntegrationTest
class AccountDeletionApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    Users users;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
    }

    @Test
    void deletingAnonymisesTheAccountRevokesSessionsAndKeepsAuditRows() {
        Users.Signed user = users.signUpAndIn("delete-me");
        Http asUser = http.withBearer(user.token());
        assertThat(delete(asUser, "wrong-password").statusCode()).isEqualTo(400);
        assertThat(delete(asUser, PASSWORD).statusCode()).isEqualTo(204);

        assertThat(asUser.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}").statusCode())
                .isEqualTo(401);
        var row = jdbc.sql("select email, name, status, password_hash from users where id = cast(? as uuid)").param(user.id()).query().singleRow();
        assertThat(row.get("email").toString()).startsWith("deleted-").endsWith("@deleted.invalid");
        assertThat(row).containsEntry("name", "Deleted user").containsEntry("status", "deleted").containsEntry("password_hash", null);
        assertThat(jdbc.sql("select action from audit_logs where user_id = cast(? as uuid) order by created_at").param(user.id())
                .query(String.class).list()).startsWith("register").endsWith("delete");
        // The address is free again for a new account.
        users.register(user.email(), "Someone New");
    }

    @Test
    void theLastOwnerOfAnOrganizationMustHandItOverFirst() {
        Users.Signed owner = users.signUpAndIn("last-owner");
        Users.Signed partner = users.signUpAndIn("partner");
        Http asOwner = http.withBearer(owner.token());
        String org = json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Studio Sendiri\"}")).get("id").asString();

        var refused = delete(asOwner, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("type").asString()).endsWith("/last-owner");
        assertThat(refused.body()).contains("Studio Sendiri");

        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), 'owner')")
                .params(org, partner.id()).update();
        assertThat(delete(asOwner, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from organization_members where user_id = cast(? as uuid)").param(owner.id())
                .query(Long.class).single()).as("a deleted account leaves its organizations").isZero();
    }

    private static HttpResponse<String> delete(Http as, String password) {
        return as.send(as.request("/api/v1/me").header("Content-Type", "application/json").header("Accept", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\"}")));
    }
}
