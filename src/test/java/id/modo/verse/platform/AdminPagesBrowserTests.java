package id.modo.verse.platform;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform admin finds an account, suspends it (the person is signed out in their own browser
 * at once) and restores it; reads a mail in the outbox. Only admins see the Admin link.
 */
@IntegrationTest
class AdminPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminSuspendsAndRestoresAnAccountAndReadsTheOutbox() {
        Users users = new Users(new Http(port));
        Users.Signed admin = users.signUpAndIn("pages-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        String victimEmail = Users.uniqueEmail("pages-victim");
        users.register(victimEmail, "Bayu Pratama");

        try (BrowserContext adminContext = newContext("en-US"); BrowserContext victimContext = newContext("id-ID")) {
            Page victim = victimContext.newPage();
            signIn(victim, victimEmail);
            assertThat(victim.locator(".header-account a[href='/admin']").count()).isZero();
            assertThat(victim.navigate(url("/admin")).status()).as("a member is refused").isEqualTo(403);

            Page page = adminContext.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, admin.email());
                page.locator(".header-account a[href='/admin']").click();
                page.waitForURL(u -> u.endsWith("/admin"));
                page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(victimEmail.toUpperCase());
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
                page.waitForURL(u -> u.contains("q="));
                Locator rows = page.locator(".admin-list .session-list__item");
                assertThat(rows.count()).isEqualTo(1);
                assertThat(rows.first().innerText()).contains("Bayu Pratama", victimEmail, "Active");
                Chromium.screenshot(page, "admin-users-desktop-en");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend " + victimEmail)).click();
                page.waitForURL(u -> u.contains("done=suspended"));
                assertThat(page.locator(".alert--success").innerText()).contains("Bayu Pratama is suspended");
                assertThat(rows.first().innerText()).contains("Suspended");
                assertThat(page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).inputValue()).as("the search is kept").isEqualTo(victimEmail.toUpperCase());

                // The suspended person's browser session ends at once.
                victim.navigate(url("/account"));
                assertThat(victim.url()).contains("/signin");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore " + victimEmail)).click();
                page.waitForURL(u -> u.contains("done=restored"));
                assertThat(page.locator(".alert--success").innerText()).contains("Bayu Pratama can sign in again");
                assertThat(rows.first().innerText()).contains("Active");

                // Suspending oneself is refused on the page too.
                page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(admin.email());
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend " + admin.email())).click();
                assertThat(page.locator(".alert--error").innerText()).contains("cannot suspend your own account");

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail outbox")).click();
                page.waitForURL(u -> u.endsWith("/admin/mail"));
                Locator mail = page.locator(".admin-list .session-list__item").filter(new Locator.FilterOptions().setHasText(victimEmail)).first();
                assertThat(mail.innerText()).contains("Confirm your email address", "verify-email");
                Chromium.screenshot(page, "admin-mail-desktop-en");
                mail.locator("a").click();
                page.waitForURL(u -> u.contains("/admin/mail/"));
                assertThat(page.locator(".mail-text").innerText()).contains("/verify-email?token=");
                assertThat(errors).isEmpty();
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-admin-pages");
                throw e;
            }

            // Signed in again, the restored person still sees no Admin link, and the admin page in Indonesian.
            signIn(victim, victimEmail);
            assertThat(victim.locator(".header-account a[href='/admin']").count()).isZero();
        }
    }

    @Test
    void theAdminPagesSpeakIndonesianAndAskAnonymousVisitorsToSignIn() {
        Users users = new Users(new Http(port));
        Users.Signed admin = users.signUpAndIn("pages-admin-id");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        try (BrowserContext context = newContext("id-ID")) {
            Page page = context.newPage();
            page.navigate(url("/admin/mail"));
            assertThat(page.url()).contains("/signin?next=");
            signIn(page, admin.email());
            page.navigate(url("/admin?lang=id"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Pengguna");
            assertThat(page.locator(".header-account a[href='/admin']").innerText()).isEqualTo("Admin");
            assertThat(page.getByLabel("Cari").isVisible()).isTrue();
            Chromium.screenshot(page, "admin-users-desktop-id");
        }
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/signin"));
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(Users.PASSWORD);
        page.locator("form[action='/signin'] button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/signin"));
    }

    private BrowserContext newContext(String locale) {
        return Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale(locale));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
