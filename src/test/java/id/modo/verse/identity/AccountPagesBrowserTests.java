package id.modo.verse.identity;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import id.modo.verse.support.TestSmtp;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A person signs up, lands on their account, signs out and back in, in a real browser. */
@IntegrationTest
class AccountPagesBrowserTests {


    @LocalServerPort
    int port;

    @Test
    void signUpSignOutAndSignInAgain() {
        String email = Users.uniqueEmail("browser");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                page.navigate(url("/account"));
                assertThat(page.url()).as("the account page asks to sign in first").contains("/signin?next=%2Faccount");

                page.navigate(url("/signup"));
                page.getByLabel("Name").fill("Rina Wijaya");
                page.getByLabel("Email").fill(email);
                page.getByLabel("Password").fill("password");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Create account")).click();
                assertThat(page.locator(".field__error").first().innerText()).contains("Choose another password");
                assertThat(page.getByLabel("Email").inputValue()).isEqualTo(email);

                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Create account")).click();
                page.waitForURL(u -> u.contains("/dashboard"));
                assertThat(page.locator("h2").first().innerText()).isEqualTo("Start with an organization");
                page.getByLabel("Organization name").fill("Studio Kancil Animasi");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Create organization")).click();
                page.waitForURL(u -> u.contains("created="));
                assertThat(page.locator(".alert--success").innerText()).startsWith("Your organization is ready at modo/studio-kancil-animasi");
                assertThat(page.locator(".session-list__item").innerText()).contains("Studio Kancil Animasi", "Owner");
                Chromium.screenshot(page, "dashboard-desktop-en");

                page.navigate(url("/account"));
                assertThat(page.locator("h1").innerText()).isEqualTo("Hello, Rina Wijaya");
                assertThat(page.locator(".session-list__item").count()).isEqualTo(1);
                assertThat(page.locator(".tag").first().innerText()).isEqualTo("Not verified yet");

                // The verification mail, as the SMTP server received it; its link points at the public URL.
                await().atMost(Duration.ofSeconds(20)).until(() -> !TestSmtp.get().messagesTo(email).isEmpty());
                Matcher link = Pattern.compile("http://localhost:8080(/verify-email\\?token=[A-Za-z0-9_-]+)")
                        .matcher(TestSmtp.text(TestSmtp.get().messagesTo(email).getFirst()));
                assertThat(link.find()).isTrue();
                page.navigate(url(link.group(1)));
                assertThat(page.locator("h1").innerText()).isEqualTo("Email verified");
                page.navigate(url("/account"));
                assertThat(page.locator(".tag").first().innerText()).isEqualTo("Verified");
                Chromium.screenshot(page, "account-desktop-en");

                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign out").setExact(true)).last().click();
                page.waitForURL(u -> !u.contains("/account"));
                page.navigate(url("/account"));
                assertThat(page.url()).contains("/signin");

                page.getByLabel("Email").fill(email);
                page.getByLabel("Password").fill("wrong-password");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                assertThat(page.locator(".alert--error").innerText()).isEqualTo("The email or the password is wrong.");

                page.getByLabel("Email").fill(email);
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(u -> u.endsWith("/account"));
                assertThat(page.locator("h1").innerText()).isEqualTo("Hello, Rina Wijaya");
                page.navigate(url("/dashboard"));
                assertThat(page.locator(".session-list__item").innerText()).contains("Studio Kancil Animasi");
                // The refused password (400) and the wrong one (401) are reported by Chromium as failed resources; nothing else may fail.
                assertThat(errors).allMatch(e -> e.contains("status of 400") || e.contains("status of 401"), "only the expected 400 and 401");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-account-flow");
                throw e;
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
