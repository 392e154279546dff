package id.modo.verse.invest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

/** The rewards pages on a phone (390 px) and a laptop (1280 px), in English and Bahasa Indonesia: nothing overflows. */
@IntegrationTest
class InvestorRewardsBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void theInvestorsRewardsAndTheCreatorsParcelsFitAPhoneAndALaptopInBothLanguages() {
        InvestFixtures f = new InvestFixtures(port, jdbc);
        String campaign = f.draft("Kancil rewards in a browser", "flexible");
        var tier = f.owner.postJson(f.campaigns() + "/" + campaign + "/tiers", """
                {"name":"Produser Hutan","min_amount":"100000","limit_quantity":1,"reward_items":[
                 {"type":"physical","name":"Signed art print of the river crossing","description":"A3, signed by the director"},
                 {"type":"digital","name":"Game key","access_codes":["KANCIL-2026-ABCDEFGHIJKLMNOPQRSTUVWXYZ"]},
                 {"type":"access","name":"Premiere","grants":"Two seats at the Jakarta premiere"}]}""");
        String tierId = json(tier).get("id").asString();
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null).statusCode()).isEqualTo(200);
        assertThat(f.admin.call("POST", "/api/v1/admin/campaigns/" + campaign + "/approve", null).statusCode()).isEqualTo(200);
        Users.Signed fan = new Users(f.http).signUpAndIn("rewards-browser");
        JsonNode investment = json(InvestFixtures.invest(f.http.withBearer(fan.token()), campaign,
                "{\"tier_id\":\"" + tierId + "\",\"amount\":\"100000\"}", "rewards-browser-" + UUID.randomUUID()));
        new SandboxPayer(context).decide(PaymentId.of(UUID.fromString(investment.get("payment_id").asString())),
                new Money(new BigDecimal("100000"), "IDR"), true, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from investor_rewards where investment_id = ?::uuid")
                .param(investment.get("id").asString()).query(Integer.class).single() == 3);

        for (int width : List.of(390, 1280)) {
            try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 844))) {
                Page page = context.newPage();
                List<String> errors = Chromium.consoleErrors(page);
                signIn(page, fan.email(), "/investments/rewards");
                for (String lang : List.of("en", "id")) {
                    page.navigate(url("/investments/rewards?lang=" + lang));
                    assertThat(page.locator(".rewards__item").count()).isEqualTo(3);
                    assertThat(page.content()).contains("KANCIL-2026-ABCDEFGHIJKLMNOPQRSTUVWXYZ");
                    assertFits(page);
                    Chromium.screenshot(page, "rewards-mine-" + lang + "-" + width);
                    page.navigate(url("/investments/portfolio?lang=" + lang));
                    assertFits(page);
                }
                page.navigate(url("/investments/rewards?lang=en"));
                page.getByLabel("Name of the recipient").fill("Ani Wulandari");
                page.getByLabel("Street and number").fill("Jl. Kaliurang Km 5 No. 12");
                page.getByLabel("City").fill("Yogyakarta");
                page.getByLabel("Postal code").fill("55281");
                page.getByLabel("Country code").fill("ID");
                page.getByLabel("Phone number").fill("+62 812 3456 7890");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the address")).click();
                page.waitForURL(u -> u.contains("done=address"));
                assertThat(page.getByRole(AriaRole.STATUS).first().innerText()).contains("address is saved");
                assertThat(errors).isEmpty();
            }
            try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 844))) {
                Page page = context.newPage();
                String backers = "/organizations/" + f.orgId + "/campaigns/" + campaign + "/backers";
                signIn(page, f.ownerSigned.email(), backers);
                for (String lang : List.of("en", "id")) {
                    page.navigate(url(backers + "?lang=" + lang));
                    assertThat(page.content()).contains("Jl. Kaliurang Km 5 No. 12");
                    assertFits(page);
                    Chromium.screenshot(page, "rewards-backers-" + lang + "-" + width);
                    page.navigate(url("/organizations/" + f.orgId + "/campaigns/" + campaign + "/tiers/" + tierId + "/rewards?lang=" + lang));
                    assertFits(page);
                    Chromium.screenshot(page, "rewards-tier-" + lang + "-" + width);
                }
            }
        }
    }

    private static void assertFits(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + page.url()).isLessThanOrEqualTo(0);
    }

    private void signIn(Page page, String email, String next) {
        page.navigate(url("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
