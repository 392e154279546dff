package id.modo.verse.billing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The paid-plan journey in a real browser on the embedded default: pricing page, the billing page on a phone, a paid
 * plan through the sandbox checkout, the plan active with its credits and an invoice PDF; then the same page in Indonesian.
 */
@IntegrationTest
@Import(BillingTestClock.class)
class BillingPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void anOwnerPaysForAPlanInTheSandboxAndSeesItActiveWithAnInvoicePdf() throws Exception {
        BillingFixtures fixtures = new BillingFixtures(port, jdbc, context);
        Owner owner = fixtures.ownerWithOrganization("bill-browser");
        fixtures.trialUsed(owner);
        try (BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 812)
                .setLocale("en-US").setAcceptDownloads(true))) {
            Page page = phone.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                page.navigate(url("/pricing"));
                assertThat(page.locator("[data-plan=starter]").innerText()).contains("Rp99,000 / month", "1,000 AI credits a month");
                assertThat(page.locator("[data-plan=enterprise]").innerText()).contains("Contact sales");
                assertThat(page.locator("main, body").first().innerText()).contains("exclude VAT (PPN 11%)");

                page.navigate(url("/signin?next=/organizations/" + owner.org() + "/billing"));
                page.getByLabel("Email").fill(owner.user().email());
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(u -> u.endsWith("/billing"));
                assertThat(page.locator("[data-status]").getAttribute("data-status")).isEqualTo("active");
                assertThat(page.locator("[data-current-plan]").getAttribute("data-current-plan")).isEqualTo("free");
                assertThat(page.locator("#invoices-title + p").innerText()).isEqualTo("No invoices yet.");

                // A failed test payment brings the payer back to an error, never to the thank-you notice, and changes nothing.
                page.locator("[data-plan=pro]").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Monthly")).click();
                page.waitForURL(u -> u.contains("/payments/sandbox/"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fail")).click();
                page.waitForURL(u -> u.endsWith("/billing?notice=paid&payment=failed"));
                assertThat(page.locator(".alert--error").innerText()).contains("did not go through");
                assertThat(page.locator(".alert--success").count()).isZero();
                assertThat(page.locator("[data-current-plan]").getAttribute("data-current-plan")).isEqualTo("free");
                page.goBack();
                assertThat(page.locator(".auth__card .alert--error").last().innerText()).isEqualTo("Payment status: failed.");
                assertThat(page.locator(".auth__switch a").getAttribute("href")).endsWith("payment=failed");
                page.goForward();

                page.locator("[data-plan=pro]").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Monthly")).click();
                page.waitForURL(u -> u.contains("/payments/sandbox/"));
                Chromium.screenshot(page, "billing-sandbox-checkout");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay")).click();
                page.waitForURL(u -> u.endsWith("/billing?notice=paid"));
                assertThat(page.locator(".alert--success").innerText()).contains("as soon as the payment is confirmed");
                await().atMost(Duration.ofSeconds(15)).until(() -> "pro".equals(fixtures.organizationPlan(owner.org())));
                page.navigate(url("/organizations/" + owner.org() + "/billing"));
                assertThat(page.locator("[data-current-plan]").getAttribute("data-current-plan")).isEqualTo("pro");
                assertThat(page.locator("[data-status]").innerText()).isEqualTo("Active");
                assertThat(page.locator("#current-title").locator("xpath=..").innerText()).contains("Renews on");
                // Newest first: the paid invoice, then the one voided by the failed payment.
                assertThat(page.locator("[data-invoice]").first().innerText()).contains("MODO-", "Paid", "Rp331,890");
                assertThat(page.locator("[data-invoice]").nth(1).innerText()).contains("Void");
                assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(5000);
                Chromium.screenshot(page, "billing-active-phone");

                Download download = page.waitForDownload(() -> page.locator("[data-invoice] a").first().click());
                try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                    assertThat(new PDFTextStripper().getText(pdf)).contains("Pro plan (monthly)", "VAT (PPN) 11%");
                }

                // The credits page on the same phone: the ledger table scrolls inside its card, the page never gets wider.
                page.navigate(url("/organizations/" + owner.org() + "/credits"));
                assertThat(page.locator(".ledger-table").innerText()).contains("+5,000");
                assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(375);

                page.navigate(url("/organizations/" + owner.org() + "/billing?lang=id"));
                assertThat(page.locator("h1").innerText()).isEqualTo("Tagihan");
                assertThat(page.locator("[data-status]").innerText()).isEqualTo("Aktif");
                assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Batalkan di akhir periode")).isVisible()).isTrue();
                assertThat(errors).isEmpty();
            } catch (AssertionError | RuntimeException e) {
                Chromium.screenshot(page, "billing-failure");
                throw e;
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
