package id.modo.verse.ai;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The AI keys and usage pages in a real browser, on a phone (390 px) and a laptop (1280 px): nothing wider than the screen. */
@IntegrationTest
class AiPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationKeys keys;

    AiFixtures fixtures;

    @AfterEach
    void removeKeys() {
        fixtures.removeKeys();
    }

    @Test
    void bothPagesFitAPhoneAndALaptop() {
        fixtures = new AiFixtures(jdbc, new Http(port));
        // A short name, as the shared header fits a name of a few words at 1280 px.
        AiFixtures.Person owner = fixtures.person("aib");
        String org = fixtures.organization("byok");
        fixtures.member(org, owner, "owner");
        keys.store(OrganizationId.of(UUID.fromString(org)), UserId.of(UUID.fromString(owner.id())), ProviderKind.ANTHROPIC, "Studio Anthropic",
                "sk-ant-api03-" + UUID.randomUUID());
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString();
        for (int day = 1; day <= 12; day++) {
            fixtures.usage(org, owner, day % 3 == 0 ? "character_image" : "synopsis", day % 4 == 0 ? "error" : "success", day % 4 == 0 ? 0 : 3,
                    100 * day, 80 * day, java.time.Instant.now().minus(java.time.Duration.ofDays(day)).toString());
        }
        for (int width : List.of(390, 1280)) {
            try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 844).setLocale("en-US"))) {
                Page page = context.newPage();
                List<String> errors = Chromium.consoleErrors(page);
                try {
                    page.navigate(url("/signin?next=/organizations/" + org + "/ai/keys"));
                    page.getByLabel("Email").fill(owner.signed().email());
                    page.getByLabel("Password").fill(Users.PASSWORD);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                    page.waitForURL(u -> u.endsWith("/ai/keys"));
                    assertThat(page.locator(".ai-keys").innerText()).contains("Anthropic", "Studio Anthropic", "No key");
                    assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(width);
                    Chromium.screenshot(page, "ai-keys-" + width);

                    page.navigate(url("/organizations/" + org + "/ai/usage"));
                    assertThat(page.locator(".ai-chart__bar").count()).isGreaterThanOrEqualTo(10);
                    assertThat(page.locator(".ai-totals").innerText()).contains("27");
                    assertThat(page.locator("#ai-usage-to").inputValue()).isEqualTo(today);
                    assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(width);
                    Chromium.screenshot(page, "ai-usage-" + width);
                    assertThat(errors).isEmpty();
                } catch (AssertionError | RuntimeException e) {
                    Chromium.screenshot(page, "ai-failure-" + width);
                    throw e;
                }
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
