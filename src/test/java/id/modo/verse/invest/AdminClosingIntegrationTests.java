package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.Payments;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A platform admin closes a campaign by hand, through the deadline job's settlement, and the audit log says who and why. */
@IntegrationTest
class AdminClosingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Settlement settlement;
    @Autowired
    Payments payments;

    InvestFixtures f;

    @BeforeEach
    void fixtures() {
        f = new InvestFixtures(port, jdbc);
    }

    @Test
    void aRunningAllOrNothingCampaignBelowItsGoalClosedNowFailsAndRefundsEachInvestorExactlyOnce() {
        String campaign = f.active("Close Kancil now", "all_or_nothing", "100000", "5000000", null);
        JsonNode first = invested(f.stranger(), campaign, "150000", true);
        JsonNode second = invested(f.stranger(), campaign, "250000", true);
        JsonNode open = invested(f.stranger(), campaign, "120000", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign(campaign).get("backer_count").asInt() == 2);
        String close = "/api/v1/admin/campaigns/" + campaign + "/close";

        assertThat(f.owner.postJson(close, "{\"reason\":\"mine\"}").statusCode()).as("only platform admins").isEqualTo(403);
        HttpResponse<String> noReason = f.admin.postJson(close, "{\"reason\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(publicCampaign(campaign).get("status").asString()).isEqualTo("active");

        HttpResponse<String> closed = f.admin.postJson(close, "{\"reason\":\"The studio withdrew the project\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json(closed).get("status").asString()).isEqualTo("failed");
        JsonNode failed = publicCampaign(campaign);
        assertThat(failed.get("raised_amount").asString()).isEqualTo("0.00");
        assertThat(failed.get("backer_count").asInt()).isZero();
        for (JsonNode investment : List.of(first, second)) {
            assertThat(status(investment)).isEqualTo("refunded");
            assertThat(payments.find(paymentOf(investment)).orElseThrow().refunded().amount())
                    .isEqualByComparingTo(investment.get("amount").asString());
        }
        // Its open payment is not waited for: the investment expires and its unit comes back.
        assertThat(status(open)).isEqualTo("cancelled");

        // Asked again, and the job after it: nothing more is refunded.
        HttpResponse<String> again = f.admin.postJson(close, "{\"reason\":\"again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).endsWith("/illegal-transition");
        assertThat(settlement.settle(UUID.fromString(campaign), () -> { })).isEqualTo(Settlement.Step.NOT_DUE);
        assertThat(jdbc.sql("select count(*) from investment_refunds r join investments i on i.id = r.investment_id where i.campaign_id = ?::uuid")
                .param(campaign).query(Integer.class).single()).isEqualTo(2);

        assertThat(jdbc.sql("""
                select organization_id || ' ' || (metadata ->> 'reason') || ' ' || (old_values ->> 'status') from audit_logs
                where action = 'close_by_admin' and entity_type = 'campaign' and entity_id = ?::uuid""").param(campaign)
                .query(String.class).list()).containsExactly(f.orgId + " The studio withdrew the project active");
    }

    @Test
    void aCampaignThatReachedItsGoalClosesFundedWhileDraftsAndMissingCampaignsCannotBeClosed() {
        String campaign = f.active("Funded Kancil", "all_or_nothing", "100000", "20000000", null);
        invested(f.stranger(), campaign, "10000000", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign(campaign).get("backer_count").asInt() == 1);
        // Stuck waiting for its payments past its end: closing it stops the wait.
        jdbc.sql("update campaigns set status = 'awaiting_settlement', end_date = now() - interval '1 hour' where id = ?::uuid")
                .param(campaign).update();

        HttpResponse<String> closed = f.admin.postJson("/api/v1/admin/campaigns/" + campaign + "/close", "{\"reason\":\"Settled by hand\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json(closed).get("status").asString()).isEqualTo("funded");
        assertThat(publicCampaign(campaign).get("raised_amount").asString()).isEqualTo("10000000.00");

        String draft = f.draft("Draft Kancil", "flexible");
        HttpResponse<String> notLive = f.admin.postJson("/api/v1/admin/campaigns/" + draft + "/close", "{\"reason\":\"No\"}");
        assertThat(notLive.statusCode()).isEqualTo(409);
        assertThat(json(notLive).get("type").asString()).endsWith("/illegal-transition");
        assertThat(f.admin.postJson("/api/v1/admin/campaigns/" + UUID.randomUUID() + "/close", "{\"reason\":\"No\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theReviewPageListsEndedUndecidedCampaignsAndClosesOneWithAReason() {
        String campaign = f.active("Ended Kancil page", "all_or_nothing", "100000", "5000000", null);
        jdbc.sql("update campaigns set end_date = now() - interval '1 hour' where id = ?::uuid").param(campaign).update();
        Users users = new Users(f.http);
        Users.Signed adminSigned = users.signUpAndIn("closing-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?::uuid").param(adminSigned.id()).update();
        PageSession admin = PageSession.signIn(f.http, adminSigned);

        HttpResponse<String> page = admin.get("/admin/campaigns");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ended Kancil page").contains("/admin/campaigns/" + campaign + "/close");
        assertThat(admin.post("/admin/campaigns/" + campaign + "/close", page, "reason=", PageSession.HTML).statusCode()).isEqualTo(400);
        HttpResponse<String> closed = admin.post("/admin/campaigns/" + campaign + "/close", page, "reason=Nobody+invested", PageSession.HTML);
        assertThat(closed.statusCode()).isEqualTo(302);
        assertThat(closed.headers().firstValue("Location").orElse("")).endsWith("done=closed_failed");
        assertThat(publicCampaign(campaign).get("status").asString()).isEqualTo("failed");
        assertThat(admin.get("/admin/campaigns").body()).doesNotContain("/admin/campaigns/" + campaign + "/close");
    }

    private JsonNode invested(Http fan, String campaign, String amount, boolean paid) {
        String tier = publicCampaign(campaign).get("tiers").get(0).get("id").asString();
        HttpResponse<String> started = InvestFixtures.invest(fan, campaign, "{\"tier_id\":\"" + tier + "\",\"amount\":\"" + amount + "\"}",
                "invest-" + UUID.randomUUID());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode investment = json(started);
        if (paid) {
            new SandboxPayer(context).decide(paymentOf(investment), new Money(new BigDecimal(amount), "IDR"), true, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(investment).equals("confirmed"));
        }
        return investment;
    }

    private static PaymentId paymentOf(JsonNode investment) {
        return PaymentId.of(UUID.fromString(investment.get("payment_id").asString()));
    }

    private JsonNode publicCampaign(String campaign) {
        return json(f.http.get("/api/v1/campaigns/" + campaign, "application/json"));
    }

    private String status(JsonNode investment) {
        return jdbc.sql("select status from investments where id = ?::uuid").param(investment.get("id").asString()).query(String.class).single();
    }
}
