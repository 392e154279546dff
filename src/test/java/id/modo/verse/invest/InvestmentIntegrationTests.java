package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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

/** Investing: the unit held at once, the money and the backer counted only when the payment completes, once. */
@IntegrationTest
class InvestmentIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    InvestFixtures f;
    String campaign;
    String tier;

    @BeforeEach
    void liveCampaign() {
        f = new InvestFixtures(port, jdbc);
        campaign = f.active("Invest in Kancil", "100000", "5000000", 3);
        tier = json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("tiers").get(0).get("id").asString();
    }

    @Test
    void anInvestmentConfirmsWhenItsPaymentCompletesAndABackerCountsOnce() {
        Http fan = f.stranger();
        HttpResponse<String> started = InvestFixtures.invest(fan, campaign, body("250000.00"), key());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode investment = json(started);
        assertThat(investment.get("status").asString()).isEqualTo("pending");
        assertThat(investment.get("amount").asString()).isEqualTo("250000.00");
        assertThat(investment.get("checkout_url").asString()).isEqualTo("/payments/sandbox/" + investment.get("payment_id").asString());
        assertThat(investment.get("test_mode").asBoolean()).isTrue();
        // Held, not counted.
        JsonNode before = publicCampaign();
        assertThat(before.get("tiers").get(0).get("left").asInt()).isEqualTo(2);
        assertThat(before.get("raised_amount").asString()).isEqualTo("0.00");
        assertThat(before.get("backer_count").asInt()).isZero();

        pay(investment, "250000", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign().get("backer_count").asInt() == 1);
        assertThat(publicCampaign().get("raised_amount").asString()).isEqualTo("250000.00");

        JsonNode second = json(InvestFixtures.invest(fan, campaign, body("100000"), key()));
        pay(second, "100000", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign().get("raised_amount").asString().equals("350000.00"));
        assertThat(publicCampaign().get("backer_count").asInt()).isEqualTo(1);
        // A second notification of the same completion changes nothing.
        pay(second, "100000", true);

        JsonNode mine = json(fan.get("/api/v1/me/investments", "application/json"));
        assertThat(mine.get("items")).hasSize(2);
        assertThat(mine.get("items").get(0).get("status").asString()).isEqualTo("confirmed");
        assertThat(mine.get("items").get(0).get("campaign_title").asString()).isEqualTo("Invest in Kancil");
        assertThat(mine.get("items").get(0).get("tier_name").asString()).isEqualTo("Supporter");
        assertThat(json(f.stranger().get("/api/v1/me/investments", "application/json")).get("items")).isEmpty();
        assertThat(publicCampaign().get("raised_amount").asString()).isEqualTo("350000.00");
    }

    @Test
    void aFailedPaymentGivesTheUnitBackAndCountsNothing() {
        Http fan = f.stranger();
        JsonNode investment = json(InvestFixtures.invest(fan, campaign, body("100000"), key()));
        assertThat(publicCampaign().get("tiers").get(0).get("left").asInt()).isEqualTo(2);
        pay(investment, "100000", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign().get("tiers").get(0).get("left").asInt() == 3);
        assertThat(json(fan.get("/api/v1/me/investments", "application/json")).get("items").get(0).get("status").asString()).isEqualTo("cancelled");
        assertThat(publicCampaign().get("backer_count").asInt()).isZero();
    }

    @Test
    void aSoldOutTierIs409AndTheIdempotencyKeyReplays() {
        Http fan = f.stranger();
        String key = key();
        HttpResponse<String> first = InvestFixtures.invest(fan, campaign, body("100000"), key);
        HttpResponse<String> replay = InvestFixtures.invest(fan, campaign, body("100000"), key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(replay).get("id").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(InvestFixtures.invest(fan, campaign, body("200000"), key).statusCode()).isEqualTo(422);

        assertThat(InvestFixtures.invest(fan, campaign, body("100000"), key()).statusCode()).isEqualTo(201);
        assertThat(InvestFixtures.invest(fan, campaign, body("100000"), key()).statusCode()).isEqualTo(201);
        HttpResponse<String> soldOut = InvestFixtures.invest(fan, campaign, body("100000"), key());
        assertThat(soldOut.statusCode()).as(soldOut.body()).isEqualTo(409);
        assertThat(json(soldOut).get("type").asString()).endsWith("/tier-sold-out");
        assertThat(jdbc.sql("select sold_quantity from investment_tiers where id = ?::uuid").param(tier).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void badAmountsAndCurrenciesAre400NamingTheField() {
        Http fan = f.stranger();
        assertThat(field(InvestFixtures.invest(fan, campaign, body("99999.99"), key()))).isEqualTo("amount");
        assertThat(field(InvestFixtures.invest(fan, campaign, body("5000000.01"), key()))).isEqualTo("amount");
        assertThat(field(InvestFixtures.invest(fan, campaign, body("-100000"), key()))).isEqualTo("amount");
        assertThat(field(InvestFixtures.invest(fan, campaign, body("0"), key()))).isEqualTo("amount");
        assertThat(field(InvestFixtures.invest(fan, campaign, body("100000.001"), key()))).isEqualTo("amount");
        assertThat(field(InvestFixtures.invest(fan, campaign, body("1e6"), key()))).isEqualTo("amount");
        assertThat(field(InvestFixtures.invest(fan, campaign, "{\"tier_id\":\"" + tier + "\",\"amount\":100000}", key()))).isEqualTo("amount");
        assertThat(field(InvestFixtures.invest(fan, campaign, "{\"tier_id\":\"" + tier + "\",\"amount\":\"100000\",\"currency\":\"USD\"}", key())))
                .isEqualTo("currency");
        assertThat(field(InvestFixtures.invest(fan, campaign, "{\"tier_id\":\"" + UUID.randomUUID() + "\",\"amount\":\"100000\"}", key())))
                .isEqualTo("tier_id");
        assertThat(field(InvestFixtures.invest(fan, campaign, "{\"amount\":\"100000\"}", key()))).isEqualTo("tier_id");
        assertThat(field(InvestFixtures.invest(fan, campaign, body("100000"), null))).isEqualTo("Idempotency-Key");
        assertThat(InvestFixtures.invest(fan, UUID.randomUUID().toString(), body("100000"), key()).statusCode()).isEqualTo(404);
        assertThat(InvestFixtures.invest(f.http, campaign, body("100000"), key()).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from investments where campaign_id = ?::uuid").param(campaign).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select sold_quantity from investment_tiers where id = ?::uuid").param(tier).query(Integer.class).single()).isZero();
    }

    @Test
    void aCampaignThatIsNotActiveTakesNoInvestments() {
        Http fan = f.stranger();
        String draft = f.draft("Not yet", "flexible");
        String draftTier = f.tier(draft, "Supporter", "1000", null, null);
        HttpResponse<String> refused = InvestFixtures.invest(fan, draft, "{\"tier_id\":\"" + draftTier + "\",\"amount\":\"1000\"}", key());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("type").asString()).endsWith("/campaign-not-active");

        jdbc.sql("update campaigns set end_date = now() - interval '1 minute' where id = ?::uuid").param(campaign).update();
        assertThat(json(InvestFixtures.invest(fan, campaign, body("100000"), key())).get("type").asString()).endsWith("/campaign-not-active");
        jdbc.sql("update campaigns set end_date = now() + interval '1 day' where id = ?::uuid").param(campaign).update();
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/cancel", null).statusCode()).isEqualTo(200);
        assertThat(json(InvestFixtures.invest(fan, campaign, body("100000"), key())).get("type").asString()).endsWith("/campaign-not-active");
    }

    @Test
    void aCampaignWithInvestmentsIsNotCancelledAndClosesFundedAfterItsEnd() {
        Http fan = f.stranger();
        JsonNode investment = json(InvestFixtures.invest(fan, campaign, body("100000"), key()));
        pay(investment, "100000", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> publicCampaign().get("backer_count").asInt() == 1);
        assertThat(json(f.owner.call("POST", f.campaigns() + "/" + campaign + "/cancel", null)).get("type").asString())
                .endsWith("/campaign-has-investments");
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/close", null).statusCode()).isEqualTo(409);
        jdbc.sql("update campaigns set end_date = now() - interval '1 minute' where id = ?::uuid").param(campaign).update();
        JsonNode closed = json(f.owner.call("POST", f.campaigns() + "/" + campaign + "/close", null));
        assertThat(closed.get("status").asString()).isEqualTo("funded");
        assertThat(closed.get("funded_at").isNull()).isFalse();
        assertThat(json(f.owner.call("POST", f.campaigns() + "/" + campaign + "/complete", null)).get("status").asString()).isEqualTo("completed");
    }

    private JsonNode publicCampaign() {
        return json(f.http.get("/api/v1/campaigns/" + campaign, "application/json"));
    }

    private void pay(JsonNode investment, String amount, boolean paid) {
        new SandboxPayer(context).decide(PaymentId.of(UUID.fromString(investment.get("payment_id").asString())),
                new Money(new BigDecimal(amount), "IDR"), paid, null);
    }

    private String body(String amount) {
        return "{\"tier_id\":\"" + tier + "\",\"amount\":\"" + amount + "\"}";
    }

    private static String key() {
        return "invest-" + UUID.randomUUID();
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).hasSize(1);
        return fields.getFirst();
    }
}
