package id.modo.verse.ai;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admins' usage report over inserted {@code ai_usage_logs} rows, in days of Asia/Jakarta. The rows lie in
 * 2019, where no other test writes, so the sums are exactly these rows'.
 */
@IntegrationTest
class AiUsageIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void usageIsSummedPerJakartaDayPerModelAndPerOrganizationWithTheirNames() {
        Users users = new Users(new Http(port));
        Users.Signed owner = users.signUpAndIn("ai-usage-owner");
        Http asOwner = new Http(port).withBearer(owner.token());
        UUID busy = UUID.fromString(json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Usage Busy Studio\"}")).get("id").asString());
        UUID quiet = UUID.fromString(json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Usage Quiet Studio\"}")).get("id").asString());
        Users.Signed admin = users.signUpAndIn("ai-usage-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        Http asAdmin = new Http(port).withBearer(users.login(admin.email(), Users.PASSWORD));

        // 23:30 and 00:30 in Jakarta are 16:30 and 17:30 UTC of one UTC day, but two Jakarta days.
        log(busy, "2019-03-01T23:30:00+07:00", "openai", "gpt-4.1-mini", "success", 3, "0.001200", 400, 300);
        log(busy, "2019-03-02T00:30:00+07:00", "openai", "gpt-4.1-mini", "success", 10, "0.004000", 1000, 2000);
        log(busy, "2019-03-02T09:00:00+07:00", "anthropic", "claude-sonnet-4-5", "error", 0, null, 0, 0);
        log(quiet, "2019-03-03T12:00:00+07:00", "openai", "gpt-4.1-mini", "timeout", 0, null, 0, 0);
        log(quiet, "2019-03-03T13:00:00+07:00", "anthropic", "claude-sonnet-4-5", "success", 2, "0.000500", 100, 50);
        log(quiet, "2019-03-04T00:00:00+07:00", "openai", "gpt-4.1-mini", "success", 99, "9.000000", 0, 0);

        HttpResponse<String> days = asAdmin.get("/api/v1/admin/ai/usage?from=2019-03-01&to=2019-03-03", "application/json");
        assertThat(days.statusCode()).as(days.body()).isEqualTo(200);
        JsonNode report = json(days);
        assertThat(report.get("time_zone").asString()).isEqualTo("Asia/Jakarta");
        assertThat(report.get("totals").get("requests").asLong()).isEqualTo(5);
        assertThat(report.get("totals").get("succeeded").asLong()).isEqualTo(3);
        assertThat(report.get("totals").get("failed").asLong()).isEqualTo(2);
        assertThat(report.get("totals").get("credits").asLong()).isEqualTo(15);
        assertThat(report.get("totals").get("cost_usd").asString()).isEqualTo("0.005700");
        JsonNode items = report.get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("day").asString()).isEqualTo("2019-03-01");
        assertThat(items.get(0).get("credits").asLong()).isEqualTo(3);
        assertThat(items.get(1).get("credits").asLong()).isEqualTo(10);
        assertThat(items.get(1).get("failed").asLong()).isEqualTo(1);
        assertThat(items.get(1).get("output_tokens").asLong()).isEqualTo(2000);
        assertThat(items.get(2).get("requests").asLong()).isEqualTo(2);

        JsonNode models = json(asAdmin.get("/api/v1/admin/ai/usage?from=2019-03-01&to=2019-03-03&group_by=provider", "application/json")).get("items");
        assertThat(models).hasSize(2);
        assertThat(models.get(0).get("model").asString()).isEqualTo("gpt-4.1-mini");
        assertThat(models.get(0).get("credits").asLong()).isEqualTo(13);
        assertThat(models.get(0).get("requests").asLong()).isEqualTo(3);
        assertThat(models.get(1).get("provider").asString()).isEqualTo("anthropic");
        assertThat(models.get(1).get("cost_usd").asString()).isEqualTo("0.000500");

        JsonNode organizations = json(asAdmin.get("/api/v1/admin/ai/usage?from=2019-03-01&to=2019-03-03&group_by=organization&limit=1",
                "application/json")).get("items");
        assertThat(organizations).hasSize(1);
        assertThat(organizations.get(0).get("organization_id").asString()).isEqualTo(busy.toString());
        assertThat(organizations.get(0).get("organization_name").asString()).isEqualTo("Usage Busy Studio");
        assertThat(organizations.get(0).get("credits").asLong()).isEqualTo(13);

        JsonNode withTheLastDay = json(asAdmin.get("/api/v1/admin/ai/usage?from=2019-03-01&to=2019-03-04&group_by=organization", "application/json"));
        assertThat(withTheLastDay.get("items").get(0).get("organization_name").asString()).isEqualTo("Usage Quiet Studio");
        assertThat(withTheLastDay.get("totals").get("credits").asLong()).isEqualTo(114);
    }

    @Test
    void badRangesAndGroupingsAre400() {
        Users users = new Users(new Http(port));
        Users.Signed admin = users.signUpAndIn("ai-usage-bad");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        Http asAdmin = new Http(port).withBearer(users.login(admin.email(), Users.PASSWORD));

        assertThat(field(asAdmin.get("/api/v1/admin/ai/usage?from=2019-13-01", "application/json"))).isEqualTo("from");
        assertThat(field(asAdmin.get("/api/v1/admin/ai/usage?from=2019-03-05&to=2019-03-01", "application/json"))).isEqualTo("to");
        assertThat(field(asAdmin.get("/api/v1/admin/ai/usage?from=2017-01-01&to=2019-03-01", "application/json"))).isEqualTo("to");
        assertThat(field(asAdmin.get("/api/v1/admin/ai/usage?group_by=week", "application/json"))).isEqualTo("group_by");
        assertThat(field(asAdmin.get("/api/v1/admin/ai/usage?group_by=organization&limit=0", "application/json"))).isEqualTo("limit");
        JsonNode lastMonth = json(asAdmin.get("/api/v1/admin/ai/usage", "application/json"));
        assertThat(lastMonth.get("items")).hasSize(PlatformUsage.DEFAULT_DAYS);
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).get("errors").get(0).get("field").asString();
    }

    private void log(UUID organization, String at, String provider, String model, String status, int credits, String cost, int in, int out) {
        jdbc.sql("""
                insert into ai_usage_logs (organization_id, endpoint, provider, model, input_tokens, output_tokens, credits_used, cost_usd,
                  duration_ms, status, created_at) values (?, 'synopsis', ?, ?, ?, ?, ?, ?::numeric, 1200, ?, ?)""")
                .params(organization, provider, model, in, out, credits, cost, status, Timestamp.from(OffsetDateTime.parse(at).toInstant())).update();
    }
}
