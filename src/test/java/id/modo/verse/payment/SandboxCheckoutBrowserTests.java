package id.modo.verse.payment;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.probe.PaymentProbes.DeliveredPaymentEvents;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox checkout in a real browser: the payer opens the page a module sent them to, sees it is a test payment,
 * clicks Pay and lands back on the site with the payment completed and its event delivered exactly once.
 */
@IntegrationTest
class SandboxCheckoutBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    DeliveredPaymentEvents delivered;

    @Test
    void thePayerPaysOnTheSandboxPageAndThePaymentCompletesOnce() {
        Browser browser = Chromium.browser();
        Users.Signed payer = new Users(new Http(port)).signUpAndIn("sandbox-browser");
        Http http = new Http(port).withBearer(payer.token());
        var started = SandboxPaymentsIntegrationTests.start(http, null, "125000");
        PaymentId id = PaymentId.of(UUID.fromString(started.get("payment_id").asString()));

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("id-ID"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            page.navigate(url("/signin?next=" + started.get("redirect_url").asString()));
            page.locator("input[name=email]").fill(payer.email());
            page.locator("input[type=password]").fill(Users.PASSWORD);
            page.locator("form button[type=submit]").first().click();
            page.waitForURL(u -> u.contains("/payments/sandbox/" + id));
            page.navigate(url("/payments/sandbox/" + id + "?lang=id"));
            assertThat(page.locator(".alert").first().innerText()).contains("Pembayaran uji coba");
            page.navigate(url("/payments/sandbox/" + id + "?lang=en"));
            assertThat(page.locator(".alert").first().innerText()).contains("Test payments — no money moves");
            Chromium.screenshot(page, "sandbox-checkout");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay").setExact(true)).click();
            page.waitForURL(u -> u.contains("/dashboard?paid"));
            assertThat(errors).isEmpty();
        }
        assertThat(json(http.get("/api/v1/payments/" + id, "application/json")).get("status").asString()).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
        // Back on the page afterwards: nothing left to click.
        assertThat(delivered.of(PaymentCompleted.class, id)).hasSize(1);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
