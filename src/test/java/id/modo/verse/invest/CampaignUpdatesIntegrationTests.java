package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
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

/** Campaign updates (public and backers-only), the creator's backers list with fees, and cancelling from the page. */
@IntegrationTest
class CampaignUpdatesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    InvestFixtures f;

    @BeforeEach
    void fixtures() {
        f = new InvestFixtures(port, jdbc);
    }

    @Test
    void theCreatorPostsUpdatesThatReadersSeeByVisibility() {
        String draft = f.draft("Quiet draft", "flexible");
        assertThat(f.owner.postJson(f.campaigns() + "/" + draft + "/updates", "{\"title\":\"Hi\",\"content\":\"x\"}").statusCode()).isEqualTo(409);
        String campaign = f.active("Talking Kancil", "100000", null, null);
        String updates = f.campaigns() + "/" + campaign + "/updates";

        assertThat(field(f.owner.postJson(updates, "{\"title\":\" \",\"content\":\"x\"}"))).isEqualTo("title");
        assertThat(field(f.owner.postJson(updates, "{\"title\":\"Hi\",\"content\":\"x\",\"visibility\":\"friends\"}"))).isEqualTo("visibility");
        assertThat(f.stranger().postJson(updates, "{\"title\":\"Hi\",\"content\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(f.member("viewer").postJson(updates, "{\"title\":\"Hi\",\"content\":\"x\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> posted = f.owner.postJson(updates,
                "{\"title\":\"Storyboards done\",\"content\":\"**All** 40 boards <script>alert(1)</script>\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(json(posted).get("visibility").asString()).isEqualTo("public");
        assertThat(json(posted).get("content_html").asString()).contains("<strong>All</strong>").doesNotContain("<script");
        assertThat(f.owner.postJson(updates, "{\"title\":\"For backers\",\"content\":\"The first cut\",\"visibility\":\"backers_only\"}")
                .statusCode()).isEqualTo(201);

        assertThat(titles(f.http.get("/api/v1/campaigns/" + campaign + "/updates", "application/json"))).isEqualTo("Storyboards done");
        Http stranger = f.stranger();
        assertThat(titles(stranger.get("/api/v1/campaigns/" + campaign + "/updates", "application/json"))).isEqualTo("Storyboards done");
        Http backer = f.stranger();
        invest(backer, campaign, "100000");
        assertThat(titles(backer.get("/api/v1/campaigns/" + campaign + "/updates", "application/json"))).isEqualTo("For backers,Storyboards done");
        assertThat(titles(f.owner.get(updates, "application/json"))).isEqualTo("For backers,Storyboards done");
        assertThat(f.stranger().get(updates, "application/json").statusCode()).isEqualTo(404);
        assertThat(f.http.get("/api/v1/campaigns/" + draft + "/updates", "application/json").statusCode()).isEqualTo(404);
        assertThat(json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("update_count").asInt()).isEqualTo(2);

        String page = f.http.get("/campaigns/" + campaign, PageSession.HTML).body();
        assertThat(page).contains("Storyboards done").contains("<strong>All</strong>").doesNotContain("For backers").doesNotContain("<script>alert(1)");

        String first = json(f.owner.get(updates, "application/json")).get("items").get(0).get("id").asString();
        assertThat(f.stranger().call("DELETE", updates + "/" + first, null).statusCode()).isEqualTo(404);
        assertThat(f.owner.call("DELETE", updates + "/" + first, null).statusCode()).isEqualTo(204);
        assertThat(f.owner.call("DELETE", updates + "/" + first, null).statusCode()).isEqualTo(404);
        assertThat(json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("update_count").asInt()).isEqualTo(1);
    }

    @Test
    void theCreatorSeesBackersWithFeesAndAFanCancelsFromTheInvestmentsPage() {
        String campaign = f.active("Backed Kancil", "100000", null, null);
        Users.Signed fanSigned = new Users(f.http).signUpAndIn("updates-fan");
        Http fan = f.http.withBearer(fanSigned.token());
        invest(fan, campaign, "250000");

        HttpResponse<String> backers = f.owner.get(f.campaigns() + "/" + campaign + "/investments", "application/json");
        assertThat(backers.statusCode()).as(backers.body()).isEqualTo(200);
        JsonNode backer = json(backers).get("items").get(0);
        assertThat(backer.get("amount").asString()).isEqualTo("250000.00");
        assertThat(backer.get("platform_fee").asString()).isEqualTo("12500.00");
        assertThat(backer.get("net_amount").asString()).isEqualTo("237500.00");
        assertThat(f.stranger().get(f.campaigns() + "/" + campaign + "/investments", "application/json").statusCode()).isEqualTo(404);

        Users.Signed ownerSigned = new Users(f.http).signUpAndIn("updates-owner");
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?::uuid, ?::uuid, 'owner')")
                .params(f.orgId, ownerSigned.id()).update();
        PageSession owner = PageSession.signIn(f.http, ownerSigned);
        HttpResponse<String> list = owner.get("/organizations/" + f.orgId + "/campaigns/" + campaign + "/backers");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Rp").contains("Net for you");
        HttpResponse<String> updatesPage = owner.get("/organizations/" + f.orgId + "/campaigns/" + campaign + "/updates");
        HttpResponse<String> posted = owner.post("/organizations/" + f.orgId + "/campaigns/" + campaign + "/updates", updatesPage,
                "title=From+the+page&content=Hello+*backers*&visibility=backers_only", PageSession.HTML);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(owner.get("/organizations/" + f.orgId + "/campaigns/" + campaign + "/updates").body()).contains("From the page");

        PageSession fanPage = PageSession.signIn(f.http, fanSigned);
        HttpResponse<String> mine = fanPage.get("/investments");
        assertThat(mine.body()).contains("Cancel investment").contains("Yes, cancel and refund");
        assertThat(fanPage.get("/campaigns/" + campaign).body()).contains("From the page");
        String investment = json(fan.get("/api/v1/me/investments", "application/json")).get("items").get(0).get("id").asString();
        HttpResponse<String> cancelled = fanPage.post("/investments/" + investment + "/cancel", mine, "x=1", PageSession.HTML);
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(fanPage.get("/investments?cancelled=1").body()).contains("Refunded").doesNotContain("Yes, cancel and refund");
        assertThat(json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("backer_count").asInt()).isZero();
    }

    private void invest(Http fan, String campaign, String amount) {
        String tier = json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("tiers").get(0).get("id").asString();
        JsonNode started = json(InvestFixtures.invest(fan, campaign, "{\"tier_id\":\"" + tier + "\",\"amount\":\"" + amount + "\"}",
                "invest-" + UUID.randomUUID()));
        new SandboxPayer(context).decide(PaymentId.of(UUID.fromString(started.get("payment_id").asString())),
                new Money(new BigDecimal(amount), "IDR"), true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "confirmed".equals(jdbc.sql("select status from investments where id = ?::uuid")
                .param(started.get("id").asString()).query(String.class).single()));
    }

    private static String titles(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        StringBuilder titles = new StringBuilder();
        json(response).get("items").forEach(item -> titles.append(titles.isEmpty() ? "" : ",").append(item.get("title").asString()));
        return titles.toString();
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).get("errors").get(0).get("field").asString();
    }
}
