package id.modo.verse.invest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18 in a real browser on a phone (390 px): a fan finds a live campaign on explore, is told on the page when the
 * amount is below the tier's minimum, invests, pays on the sandbox checkout, comes back to the campaign, and sees the
 * raised amount and the backer count move and the investment listed as confirmed.
 */
@IntegrationTest
class InvestBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFanFindsACampaignInvestsThroughTheSandboxCheckoutAndSeesItCounted() {
        InvestFixtures f = new InvestFixtures(port, jdbc);
        String title = "Kancil on a phone " + UUID.randomUUID().toString().substring(0, 8);
        String campaign = f.active(title, "100000", "5000000", 5);
        String tier = publicCampaign(f, campaign).get("tiers").get(0).get("id").asString();
        Users.Signed fan = new Users(f.http).signUpAndIn("invest-browser");

        try (BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-US"))) {
            Page page = phone.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, fan.email(), "/campaigns");
                page.waitForURL(u -> u.endsWith("/campaigns"));
                assertFitsThePhone(page);
                page.locator("#explore-sort").selectOption("newest");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
                page.waitForURL(u -> u.contains("sort=newest"));
                page.locator(".campaign-card__link", new Page.LocatorOptions().setHasText(title)).click();
                page.waitForURL(u -> u.endsWith("/campaigns/" + campaign));
                assertFitsThePhone(page);
                assertThat(page.locator(".campaign__raised").innerText()).doesNotContain("250");
                assertThat(backers(page)).isEqualTo("0");

                Locator amount = page.locator("#amount-" + tier);
                amount.fill("50000");
                Response refused = page.waitForResponse(r -> r.url().endsWith("/campaigns/" + campaign + "/invest"),
                        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invest").setExact(true)).click());
                assertThat(refused.status()).isEqualTo(400);
                page.waitForLoadState();
                assertThat(page.getByRole(AriaRole.ALERT).innerText()).contains("Check the amount").contains("100000");
                assertThat(page.locator("#amount-" + tier).getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(page.locator("#amount-" + tier).inputValue()).isEqualTo("50000");
                assertFitsThePhone(page);
                // The refused form answers 400, which Chromium reports for the document; nothing else may be logged.
                assertThat(errors).containsExactly("Failed to load resource: the server responded with a status of 400 ()");
                errors.clear();
                Chromium.screenshot(page, "invest-amount-too-low-phone");

                page.locator("#amount-" + tier).fill("250000");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invest").setExact(true)).click();
                page.waitForURL(u -> u.contains("/payments/sandbox/"));
                assertThat(page.locator(".sandbox__amount").innerText()).contains("250,000");
                assertFitsThePhone(page);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay").setExact(true)).click();
                page.waitForURL(u -> u.contains("/campaigns/" + campaign + "?investment="));
                assertThat(page.getByRole(AriaRole.STATUS).first().innerText()).contains("Thank you!");

                // The payment's completion reaches the campaign through an event; the page shows it once it has.
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    page.reload();
                    return backers(page).equals("1");
                });
                assertThat(page.locator(".campaign__raised").innerText()).contains("250,000");
                Chromium.screenshot(page, "invest-counted-phone");

                page.navigate(url("/investments"));
                Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(title));
                assertThat(row.count()).isEqualTo(1);
                assertThat(row.innerText()).contains("Supporter").contains("250,000").contains("Confirmed");
                assertFitsThePhone(page);
                assertThat(errors).as("console errors after the refusal").isEmpty();
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-invest");
                throw e;
            }
        }
        JsonNode counted = publicCampaign(f, campaign);
        assertThat(counted.get("raised_amount").asString()).isEqualTo("250000.00");
        assertThat(counted.get("backer_count").asInt()).isEqualTo(1);
        // The refused amount held nothing: one unit sold, for the one paid investment.
        assertThat(counted.get("tiers").get(0).get("left").asInt()).isEqualTo(4);
    }

    private static String backers(Page page) {
        return page.locator(".campaign__facts div", new Page.LocatorOptions().setHasText("Backers")).locator("dd").innerText().strip();
    }

    /** Nothing sticks out sideways on a phone. */
    private static void assertFitsThePhone(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + page.url()).isLessThanOrEqualTo(0);
    }

    private static JsonNode publicCampaign(InvestFixtures f, String campaign) {
        return json(f.http.get("/api/v1/campaigns/" + campaign, "application/json"));
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
