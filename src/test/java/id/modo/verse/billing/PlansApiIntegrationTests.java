package id.modo.verse.billing;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The public catalogue and its editing by platform admins (validated, audited, refused to everyone else). */
@IntegrationTest
@Import(BillingTestClock.class)
class PlansApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCatalogueIsPublicWithDecimalStringPricesAndTheErdsPlans() {
        var response = new Http(port).get("/api/v1/plans", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode plans = Http.json(response);
        assertThat(plans.findValuesAsString("key")).contains("free", "byok", "starter", "pro", "team", "enterprise");
        JsonNode starter = java.util.stream.StreamSupport.stream(plans.spliterator(), false)
                .filter(plan -> plan.get("key").asString().equals("starter")).findFirst().orElseThrow();
        assertThat(starter.get("monthly_price").asString()).isEqualTo("99000.00");
        assertThat(starter.get("yearly_price").asString()).isEqualTo("990000.00");
        assertThat(starter.get("currency").asString()).isEqualTo("IDR");
    }

    @Test
    void onlyPlatformAdminsEditPlansWithValidTermsAndEveryEditIsAudited() {
        Users users = new Users(new Http(port));
        Users.Signed member = users.signUpAndIn("plan-member");
        Users.Signed admin = users.signUpAndIn("plan-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        Http asAdmin = new Http(port).withBearer(users.login(admin.email(), Users.PASSWORD));
        String body = """
                {"name":"BYOK","monthly_price":"%s","yearly_price":"490000.00","monthly_credits":0,"rollover_cap":0,
                 "storage_limit_bytes":10737418240,"project_limit":10,"member_limit":5,"byok_allowed":true,"active":true,"sort_order":20,
                 "ai_concurrency":%s}""";

        assertThat(new Http(port).withBearer(member.token()).call("PUT", "/api/v1/admin/plans/byok", body.formatted("49000.00", 2)).statusCode())
                .isEqualTo(403);
        var negative = asAdmin.call("PUT", "/api/v1/admin/plans/byok", body.formatted("-1", 2));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("monthly_price");
        assertThat(asAdmin.call("PUT", "/api/v1/admin/plans/byok", body.formatted("49000.123", 2)).statusCode()).isEqualTo(400);
        assertThat(asAdmin.call("PUT", "/api/v1/admin/plans/gold", body.formatted("49000.00", 2)).statusCode()).isEqualTo(400);
        assertThat(asAdmin.call("PUT", "/api/v1/admin/plans/free", body.formatted("10.00", 2)).statusCode()).isEqualTo(400);
        var noSlots = asAdmin.call("PUT", "/api/v1/admin/plans/byok", body.formatted("49000.00", 0));
        assertThat(noSlots.statusCode()).isEqualTo(400);
        assertThat(noSlots.body()).contains("ai_concurrency");

        var saved = asAdmin.call("PUT", "/api/v1/admin/plans/byok", body.formatted("55000.00", 3));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Http.json(saved).get("monthly_price").asString()).isEqualTo("55000.00");
        assertThat(Http.json(saved).get("ai_concurrency").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_logs where action = 'plan_update' and user_id = ? and new_values ->> 'monthly_price' = '55000.00'")
                .param(UUID.fromString(admin.id())).query(Integer.class).single()).isEqualTo(1);
        // Back to the seeded price, so other tests see the catalogue as shipped.
        assertThat(asAdmin.call("PUT", "/api/v1/admin/plans/byok", body.formatted("49000.00", 2)).statusCode()).isEqualTo(200);
    }
}
