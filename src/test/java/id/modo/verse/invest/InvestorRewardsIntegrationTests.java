package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentView;
import id.modo.verse.payment.Payments;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rewards per tier (issue 18): typed on the tier, made once per investment when its payment completes (however often
 * the completion is delivered), credits granted once through the ledger, cancelled with a refund, and delivered: the
 * investor's download and address, the creator's shipping.
 */
@IntegrationTest
class InvestorRewardsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Assets assets;
    @Autowired
    Payments payments;
    @Autowired
    InvestorRewards rewards;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;

    InvestFixtures f;
    String asset;

    @BeforeEach
    void fixtures() throws Exception {
        f = new InvestFixtures(port, jdbc);
        BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        asset = assets.upload(UserId.of(UUID.fromString(f.ownerId)), OrganizationId.of(UUID.fromString(f.orgId)), null, "reward",
                "wallpapers.png", new ByteArrayInputStream(png.toByteArray())).id().value().toString();
    }

    private String rewardsJson() {
        return """
                [{"type":"digital","name":"Wallpaper pack","description":"Four wallpapers","asset_id":"%s"},
                 {"type":"digital","name":"Game key","access_codes":["KANCIL-1","KANCIL-2"]},
                 {"type":"physical","name":"Plush","description":"30 cm"},
                 {"type":"access","name":"Premiere","grants":"Two seats at the Jakarta premiere"},
                 {"type":"revenue_share","name":"Revenue share"},
                 {"type":"credit","name":"AI credits","credits":300}]""".formatted(asset);
    }

    private String tierBody(String rewardItems, String limit) {
        return """
                {"name":"Produser","min_amount":"100000","revenue_share_percent":"2.5","limit_quantity":%s,"reward_items":%s}"""
                .formatted(limit, rewardItems);
    }

    private String liveCampaign() {
        String campaign = f.draft("Rewards of Kancil", "flexible");
        HttpResponse<String> tier = f.owner.postJson(f.campaigns() + "/" + campaign + "/tiers", tierBody(rewardsJson(), "2"));
        assertThat(tier.statusCode()).as(tier.body()).isEqualTo(201);
        JsonNode items = json(tier).get("reward_items");
        assertThat(items).hasSize(6);
        assertThat(items.get(0).get("key").asString()).isEqualTo("r1");
        assertThat(items.get(5).get("credits").asInt()).isEqualTo(300);
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null).statusCode()).isEqualTo(200);
        assertThat(f.admin.call("POST", "/api/v1/admin/campaigns/" + campaign + "/approve", null).statusCode()).isEqualTo(200);
        return campaign;
    }

    @Test
    void typedRewardsAreCheckedFieldByFieldAndLockedAfterLaunch() {
        String campaign = f.draft("Bad rewards", "flexible");
        String tiers = f.campaigns() + "/" + campaign + "/tiers";
        assertThat(fields(f.owner.postJson(tiers, tierBody("[{\"type\":\"nft\",\"name\":\"Token\"}]", "null"))))
                .containsExactly("reward_items[0].type");
        assertThat(fields(f.owner.postJson(tiers, tierBody("[{\"type\":\"credit\",\"name\":\"Credits\",\"credits\":-5}]", "null"))))
                .containsExactly("reward_items[0].credits");
        assertThat(fields(f.owner.postJson(tiers, tierBody("[{\"type\":\"physical\",\"name\":\"Plush\",\"credits\":5}]", "null"))))
                .containsExactly("reward_items[0].credits");
        assertThat(fields(f.owner.postJson(tiers, tierBody("[{\"type\":\"digital\",\"name\":\"Pack\",\"asset_id\":\"" + UUID.randomUUID()
                + "\"}]", "null")))).containsExactly("reward_items[0].asset_id");
        // A pool of codes must cover every unit the tier can sell.
        assertThat(fields(f.owner.postJson(tiers, tierBody("[{\"type\":\"digital\",\"name\":\"Key\",\"access_codes\":[\"A\",\"B\"]}]", "3"))))
                .containsExactly("reward_items[0].access_codes");
        assertThat(fields(f.owner.postJson(tiers, tierBody("[{\"type\":\"access\",\"name\":\"\"}]", "null"))))
                .containsExactly("reward_items[0].name", "reward_items[0].grants");
        // Another organization's file is not this one's to give.
        InvestFixtures other = new InvestFixtures(port, jdbc);
        String otherCampaign = other.draft("Not yours", "flexible");
        assertThat(fields(other.owner.postJson(other.campaigns() + "/" + otherCampaign + "/tiers", tierBody(rewardsJson(), "2"))))
                .containsExactly("reward_items[0].asset_id");

        String live = liveCampaign();
        String tier = json(f.http.get("/api/v1/campaigns/" + live, "application/json")).get("tiers").get(0).get("id").asString();
        HttpResponse<String> locked = f.owner.call("PUT", f.campaigns() + "/" + live + "/tiers/" + tier, tierBody("[]", "2"));
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(409);
        assertThat(json(locked).get("type").asString()).endsWith("/campaign-locked");
    }

    @Test
    void aConfirmedInvestmentGetsItsRewardsAndCreditsOnceHoweverOftenItsPaymentIsDelivered() {
        String campaign = liveCampaign();
        Investor ani = investor("reward-ani", true);
        JsonNode investment = investAndPay(ani.http(), campaign);
        await().atMost(Duration.ofSeconds(15)).until(() -> rewardCount(investment) == 6);
        assertThat(bonus(ani)).isEqualTo(300);

        // The completion delivered again, through the registry as after a crash, and the creation step called again.
        PaymentView paid = payments.find(PaymentId.of(UUID.fromString(investment.get("payment_id").asString()))).orElseThrow();
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> events.publishEvent(new PaymentCompleted(paid.id(),
                paid.purpose(), paid.reference(), paid.organizationId(), paid.payerId(), paid.amount(), paid.gateway(), paid.completedAt())));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from event_publication where event_type like '%PaymentCompleted' and serialized_event like ?
                and completion_date is null""").param("%" + paid.id().value() + "%").query(Long.class).single() == 0);
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> rewards.create(UUID.fromString(investment.get("id").asString())));
        assertThat(rewardCount(investment)).isEqualTo(6);
        assertThat(bonus(ani)).isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from credit_transactions where reference_type = 'investor_reward' and organization_id = ?")
                .param(UUID.fromString(ani.org())).query(Integer.class).single()).isEqualTo(1);

        JsonNode mine = json(ani.http().get("/api/v1/me/rewards", "application/json")).get("items");
        assertThat(mine).hasSize(6);
        JsonNode pack = reward(mine, "Wallpaper pack");
        assertThat(pack.get("status").asString()).isEqualTo("delivered");
        assertThat(reward(mine, "Game key").get("access_code").asString()).isEqualTo("KANCIL-1");
        assertThat(reward(mine, "Plush").get("status").asString()).isEqualTo("pending");
        assertThat(reward(mine, "Premiere").get("description").asString()).contains("Two seats");
        assertThat(reward(mine, "Revenue share").get("description").asString()).startsWith("2.5%");
        assertThat(reward(mine, "AI credits").get("credited_organization_id").asString()).isEqualTo(ani.org());

        // The download opens for its investor only.
        String download = pack.get("download_url").asString();
        HttpResponse<String> redirected = ani.http().get(download, "*/*");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location").orElseThrow()).contains("/media/" + asset + "?expires=");
        Http stranger = f.stranger();
        assertThat(stranger.get(download, "*/*").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/me/rewards/" + pack.get("id").asString(), "application/json").statusCode()).isEqualTo(404);
        assertThat(json(stranger.get("/api/v1/me/rewards", "application/json")).get("items")).isEmpty();

        // A second investor takes the pool's next code.
        JsonNode second = investAndPay(investor("reward-budi", false).http(), campaign);
        await().atMost(Duration.ofSeconds(15)).until(() -> rewardCount(second) == 6);
        assertThat(jdbc.sql("select access_code from investor_rewards where investment_id = ?::uuid and reward_key = 'r2'")
                .param(second.get("id").asString()).query(String.class).single()).isEqualTo("KANCIL-2");
    }

    @Test
    void aPhysicalRewardGetsItsAddressThenTheCreatorShipsIt() {
        String campaign = liveCampaign();
        Investor ani = investor("reward-ship", false);
        JsonNode investment = investAndPay(ani.http(), campaign);
        await().atMost(Duration.ofSeconds(15)).until(() -> rewardCount(investment) == 6);
        String plush = reward(json(ani.http().get("/api/v1/me/rewards", "application/json")).get("items"), "Plush").get("id").asString();
        String rewards = f.campaigns() + "/" + campaign + "/rewards";

        assertThat(fields(ani.http().call("PUT", "/api/v1/me/rewards/" + plush + "/shipping-address", """
                {"name":"Ani","street":"","city":"Yogyakarta","postal_code":"55281","country":"id","phone":"12"}""")))
                .containsExactlyInAnyOrder("street", "country", "phone");
        assertThat(fields(ani.http().call("PUT", "/api/v1/me/rewards/" + plush + "/shipping-address", address("XX"))))
                .containsExactly("country");
        // Shipped needs the address first, and a tracking number.
        HttpResponse<String> early = f.owner.call("PATCH", rewards + "/" + plush, "{\"status\":\"shipped\",\"tracking_number\":\"JNE1\"}");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(f.stranger().call("PUT", "/api/v1/me/rewards/" + plush + "/shipping-address", address("ID")).statusCode()).isEqualTo(404);
        HttpResponse<String> given = ani.http().call("PUT", "/api/v1/me/rewards/" + plush + "/shipping-address", address("ID"));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        assertThat(json(given).get("shipping_address").get("city").asString()).isEqualTo("Yogyakarta");

        JsonNode list = json(f.owner.get(rewards + "?type=physical", "application/json")).get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("backer").get("id").asString()).isEqualTo(ani.id());
        assertThat(list.get(0).get("shipping_address").get("postal_code").asString()).isEqualTo("55281");
        assertThat(list.get(0).get("allowed_statuses").toString()).isEqualTo("[\"processing\",\"shipped\"]");
        assertThat(json(f.owner.get(rewards, "application/json")).get("items").get(0).get("access_code").isNull()).isTrue();

        HttpResponse<String> skip = f.owner.call("PATCH", rewards + "/" + plush, "{\"status\":\"delivered\"}");
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(json(skip).get("type").asString()).endsWith("/reward-transition");
        assertThat(json(skip).get("allowed").toString()).isEqualTo("[\"processing\",\"shipped\"]");
        assertThat(fields(f.owner.call("PATCH", rewards + "/" + plush, "{\"status\":\"shipped\"}"))).containsExactly("tracking_number");
        assertThat(fields(f.owner.call("PATCH", rewards + "/" + plush, "{\"status\":\"lost\"}"))).containsExactly("status");
        HttpResponse<String> shipped = f.owner.call("PATCH", rewards + "/" + plush, "{\"status\":\"shipped\",\"tracking_number\":\"JNE 0112\"}");
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        assertThat(json(ani.http().get("/api/v1/me/rewards/" + plush, "application/json")).get("tracking_number").asString()).isEqualTo("JNE 0112");
        HttpResponse<String> late = ani.http().call("PUT", "/api/v1/me/rewards/" + plush + "/shipping-address", address("ID"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("type").asString()).endsWith("/reward-not-editable");
        assertThat(f.owner.call("PATCH", rewards + "/" + plush, "{\"status\":\"delivered\"}").statusCode()).isEqualTo(200);
        assertThat(f.owner.call("PATCH", rewards + "/" + plush, "{\"status\":\"shipped\",\"tracking_number\":\"X\"}").statusCode()).isEqualTo(409);

        // Tenancy: another organization, a viewer, a stranger.
        InvestFixtures other = new InvestFixtures(port, jdbc);
        assertThat(other.owner.get("/api/v1/organizations/" + other.orgId + "/campaigns/" + campaign + "/rewards", "application/json")
                .statusCode()).isEqualTo(404);
        assertThat(other.owner.call("PATCH", "/api/v1/organizations/" + other.orgId + "/campaigns/" + campaign + "/rewards/" + plush,
                "{\"status\":\"delivered\"}").statusCode()).isEqualTo(404);
        assertThat(f.stranger().get(rewards, "application/json").statusCode()).isEqualTo(404);
        assertThat(f.member("viewer").get(rewards, "application/json").statusCode()).isEqualTo(403);
    }

    @Test
    void aRefundCancelsWhatIsNotDeliveredAndTakesBackOnlyUnspentCredits() {
        String campaign = liveCampaign();
        Investor ani = investor("reward-refund", true);
        JsonNode investment = investAndPay(ani.http(), campaign);
        await().atMost(Duration.ofSeconds(15)).until(() -> rewardCount(investment) == 6);
        assertThat(bonus(ani)).isEqualTo(300);
        // Ani spends most of her credits (the free plan's main ones first), leaving 120 of the reward's 300 unspent.
        int available = json(ani.http().get("/api/v1/organizations/" + ani.org() + "/credits", "application/json")).get("available").asInt();
        context.getBean(id.modo.verse.credit.CreditLedger.class).debit(OrganizationId.of(UUID.fromString(ani.org())), null, available - 120,
                "test", "spend", "Generations");

        HttpResponse<String> cancelled = ani.http().call("POST", "/api/v1/investments/" + investment.get("id").asString() + "/cancel", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        JsonNode mine = json(ani.http().get("/api/v1/me/rewards", "application/json")).get("items");
        List<String> statuses = new ArrayList<>();
        mine.forEach(r -> statuses.add(r.get("status").asString()));
        assertThat(statuses).containsOnly("cancelled");
        assertThat(reward(mine, "Wallpaper pack").get("download_url").isNull()).isTrue();
        assertThat(ani.http().get("/api/v1/me/rewards/" + reward(mine, "Wallpaper pack").get("id").asString() + "/download", "*/*")
                .statusCode()).isEqualTo(404);
        JsonNode credits = json(ani.http().get("/api/v1/organizations/" + ani.org() + "/credits", "application/json"));
        assertThat(credits.get("available").asInt()).isZero();
        assertThat(credits.get("total").asInt()).isZero();
    }

    @Test
    void anInvestorWithoutAnOrganizationClaimsTheirCreditsLater() {
        String campaign = liveCampaign();
        Investor budi = investor("reward-claim", false);
        JsonNode investment = investAndPay(budi.http(), campaign);
        await().atMost(Duration.ofSeconds(15)).until(() -> rewardCount(investment) == 6);
        JsonNode credit = reward(json(budi.http().get("/api/v1/me/rewards", "application/json")).get("items"), "AI credits");
        assertThat(credit.get("status").asString()).isEqualTo("pending");

        String claim = "/api/v1/me/rewards/" + credit.get("id").asString() + "/claim";
        assertThat(budi.http().postJson(claim, "{\"organization_id\":\"" + f.orgId + "\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> created = budi.http().postJson("/api/v1/organizations", "{\"name\":\"Budi Studio\"}");
        String org = json(created).get("id").asString();
        assertThat(f.stranger().postJson(claim, "{\"organization_id\":\"" + org + "\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> claimed = budi.http().postJson(claim, "{\"organization_id\":\"" + org + "\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(json(claimed).get("status").asString()).isEqualTo("delivered");
        assertThat(bonus(new Investor(budi.http(), budi.id(), org))).isEqualTo(300);
        assertThat(budi.http().postJson(claim, "{\"organization_id\":\"" + org + "\"}").statusCode()).isEqualTo(409);
        assertThat(bonus(new Investor(budi.http(), budi.id(), org))).isEqualTo(300);
    }

    record Investor(Http http, String id, String org) {
    }

    private Investor investor(String prefix, boolean withOrganization) {
        Users.Signed signed = new Users(f.http).signUpAndIn(prefix);
        Http http = f.http.withBearer(signed.token());
        String org = null;
        if (withOrganization) {
            HttpResponse<String> created = http.postJson("/api/v1/organizations", "{\"name\":\"" + prefix + " Studio\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            org = json(created).get("id").asString();
        }
        return new Investor(http, signed.id(), org);
    }

    private JsonNode investAndPay(Http investor, String campaign) {
        String tier = json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("tiers").get(0).get("id").asString();
        HttpResponse<String> started = InvestFixtures.invest(investor, campaign, "{\"tier_id\":\"" + tier + "\",\"amount\":\"150000\"}",
                "reward-" + UUID.randomUUID());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode investment = json(started);
        new SandboxPayer(context).decide(PaymentId.of(UUID.fromString(investment.get("payment_id").asString())),
                new Money(new BigDecimal("150000"), "IDR"), true, null);
        return investment;
    }

    private int rewardCount(JsonNode investment) {
        return jdbc.sql("select count(*) from investor_rewards where investment_id = ?::uuid").param(investment.get("id").asString())
                .query(Integer.class).single();
    }

    private int bonus(Investor investor) {
        return json(investor.http().get("/api/v1/organizations/" + investor.org() + "/credits", "application/json")).get("bonus").asInt();
    }

    private static JsonNode reward(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("name").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("No reward " + name + " in " + items);
    }

    private static String address(String country) {
        return """
                {"name":"Ani Wulandari","street":"Jl. Kaliurang Km 5 No. 12","city":"Yogyakarta","postal_code":"55281",
                 "country":"%s","phone":"+62 812 3456 7890"}""".formatted(country);
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
