package id.modo.verse.credit;

import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The credits API: balances and ledger for members, packs, and admin adjustments, with the ledger checked after each. */
@IntegrationTest
class CreditApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;

    Http http;
    Users users;
    CreditFixtures fixtures;
    Http owner;
    String orgId;

    @BeforeEach
    void organization() {
        http = new Http(port);
        users = new Users(http);
        fixtures = new CreditFixtures(jdbc);
        owner = http.withBearer(users.signUpAndIn("credit-owner").token());
        var created = owner.postJson("/api/v1/organizations", "{\"name\":\"Credit Studio\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        orgId = json(created).get("id").asString();
    }

    @Test
    void aMemberSeesTheBalancesOfANewOrganization() {
        var response = owner.get("/api/v1/organizations/" + orgId + "/credits", "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("main").asInt()).isEqualTo(100);
        assertThat(body.get("available").asInt()).isEqualTo(100);
        assertThat(body.get("held").asInt()).isZero();
        assertThat(body.get("plan").asString()).isEqualTo("free");
        assertThat(body.get("next_reset_at").asString()).isNotBlank();
        fixtures.assertLedgerMatches(OrganizationId.of(UUID.fromString(orgId)));
    }

    @Test
    void theLedgerPagesWithACursorAndFilters() {
        OrganizationId org = OrganizationId.of(UUID.fromString(orgId));
        for (int i = 1; i <= 3; i++) {
            ledger.debit(org, null, i, "ai_usage", "api-" + i, "Generation " + i);
        }
        List<Integer> amounts = new ArrayList<>();
        String cursor = null;
        do {
            var page = owner.get("/api/v1/organizations/" + orgId + "/credits/transactions?type=usage&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), "application/json");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            json(page).get("items").forEach(item -> amounts.add(item.get("amount").asInt()));
            cursor = json(page).get("next_cursor").isNull() ? null : json(page).get("next_cursor").asString();
        } while (cursor != null);
        assertThat(amounts).containsExactly(-3, -2, -1);

        var bonus = owner.get("/api/v1/organizations/" + orgId + "/credits/transactions?bucket=bonus", "application/json");
        assertThat(json(bonus).get("items").size()).isZero();
        fixtures.assertLedgerMatches(org);
    }

    @Test
    void badListParametersAre400() {
        for (String query : List.of("limit=0", "limit=101", "type=gift", "bucket=gold", "from=yesterday", "cursor=forged",
                "from=2026-05-02T00:00:00%2B07:00&to=2026-05-01T00:00:00%2B07:00")) {
            var response = owner.get("/api/v1/organizations/" + orgId + "/credits/transactions?" + query, "application/json");
            assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        }
    }

    @Test
    void thePacksAreListedWithRupiahPrices() {
        var response = owner.get("/api/v1/credit-packs", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode packs = json(response);
        assertThat(packs.size()).isEqualTo(3);
        assertThat(packs.get(0).get("key").asString()).isEqualTo("small");
        assertThat(packs.get(0).get("credits").asInt()).isEqualTo(500);
        assertThat(packs.get(0).get("price").asString()).isEqualTo("75000.00");
        assertThat(packs.get(0).get("currency").asString()).isEqualTo("IDR");
    }

    @Test
    void onlyPlatformAdminsAdjustAndTheReasonIsAudited() {
        String path = "/api/v1/admin/organizations/" + orgId + "/credits/adjustments";
        String body = "{\"amount\":250,\"bucket\":\"bonus\",\"reason\":\"Festival winner\"}";
        assertThat(owner.postJson(path, body).statusCode()).isEqualTo(403);

        Http admin = admin();
        var adjusted = admin.postJson(path, body);
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
        assertThat(json(adjusted).get("bonus").asInt()).isEqualTo(250);
        assertThat(json(adjusted).get("total").asInt()).isEqualTo(350);

        var taken = admin.postJson(path, "{\"amount\":-300,\"bucket\":\"bonus\",\"reason\":\"Too much\"}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(json(taken).get("type").asString()).endsWith("/adjustment-exceeds-balance");

        for (String bad : List.of("{\"amount\":0,\"bucket\":\"main\",\"reason\":\"x\"}", "{\"amount\":5,\"bucket\":\"gold\",\"reason\":\"x\"}",
                "{\"amount\":5,\"bucket\":\"main\"}", "{\"amount\":5,\"bucket\":\"main\",\"reason\":\"  \"}",
                "{\"amount\":99999999999,\"bucket\":\"main\",\"reason\":\"x\"}", "{\"amount\":\"many\",\"bucket\":\"main\",\"reason\":\"x\"}", "[")) {
            var response = admin.postJson(path, bad);
            assertThat(response.statusCode()).as(bad + " " + response.body()).isEqualTo(400);
        }
        assertThat(admin.postJson("/api/v1/admin/organizations/" + UUID.randomUUID() + "/credits/adjustments", body).statusCode())
                .isEqualTo(404);

        OrganizationId org = OrganizationId.of(UUID.fromString(orgId));
        fixtures.assertLedgerMatches(org);
        assertThat(jdbc.sql("select metadata ->> 'reason' from audit_logs where organization_id = ? and action = 'credit_adjust'")
                .param(org.value()).query(String.class).list()).containsExactly("Festival winner");
    }

    @Test
    void adjustmentsStopAtTheBucketLimitWith409AndHugeNumbersAre400() {
        String path = "/api/v1/admin/organizations/" + orgId + "/credits/adjustments";
        Http admin = admin();
        for (int i = 0; i < 5; i++) {
            var added = admin.postJson(path, "{\"amount\":100000000,\"bucket\":\"bonus\",\"reason\":\"Top-up\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }

        var over = admin.postJson(path, "{\"amount\":1,\"bucket\":\"bonus\",\"reason\":\"One more\"}");
        assertThat(over.statusCode()).as(over.body()).isEqualTo(409);
        assertThat(over.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        JsonNode problem = json(over);
        assertThat(problem.get("type").asString()).endsWith("/credit-limit-exceeded");
        assertThat(problem.get("limit").asInt()).isEqualTo(500_000_000);
        assertThat(problem.get("balance").asInt()).isEqualTo(500_000_000);
        assertThat(problem.get("bucket").asString()).isEqualTo("bonus");
        assertThat(problem.get("asked").asInt()).isEqualTo(1);

        for (String amount : List.of("9223372036854775807", "-9223372036854775808", "1e30", "-1e30", "2147483648", "100000001",
                "99999999999999999999999999999999")) {
            var response = admin.postJson(path, "{\"amount\":" + amount + ",\"bucket\":\"main\",\"reason\":\"Huge\"}");
            assertThat(response.statusCode()).as(amount + " " + response.body()).isEqualTo(400);
            assertThat(json(response).get("type").asString()).as(amount).endsWith("/validation-failed");
            assertThat(json(response).get("errors").get(0).get("field").asString()).as(amount).isEqualTo("amount");
        }
        OrganizationId org = OrganizationId.of(UUID.fromString(orgId));
        assertThat(ledger.balances(org)).extracting(CreditLedger.Balances::main, CreditLedger.Balances::bonus)
                .containsExactly(100, 500_000_000);
        fixtures.assertLedgerMatches(org);
    }

    @Test
    void aRetriedAdjustmentWithItsIdempotencyKeyIsAppliedOnce() {
        String path = "/api/v1/admin/organizations/" + orgId + "/credits/adjustments";
        String body = "{\"amount\":40,\"bucket\":\"bonus\",\"reason\":\"Workshop prize\"}";
        Http admin = admin();
        String key = "adjust-" + UUID.randomUUID();
        var first = admin.send(admin.request(path).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        var retry = admin.send(admin.request(path).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        OrganizationId org = OrganizationId.of(UUID.fromString(orgId));
        assertThat(ledger.balances(org).bonus()).isEqualTo(40);
        fixtures.assertLedgerMatches(org);
    }

    @Test
    void aNewOrganizationGetsItsBalanceRowFromTheCreationEvent() throws Exception {
        OrganizationId org = OrganizationId.of(UUID.fromString(orgId));
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && jdbc.sql("select count(*) from credit_balances where organization_id = ?")
                .param(org.value()).query(Integer.class).single() == 0) {
            Thread.sleep(50);
        }
        assertThat(jdbc.sql("select balance from credit_balances where organization_id = ?").param(org.value()).query(Integer.class).single())
                .isEqualTo(100);
        fixtures.assertLedgerMatches(org);
    }

    private Http admin() {
        Users.Signed signed = users.signUpAndIn("credit-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(signed.id())).update();
        return http.withBearer(users.login(signed.email(), Users.PASSWORD));
    }
}
