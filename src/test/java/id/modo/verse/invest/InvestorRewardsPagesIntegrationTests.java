package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rewards pages: the tier's rewards in the editor, the investor's address form, the creator's shipping form; both languages. */
@IntegrationTest
class InvestorRewardsPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void aTierGetsRewardsInTheEditorAndItsInvestorGivesTheAddressTheCreatorShips() {
        InvestFixtures f = new InvestFixtures(port, jdbc);
        String campaign = f.draft("Pages of Kancil", "flexible");
        String tier = f.tier(campaign, "Teman", "100000", null, null);
        PageSession owner = PageSession.signIn(f.http, ownerSigned(f));
        String rewardsPage = "/organizations/" + f.orgId + "/campaigns/" + campaign + "/tiers/" + tier + "/rewards";

        HttpResponse<String> form = owner.get(rewardsPage);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Add a reward").contains("NFT rewards are not offered yet");
        HttpResponse<String> refused = owner.post(rewardsPage, form, "type=credit&name=Credits&credits=-3", PageSession.HTML);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aria-invalid=\"true\"").contains("value=\"-3\"");
        HttpResponse<String> added = owner.post(rewardsPage, form, "type=physical&name=" + enc("Kancil plush") + "&description=30+cm",
                PageSession.HTML);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(owner.get(rewardsPage).body()).contains("Kancil plush");
        assertThat(owner.get("/organizations/" + f.orgId + "/campaigns/" + campaign).body()).contains("Rewards (1)");
        assertThat(owner.get(rewardsPage + "?lang=id").body()).contains("Tambah hadiah").contains("Fisik");
        InvestFixtures other = new InvestFixtures(port, jdbc);
        assertThat(PageSession.signIn(other.http, ownerSigned(other)).get(rewardsPage).statusCode()).isEqualTo(404);

        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null).statusCode()).isEqualTo(200);
        assertThat(f.admin.call("POST", "/api/v1/admin/campaigns/" + campaign + "/approve", null).statusCode()).isEqualTo(200);
        assertThat(owner.get(rewardsPage).body()).doesNotContain("Add a reward");

        Users.Signed ani = new Users(f.http).signUpAndIn("rewards-page-ani");
        HttpResponse<String> started = InvestFixtures.invest(f.http.withBearer(ani.token()), campaign,
                "{\"tier_id\":\"" + tier + "\",\"amount\":\"100000\"}", "rewards-page-" + UUID.randomUUID());
        JsonNode investment = json(started);
        new SandboxPayer(context).decide(PaymentId.of(UUID.fromString(investment.get("payment_id").asString())),
                new Money(new BigDecimal("100000"), "IDR"), true, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from investor_rewards where investment_id = ?::uuid")
                .param(investment.get("id").asString()).query(Integer.class).single() == 1);
        String reward = jdbc.sql("select id::text from investor_rewards where investment_id = ?::uuid")
                .param(investment.get("id").asString()).query(String.class).single();

        PageSession investor = PageSession.signIn(f.http, ani);
        HttpResponse<String> mine = investor.get("/investments/rewards");
        assertThat(mine.body()).contains("Kancil plush").contains("Give your shipping address");
        assertThat(investor.get("/investments/portfolio").body()).contains("Kancil plush").contains("/investments/rewards#reward-" + reward);
        String address = "/investments/rewards/" + reward + "/address";
        HttpResponse<String> bad = investor.post(address, mine, "name=Ani&street=Jl.+Kaliurang&city=Yogyakarta&postal_code=55281&country=XX"
                + "&phone=%2B62+812+3456+7890", PageSession.HTML);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("value=\"Jl. Kaliurang\"").contains("Check this field.");
        assertThat(investor.post(address, mine, "name=Ani&street=Jl.+Kaliurang&city=Yogyakarta&postal_code=55281&country=ID"
                + "&phone=%2B62+812+3456+7890", PageSession.HTML).statusCode()).isEqualTo(302);

        String backers = "/organizations/" + f.orgId + "/campaigns/" + campaign + "/backers";
        HttpResponse<String> list = owner.get(backers);
        assertThat(list.body()).contains("Rewards to send").contains("Jl. Kaliurang").contains("name=\"tracking_number\"");
        String move = "/organizations/" + f.orgId + "/campaigns/" + campaign + "/rewards/" + reward;
        HttpResponse<String> noTracking = owner.post(move, list, "status=shipped&tracking_number=", PageSession.HTML);
        assertThat(noTracking.headers().firstValue("Location").orElseThrow()).contains("reward=tracking");
        HttpResponse<String> shipped = owner.post(move, list, "status=shipped&tracking_number=JNE+0112", PageSession.HTML);
        assertThat(shipped.headers().firstValue("Location").orElseThrow()).contains("reward=done");
        assertThat(investor.get("/investments/rewards?lang=id").body()).contains("Dikirim").contains("JNE 0112");
        assertThat(PageSession.signIn(other.http, ownerSigned(other)).post(move.replace(f.orgId, other.orgId), list,
                "status=delivered", PageSession.HTML).statusCode()).isEqualTo(404);
    }

    private static Users.Signed ownerSigned(InvestFixtures f) {
        return f.ownerSigned;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
