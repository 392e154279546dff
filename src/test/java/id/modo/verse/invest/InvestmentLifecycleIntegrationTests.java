package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentView;
import id.modo.verse.payment.Payments;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** After investing: the investor's cancel, the deadline's settlement, and the refunds of a failed all-or-nothing campaign. */
@IntegrationTest
class InvestmentLifecycleIntegrationTests {

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
    void anInvestorCancelsWhileTheCampaignRunsAndIsRefundedOnce() {
        String campaign = f.active("Cancel in Kancil", "100000", "5000000", 3);
        Http fan = f.stranger();
        JsonNode first = invested(fan, campaign, "200000");
        JsonNode second = invested(fan, campaign, "100000");
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign(campaign).get("raised_amount").asString().equals("300000.00"));
        // The platform's 5 % is recorded on confirmation; the sandbox reports no payment fee and the schedule's is 0.
        assertThat(jdbc.sql("select platform_fee || '/' || payment_fee || '/' || net_amount from investments where id = ?::uuid")
                .param(id(first)).query(String.class).single()).isEqualTo("10000.00/0.00/190000.00");

        assertThat(f.stranger().call("POST", "/api/v1/investments/" + id(first) + "/cancel", null).statusCode()).isEqualTo(404);
        assertThat(fan.call("POST", "/api/v1/investments/" + UUID.randomUUID() + "/cancel", null).statusCode()).isEqualTo(404);
        assertThat(fan.call("POST", "/api/v1/investments/not-an-id/cancel", null).statusCode()).isEqualTo(400);

        HttpResponse<String> cancelled = fan.call("POST", "/api/v1/investments/" + id(first) + "/cancel", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("refunded");
        assertThat(json(cancelled).get("payment_status").asString()).isEqualTo("refunded");
        JsonNode after = publicCampaign(campaign);
        assertThat(after.get("raised_amount").asString()).isEqualTo("100000.00");
        // The fan still backs it with the other investment: counted once, as before.
        assertThat(after.get("backer_count").asInt()).isEqualTo(1);
        assertThat(after.get("tiers").get(0).get("left").asInt()).isEqualTo(2);
        assertThat(refunded(first)).isEqualTo("200000.00");

        HttpResponse<String> again = fan.call("POST", "/api/v1/investments/" + id(first) + "/cancel", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).endsWith("/investment-not-cancellable");
        assertThat(refunded(first)).isEqualTo("200000.00");
        assertThat(jdbc.sql("select count(*) from investment_refunds where investment_id = ?::uuid").param(id(first))
                .query(Integer.class).single()).isEqualTo(1);

        jdbc.sql("update campaigns set end_date = now() - interval '1 minute' where id = ?::uuid").param(campaign).update();
        HttpResponse<String> ended = fan.call("POST", "/api/v1/investments/" + id(second) + "/cancel", null);
        assertThat(ended.statusCode()).isEqualTo(409);
        assertThat(json(ended).get("type").asString()).endsWith("/campaign-not-active");

        assertThat(fan.call("POST", "/api/v1/investments/" + id(second) + "/cancel", null).statusCode()).isEqualTo(409);
        assertThat(settlement.settle(UUID.fromString(campaign), () -> { })).isEqualTo(Settlement.Step.CLOSED);
        assertThat(publicCampaign(campaign).get("status").asString()).isEqualTo("funded");
        assertThat(publicCampaign(campaign).get("backer_count").asInt()).isEqualTo(1);
    }

    @Test
    void anEndedCampaignWaitsForItsOpenPaymentsThenExpiresThemAndRefundsOneThatCompletesLate() {
        String campaign = f.active("Settle in Kancil", "100000", "5000000", 5);
        Http fan = f.stranger();
        invested(fan, campaign, "300000");
        // What only the payment and the settlement decide is not the client's to send: ignored.
        String forged = body(campaign, "150000").replace("}", ",\"status\":\"confirmed\",\"payment_status\":\"completed\",\"net_amount\":\"1\"}");
        JsonNode open = json(InvestFixtures.invest(fan.unchecked(), campaign, forged, key()));
        assertThat(open.get("status").asString()).isEqualTo("pending");
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign(campaign).get("backer_count").asInt() == 1);
        UUID id = UUID.fromString(campaign);
        assertThat(settlement.settle(id, () -> { })).isEqualTo(Settlement.Step.NOT_DUE);

        jdbc.sql("update campaigns set end_date = now() - interval '1 hour' where id = ?").param(id).update();
        assertThat(settlement.settle(id, () -> { })).isEqualTo(Settlement.Step.WAITING);
        assertThat(publicCampaign(campaign).get("status").asString()).isEqualTo("awaiting_settlement");
        assertThat(InvestFixtures.invest(fan, campaign, body(campaign, "100000"), key()).statusCode()).isEqualTo(409);

