package id.modo.verse.invest;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18's "Done when", in a real browser and only through the pages: a creator drafts a campaign with a tier and a
 * story and submits it; a platform admin approves it on the review queue; two fans sign up as visitors and invest
 * through the sandbox checkout (one of them twice); the campaign shows the money and 2 backers; that fan cancels one
 * investment on "my investments" and sees it refunded; the last day passes and the deadline job, run through its
 * db-scheduler trigger, closes the campaign funded; the creator records revenue on the revenue page; and both fans'
 * portfolios show paid payouts whose sum, on the page and in the API, is the investor pool.
 */
@IntegrationTest
class InvestDoneWhenBrowserTests {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scheduler scheduler;

    @Test
    void aCampaignFromDraftToFundedWithRefundAndRevenueSharedToItsInvestors() {
        Http http = new Http(port);
        Users users = new Users(http);
        Users.Signed creator = users.signUpAndIn("done-creator");
        Http creatorApi = http.withBearer(creator.token());
        HttpResponse<String> created = creatorApi.postJson("/api/v1/organizations", "{\"name\":\"Wayang Cahaya Studio\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String org = json(created).get("id").asString();
        Users.Signed admin = users.signUpAndIn("done-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        String title = "Wayang Cahaya " + UUID.randomUUID().toString().substring(0, 8);
        String ayu = Users.uniqueEmail("done-ayu");
        String bima = Users.uniqueEmail("done-bima");

        try (BrowserContext desk = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"));
                BrowserContext adminDesk = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"));
                BrowserContext ayuPhone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-US"));
                BrowserContext bimaPhone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("id-ID"))) {
            Page page = desk.newPage();
            Page adminPage = adminDesk.newPage();
            Page ayuPage = ayuPhone.newPage();
            Page bimaPage = bimaPhone.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            List<String> adminErrors = Chromium.consoleErrors(adminPage);
            List<String> ayuErrors = Chromium.consoleErrors(ayuPage);
            List<String> bimaErrors = Chromium.consoleErrors(bimaPage);
            Page current = page;
            try {
                // The creator drafts the campaign, gives it its terms, a story and a tier with a revenue share, and submits it.
                signIn(page, creator.email(), "/organizations/" + org + "/campaigns");
                page.getByLabel("Title of a new campaign").fill(title);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a draft")).click();
                page.waitForURL(u -> u.matches(".*/campaigns/[0-9a-f-]{36}$"));
                String editor = page.url().replace(url(""), "");
                String campaign = editor.substring(editor.lastIndexOf('/') + 1);
                page.locator("#campaign-goal").fill("500000");
                page.locator("#campaign-end").fill(LocalDate.now(JAKARTA).plusDays(14).toString());
                page.locator("#campaign-funding").selectOption("all_or_nothing");
                page.locator("#campaign-story").fill("## Why wayang\n\nShadow puppets, **animated** for a new audience.");
                page.locator("#campaign-risks").fill("Animation takes longer than planned.");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
                page.waitForURL(u -> u.endsWith("?done=saved"));
                page.locator("#tier-name").fill("Dalang");
                page.locator("#tier-min_amount").fill("100000");
                page.locator("#tier-limit_quantity").fill("10");
                page.locator("#tier-revenue_share_percent").fill("10");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a tier")).click();
                page.waitForURL(u -> u.endsWith("?done=tier"));
                assertThat(page.locator(".tier").innerText()).contains("Dalang", "From Rp100,000", "0 of 10 taken", "Shares revenue: 10%");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
                page.waitForURL(u -> u.endsWith("?done=submitted"));
                assertThat(page.locator("h1 + p .tag").innerText()).isEqualTo("Under review");

                // A platform admin approves it on the review queue.
                current = adminPage;
                signIn(adminPage, admin.email(), "/admin/campaigns");
                assertThat(adminPage.locator(".review-item", new Page.LocatorOptions().setHasText(title)).innerText()).contains("goal Rp500,000");
                Locator review = adminPage.locator("form[action='/admin/campaigns/" + campaign + "/approve']");
                review.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve and launch")).click();
                adminPage.waitForURL(u -> u.endsWith("?done=approved"));
                assertThat(publicCampaign(http, campaign).get("status").asString()).isEqualTo("active");
                current = page;
                page.navigate(url(editor));
                assertThat(page.locator("h1 + p .tag").innerText()).isEqualTo("Live");
                assertThat(page.locator(".campaign__facts").innerText()).contains("Rp500,000", "All or nothing");
                assertThat(page.locator(".field__hint", new Page.LocatorOptions().setHasText("closes the campaign by itself")).count()).isEqualTo(1);
                String tier = publicCampaign(http, campaign).get("tiers").get(0).get("id").asString();

                // Two visitors sign up on the pages and invest through the sandbox checkout; Bima, in Indonesian, twice.
                current = ayuPage;
                signUp(ayuPage, "Ayu Lestari", ayu, "/campaigns/" + campaign, "Create account");
                assertThat(ayuPage.locator(".tier__share").innerText()).isEqualTo("Shares revenue: 10%");
                invest(ayuPage, campaign, tier, "600000", "Pay");
                awaitBackers(ayuPage, "1", "Backers");
                current = bimaPage;
                signUp(bimaPage, "Bima Sakti", bima, "/campaigns/" + campaign + "?lang=id", "Buat akun");
                invest(bimaPage, campaign, tier, "300000", "Bayar");
                invest(bimaPage, campaign, tier, "250000", "Bayar");
                current = ayuPage;
                awaitBackers(ayuPage, "2", "Backers");
                assertThat(ayuPage.locator(".campaign__raised").innerText()).contains("Rp1,150,000");
                assertFitsThePhone(ayuPage);
                Chromium.screenshot(ayuPage, "invest-done-when-two-backers-phone");

                // Bima takes the 250,000 back on his investments page and sees it refunded; he still counts as a backer.
                current = bimaPage;
                bimaPage.navigate(url("/investments"));
                assertFitsThePhone(bimaPage);
                Locator toCancel = bimaPage.locator("tbody tr", new Page.LocatorOptions().setHasText("Rp250.000"));
                assertThat(toCancel.locator("td[data-label=Status]").isVisible()).as("the status is in sight on a phone").isTrue();
                toCancel.locator("summary").click();
                toCancel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ya, batalkan dan kembalikan dana")).click();
                bimaPage.waitForURL(u -> u.contains("cancelled="));
                assertThat(bimaPage.getByRole(AriaRole.STATUS).first().innerText()).contains("dibatalkan");
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    bimaPage.reload();
                    return bimaPage.locator("tbody tr", new Page.LocatorOptions().setHasText("Rp250.000")).innerText().contains("Dikembalikan");
                });
                assertThat(bimaPage.locator("tbody tr", new Page.LocatorOptions().setHasText("Rp300.000")).innerText()).contains("Terkonfirmasi");
                assertFitsThePhone(bimaPage);
                Chromium.screenshot(bimaPage, "invest-done-when-refunded-phone-id");
                current = ayuPage;
                ayuPage.reload();
                assertThat(ayuPage.locator(".campaign__raised").innerText()).contains("Rp900,000");
                assertThat(backers(ayuPage, "Backers")).isEqualTo("2");

                // The last day passes (the end date moved back, as a day passing would) and the deadline job runs through
                // db-scheduler: the campaign closes funded, and the editor opens revenue sharing.
                jdbc.sql("update campaigns set end_date = now() - interval '1 minute' where id = ?").param(UUID.fromString(campaign)).update();
                runNow(DeadlineJob.TASK);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> "funded".equals(publicCampaign(http, campaign).get("status").asString()));
                current = page;
                page.navigate(url(editor));
                assertThat(page.locator("h1 + p .tag").innerText()).isEqualTo("Funded");
                assertThat(page.locator(".panel-card__text", new Page.LocatorOptions().setHasText("backers")).first().innerText()).startsWith("2 backers");

                // The creator records a period's revenue; 30% of it is the investors' pool, split by weight in whole rupiah.
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revenue sharing")).click();
                page.waitForURL(u -> u.endsWith("/revenue"));
                LocalDate yesterday = LocalDate.now(JAKARTA).minusDays(1);
                page.locator("#revenue-period_start").fill(yesterday.toString());
                page.locator("#revenue-period_end").fill(yesterday.toString());
                page.locator("#revenue-total").fill("1234567");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record and pay out")).click();
                page.waitForLoadState();
                Locator period = page.locator(".revenue-periods article").first();
                String poolOnPage = period.locator(".portfolio__totals div").nth(3).locator("dd").innerText();
                JsonNode distribution = json(creatorApi.get("/api/v1/organizations/" + org + "/campaigns/" + campaign + "/revenue",
                        "application/json")).get("items").get(0);
                long pool = rupiah(distribution.get("investor_pool").asString());
                assertThat(pool).isEqualTo(370370);
                assertThat(rupiah(poolOnPage)).isEqualTo(pool);
                Chromium.screenshot(page, "invest-done-when-revenue-desktop");

                // The payout job (sandbox) pays them; each fan's portfolio lists a paid payout, and the two sum to the pool.
                runNow("invest-payouts");
                long ayuPaid = paidOnPortfolio(ayuPage, "Paid");
                current = bimaPage;
                long bimaPaid = paidOnPortfolio(bimaPage, "Dibayar");
                assertThat(ayuPaid + bimaPaid).isEqualTo(pool);
                // Weights 600,000 and 300,000 (the refunded 250,000 has none): 246,913.33 and 123,456.67 of 370,370, so
                // the one rupiah left over goes to the larger remainder.
                assertThat(ayuPaid).isEqualTo(246913);
                assertThat(bimaPaid).isEqualTo(123457);
                long ayuApi = payoutsInApi(http, users, ayu);
                long bimaApi = payoutsInApi(http, users, bima);
                assertThat(ayuApi).isEqualTo(ayuPaid);
                assertThat(bimaApi).isEqualTo(bimaPaid);
                assertThat(ayuApi + bimaApi).isEqualTo(pool);
                assertFitsThePhone(bimaPage);
                Chromium.screenshot(bimaPage, "invest-done-when-payouts-phone-id");

                // The refused or refunded steps are not errors; nothing else may be logged in any of the browsers.
                assertThat(errors).isEmpty();
                assertThat(adminErrors).isEmpty();
                assertThat(ayuErrors).isEmpty();
                assertThat(bimaErrors).isEmpty();
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(current, "failure-invest-done-when");
                throw e;
            }
        }
    }

    private void signIn(Page page, String email, String next) {
        page.navigate(url("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> u.endsWith(next));
    }

    /** A visitor opens the campaign, follows "sign in to invest" and the sign-in page's link to create an account. */
    private void signUp(Page page, String name, String email, String campaignPath, String submit) {
        page.navigate(url(campaignPath));
        page.locator(".tier a.button").first().click();
        page.waitForURL(u -> u.contains("/signin"));
        page.locator(".auth__switch a").click();
        page.waitForURL(u -> u.contains("/signup"));
        page.locator("#name").fill(name);
        page.locator("#email").fill(email);
        page.locator("#password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(submit)).click();
        page.waitForURL(u -> !u.contains("/signup"));
        page.navigate(url(campaignPath));
    }

    /** Invests in the tier on the campaign page and pays on the sandbox's checkout, which sends the fan back. */
    private void invest(Page page, String campaign, String tier, String amount, String pay) {
        page.navigate(url("/campaigns/" + campaign));
        page.locator("#amount-" + tier).fill(amount);
        page.locator("#amount-" + tier).locator("xpath=ancestor::form").locator("button[type=submit]").click();
        page.waitForURL(u -> u.contains("/payments/sandbox/"));
        assertFitsThePhone(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(pay).setExact(true)).click();
        page.waitForURL(u -> u.contains("/campaigns/" + campaign + "?investment="));
    }

    /** The payment's completion reaches the campaign through an event; the page shows it once it has. */
    private void awaitBackers(Page page, String count, String label) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            page.reload();
            return backers(page, label).equals(count);
        });
    }

    private static String backers(Page page, String label) {
        return page.locator(".campaign__facts div", new Page.LocatorOptions().setHasText(label)).locator("dd").innerText().strip();
    }

    /** The portfolio once its payout is paid: the amount in the payouts list, which is also the "received" total. */
    private long paidOnPortfolio(Page page, String paid) {
        Supplier<Locator> rows = () -> page.locator("section[aria-labelledby=portfolio-payouts] tbody tr");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.navigate(url("/investments/portfolio"));
            return rows.get().count() == 1 && rows.get().innerText().contains(paid);
        });
        long amount = rupiah(rows.get().locator(".payout__amount").innerText());
        assertThat(rupiah(page.locator(".portfolio__totals div").nth(1).locator("dd").innerText())).isEqualTo(amount);
        return amount;
    }

    private static long payoutsInApi(Http http, Users users, String email) {
        JsonNode items = json(http.withBearer(users.login(email, Users.PASSWORD)).get("/api/v1/me/payouts", "application/json")).get("items");
        long sum = 0;
        for (JsonNode payout : items) {
            assertThat(payout.get("status").asString()).isEqualTo("completed");
            sum += rupiah(payout.get("amount").asString());
        }
        return sum;
    }

    /** Whole rupiah from "Rp259,259", "Rp111.111" or "259259.00". */
    private static long rupiah(String text) {
        String digits = text.replaceAll("\\.00$", "").replaceAll("[^0-9]", "");
        return Long.parseLong(digits);
    }

    /** Runs a recurring db-scheduler task now instead of at its next interval, through the scheduler itself. */
    private void runNow(String task) {
        TaskInstanceId id = TaskInstanceId.of(task, RecurringTask.INSTANCE);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> scheduler.getScheduledExecution(id).map(e -> e.isPicked() || scheduler.reschedule(id, Instant.now())).orElse(false));
        scheduler.triggerCheckForDueExecutions();
    }

    private static JsonNode publicCampaign(Http http, String campaign) {
        return json(http.get("/api/v1/campaigns/" + campaign, "application/json"));
    }

    private static void assertFitsThePhone(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + page.url()).isLessThanOrEqualTo(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
