package id.modo.verse.organization;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestSmtp;
import id.modo.verse.support.Users;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The organization page in a real browser: the owner edits the profile and invites a teammate, who
 * joins from the mailed link; the owner makes them an admin, which they see on their phone, in
 * Bahasa Indonesia; an outsider gets the 404 page.
 */
@IntegrationTest
class OrganizationPagesBrowserTests {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/invitations/accept\\?token=[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Test
    void theOwnerRunsTheOrganizationFromItsPageAndOutsidersSeeNothing() {
        Http http = new Http(port);
        Users users = new Users(http);
        String ownerEmail = Users.uniqueEmail("orgpage-owner");
        users.register(ownerEmail, "Oka Owner");
        String org = OrganizationFixtures.createOrganization(http.withBearer(users.login(ownerEmail, Users.PASSWORD)), "Studio Garuda Biru");
        String teammate = Users.uniqueEmail("orgpage-mate");
        users.register(teammate, "Tari Teammate");
        String outsider = Users.uniqueEmail("orgpage-outsider");
        users.register(outsider, "Ucok Outsider");

        try (BrowserContext ownerContext = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"));
             BrowserContext mateContext = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 812).setLocale("en-US"));
             BrowserContext outsiderContext = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = ownerContext.newPage();
            Page matePage = mateContext.newPage();
            Page outsiderPage = outsiderContext.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, ownerEmail, "/dashboard");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Studio Garuda Biru")).click();
                page.waitForURL(u -> u.endsWith("/organizations/" + org));
                assertThat(page.locator("h1").innerText()).isEqualTo("Studio Garuda Biru");
                assertThat(page.locator(".account__head").innerText()).contains("Your role: Owner");

                // Profile: a bad website is refused with the reason, a good one saved.
                page.getByLabel("Description").fill("Animated folklore from Flores.");
                page.getByLabel("Website").fill("garuda-biru.example");
                page.getByLabel("Billing email").fill("finance@garuda-biru.example");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
                assertThat(page.locator(".field__error").innerText()).contains("starts with http:// or https://");
                assertThat(page.getByLabel("Description").inputValue()).isEqualTo("Animated folklore from Flores.");
                page.getByLabel("Website").fill("https://garuda-biru.example");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
                page.waitForURL(u -> u.contains("saved=profile"));
                assertThat(page.locator(".alert--success").innerText()).isEqualTo("The profile is saved.");
                assertThat(page.getByLabel("Website").inputValue()).isEqualTo("https://garuda-biru.example");

                // Invite the teammate as an editor.
                page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true)).fill(teammate);
                page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("editor");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
                page.waitForURL(u -> u.contains("saved=invited"));
                Locator invitation = page.locator("#invitations .session-list__item", new Page.LocatorOptions().setHasText(teammate));
                assertThat(invitation.innerText()).contains("Pending", "Editor", "open until");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-organization-owner");
                throw e;
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> invitationLink(teammate).isPresent());
            String link = invitationLink(teammate).orElseThrow();
            try {
                signIn(matePage, teammate, link);
                matePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and join")).click();
                matePage.waitForURL(u -> u.contains("joined="));
                matePage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Studio Garuda Biru")).click();
                matePage.waitForURL(u -> u.endsWith("/organizations/" + org));
                assertThat(matePage.locator(".account__head").innerText()).contains("Your role: Editor");
                assertThat(matePage.locator("#invite-email").count()).as("editors do not invite").isZero();
                assertThat(matePage.locator("#org-name").count()).as("editors see the profile read-only").isZero();
                assertThat(matePage.locator(".org-facts").innerText()).contains("https://garuda-biru.example");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(matePage, "failure-organization-teammate");
                throw e;
            }

            try {
                page.reload();
                assertThat(page.locator("#invitations .session-list__item", new Page.LocatorOptions().setHasText(teammate)).innerText())
                        .contains("Accepted");
                Locator row = page.locator("#members .session-list__item", new Page.LocatorOptions().setHasText(teammate));
                assertThat(row.innerText()).contains("Tari Teammate");
                assertThat(row.locator("select").inputValue()).isEqualTo("editor");
                row.getByLabel("Role for Tari Teammate").selectOption("admin");
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change")).click();
                page.waitForURL(u -> u.contains("saved=role"));
                assertThat(page.locator(".alert--success").innerText()).isEqualTo("The role is changed.");
                assertThat(page.locator("#members .session-list__item", new Page.LocatorOptions().setHasText(teammate)).locator("select")
                        .inputValue()).isEqualTo("admin");
                Chromium.screenshot(page, "organization-desktop-en");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-organization-role");
                throw e;
            }

            try {
                // The teammate reloads, in Bahasa Indonesia this time, and is now an admin who manages invitations.
                matePage.navigate(url("/organizations/" + org + "?lang=id"));
                assertThat(matePage.locator(".account__head").innerText()).contains("Peran Anda: Admin");
                assertThat(matePage.locator("#invitations").innerText()).contains(teammate, "Diterima");
                assertThat(matePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim undangan")).isVisible()).isTrue();
                Chromium.screenshot(matePage, "organization-phone-id");
                assertThat((Integer) matePage.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling on a phone")
                        .isLessThanOrEqualTo(375);
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(matePage, "failure-organization-teammate-admin");
                throw e;
            }

            try {
                signIn(outsiderPage, outsider, "/dashboard");
                Response response = outsiderPage.navigate(url("/organizations/" + org));
                assertThat(response.status()).isEqualTo(404);
                assertThat(outsiderPage.locator("h1").innerText()).isEqualTo("Page not found");
                assertThat(outsiderPage.content()).doesNotContain("Studio Garuda Biru");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(outsiderPage, "failure-organization-outsider");
                throw e;
            }
            // The refused website (400) shows as a failed resource; nothing else may fail.
            assertThat(errors).allMatch(e -> e.contains("status of 400"), "only the expected 400");
        }
    }

    private void signIn(Page page, String email, String next) {
        page.navigate(url("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }

    /** The path of the link in the invitation mail to this address (other mails to it are not invitations). */
    private static Optional<String> invitationLink(String email) {
        return TestSmtp.get().messagesTo(email).stream()
                .map(TestSmtp::text)
                .filter(text -> text != null && text.contains("/invitations/accept?token="))
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