        // Past the settlement window (3 days): the open payment's investment expires and its unit comes back.
        jdbc.sql("update campaigns set end_date = now() - interval '3 days 1 minute' where id = ?").param(id).update();
        assertThat(settlement.settle(id, () -> { })).isEqualTo(Settlement.Step.CLOSED);
        JsonNode closed = publicCampaign(campaign);
        assertThat(closed.get("status").asString()).isEqualTo("funded");
        assertThat(closed.get("raised_amount").asString()).isEqualTo("300000.00");
        assertThat(closed.get("tiers").get(0).get("left").asInt()).isEqualTo(4);
        assertThat(status(open)).isEqualTo("cancelled");
        HttpResponse<String> ended = InvestFixtures.invest(fan, campaign, body(campaign, "100000"), key());
        assertThat(ended.statusCode()).isEqualTo(409);
        assertThat(json(ended).get("type").asString()).endsWith("/campaign-not-active");

        // The payer finishes the expired checkout anyway: the money goes back instead of counting.
        pay(open, "150000", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> refunded(open).equals("150000.00"));
        assertThat(publicCampaign(campaign).get("raised_amount").asString()).isEqualTo("300000.00");
        assertThat(status(open)).isEqualTo("cancelled");
    }

    @Test
    void aFailedAllOrNothingCampaignRefundsEveryInvestmentExactlyOnceWhenItsJobIsKilledAndRerun() {
        String campaign = f.active("Nothing for Kancil", "all_or_nothing", "100000", "5000000", null);
        List<JsonNode> investments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            investments.add(invested(f.stranger(), campaign, (100000 + i * 10000) + ""));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign(campaign).get("backer_count").asInt() == 5);
        UUID id = UUID.fromString(campaign);
        jdbc.sql("update campaigns set end_date = now() - interval '1 minute' where id = ?").param(id).update();

        // Killed after two refunds.
        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> settlement.settle(id, () -> {
            if (done.incrementAndGet() == 2) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");
        assertThat(publicCampaign(campaign).get("status").asString()).isEqualTo("awaiting_settlement");
        assertThat(publicCampaign(campaign).get("backer_count").asInt()).isEqualTo(3);
        // And the worst moment for the third: the gateway took its refund, the process died before recording it.
        JsonNode third = investments.get(2);
        jdbc.sql("""
                insert into investment_refunds (investment_id, payment_id, amount, currency, reason)
                select id, payment_reference::uuid, amount, currency, 'campaign_failed' from investments where id = ?::uuid""")
                .param(id(third)).update();
        payments.refund(PaymentId.of(UUID.fromString(third.get("payment_id").asString())), new Money(new BigDecimal("120000"), "IDR"), "crash");

        assertThat(settlement.settle(id, () -> { })).isEqualTo(Settlement.Step.CLOSED);
        assertThat(settlement.settle(id, () -> { })).isEqualTo(Settlement.Step.NOT_DUE);

        JsonNode failed = publicCampaign(campaign);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("raised_amount").asString()).isEqualTo("0.00");
        assertThat(failed.get("backer_count").asInt()).isZero();
        for (JsonNode investment : investments) {
            assertThat(refunded(investment)).isEqualTo(investment.get("amount").asString());
            assertThat(status(investment)).isEqualTo("refunded");
        }
        assertThat(jdbc.sql("select count(*) from investment_refunds r join investments i on i.id = r.investment_id where i.campaign_id = ? and r.status = 'completed'")
                .param(id).query(Integer.class).single()).isEqualTo(5);
    }

    private JsonNode invested(Http fan, String campaign, String amount) {
        HttpResponse<String> started = InvestFixtures.invest(fan, campaign, body(campaign, amount), key());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode investment = json(started);
        pay(investment, amount, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(investment).equals("confirmed"));
        return investment;
    }

    private String body(String campaign, String amount) {
        String tier = publicCampaign(campaign).get("tiers").get(0).get("id").asString();
        return "{\"tier_id\":\"" + tier + "\",\"amount\":\"" + amount + "\"}";
    }

    private JsonNode publicCampaign(String campaign) {
        return json(f.http.get("/api/v1/campaigns/" + campaign, "application/json"));
    }

    private void pay(JsonNode investment, String amount, boolean paid) {
        new SandboxPayer(context).decide(PaymentId.of(UUID.fromString(investment.get("payment_id").asString())),
                new Money(new BigDecimal(amount), "IDR"), paid, null);
    }

    private String status(JsonNode investment) {
        return jdbc.sql("select status from investments where id = ?::uuid").param(id(investment)).query(String.class).single();
    }

    private String refunded(JsonNode investment) {
        PaymentView payment = payments.find(PaymentId.of(UUID.fromString(investment.get("payment_id").asString()))).orElseThrow();
        return payment.refunded().amount().toPlainString();
    }

    private static String id(JsonNode investment) {
        return investment.get("id").asString();
    }

    private static String key() {
        return "invest-" + UUID.randomUUID();
    }
}
