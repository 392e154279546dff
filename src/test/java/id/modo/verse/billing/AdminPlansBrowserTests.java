package id.modo.verse.billing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform admin edits a plan on the admin plans page; a bad price is refused and nothing changes; Indonesian too. */
@IntegrationTest
@Import(BillingTestClock.class)
class AdminPlansBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminChangesAPlansCreditsAndABadPriceIsRefused() {
        Users.Signed admin = new Users(new Http(port)).signUpAndIn("plans-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            page.navigate("http://localhost:" + port + "/signin?next=/admin/plans");
            page.getByLabel("Email").fill(admin.email());
            page.getByLabel("Password").fill(Users.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(u -> u.endsWith("/admin/plans"));
            var team = page.locator("section[data-plan=team]");
            team.getByLabel("Monthly price (IDR)").fill("-5");
            team.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save plan")).click();
            assertThat(page.locator(".alert--error").innerText()).contains("team", "monthly_price");
            assertThat(jdbc.sql("select monthly_price::text from plans where key = 'team'").query(String.class).single()).isEqualTo("899000.00");

            page.locator("section[data-plan=team]").getByLabel("AI credits a month").fill("25000");
            page.locator("section[data-plan=team]").getByRole(AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save plan")).click();
            page.waitForURL(u -> u.contains("saved=team"));
            assertThat(page.locator(".alert--success").innerText()).isEqualTo("Plan team saved.");
            assertThat(jdbc.sql("select monthly_credits from plans where key = 'team'").query(Integer.class).single()).isEqualTo(25000);
            assertThat(jdbc.sql("select monthly_price::text from plans where key = 'team'").query(String.class).single()).isEqualTo("899000.00");

            page.navigate("http://localhost:" + port + "/admin/plans?lang=id");
            assertThat(page.locator("h1").innerText()).isEqualTo("Paket");
            // Back as shipped, for the other tests.
            page.locator("section[data-plan=team]").getByLabel("Kredit AI per bulan").fill("20000");
            page.locator("section[data-plan=team]").getByRole(AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Simpan paket")).click();
            page.waitForURL(u -> u.contains("saved=team"));
            assertThat(jdbc.sql("select monthly_credits from plans where key = 'team'").query(Integer.class).single()).isEqualTo(20000);
            // The refused form is answered 400, which the browser logs; nothing else went wrong.
            assertThat(errors).allMatch(error -> error.contains("status of 400"));
        }
    }
}
