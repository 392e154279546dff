package id.modo.verse.organization;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestSmtp;
import id.modo.verse.support.Users;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An owner invites a teammate, who signs up in another browser, follows the mailed link and joins. */
@IntegrationTest
class InvitationBrowserTests {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/invitations/accept\\?token=[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Test
    void theInvitedTeammateJoinsWithTheRoleTheyWereGiven() {
        Http http = new Http(port);
        Users.Signed owner = new Users(http).signUpAndIn("inv-browser-owner");
        Http asOwner = http.withBearer(owner.token());
        String org = json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Studio Layang Layang\"}")).get("id").asString();
        String teammate = Users.uniqueEmail("teammate");
        assertThat(asOwner.postJson("/api/v1/organizations/" + org + "/invitations", "{\"email\":\"" + teammate + "\",\"role\":\"editor\"}")
                .statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> !TestSmtp.get().messagesTo(teammate).isEmpty());
        Matcher link = LINK.matcher(TestSmtp.text(TestSmtp.get().messagesTo(teammate).getFirst()));
        assertThat(link.find()).isTrue();

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                page.navigate(url(link.group(1)));
                assertThat(page.url()).as("signing in comes first").contains("/signin?next=");
                assertThat(page.locator(".auth__invitation").innerText()).as("the sign-in page says why")
                        .contains("Studio Layang Layang", "Editor", teammate);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
                assertThat(page.url()).as("creating an account keeps where it leads").contains("/signup?next=");
                assertThat(page.locator(".auth__invitation").innerText()).contains("Studio Layang Layang");
                assertThat(page.getByLabel("Email").inputValue()).as("the invited address is filled in").isEqualTo(teammate);
                page.getByLabel("Name").fill("Teguh Editor");
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
                page.waitForURL(u -> u.contains("/invitations/accept"));
                assertThat(page.locator(".welcome-notice").innerText()).as("the new account is told to look for the mail").contains("We sent a link");
                assertThat(page.locator(".auth__title").innerText()).isEqualTo("You are invited");
                assertThat(page.locator(".auth__lead").innerText()).contains("Studio Layang Layang", "Editor");
                Chromium.screenshot(page, "invitation-desktop-en");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and join")).click();
                page.waitForURL(u -> u.contains("joined="));
                assertThat(page.locator(".session-list__item").innerText()).contains("Studio Layang Layang", "Editor");

                // The link is single-use.
                page.navigate(url(link.group(1)));
                assertThat(page.locator(".alert--error").innerText()).contains("no longer open");
                assertThat(page.locator(".auth__title").innerText()).as("a used link is not an invitation").isEqualTo("This invitation cannot be used");
                assertThat(errors).allMatch(e -> e.contains("status of 410"), "only the expected 410");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-invitation-flow");
                throw e;
            }
        }
        var members = json(asOwner.get("/api/v1/organizations/" + org + "/members", "application/json")).get("items");
        assertThat(members.valueStream().map(m -> m.get("email").asString() + ":" + m.get("role").asString()))
                .contains(teammate + ":editor");
    }

    /** Someone who signs in without the mail's link finds the invitation to their address on the dashboard. */
    @Test
    void aPendingInvitationWaitsOnTheDashboard() {
        Http http = new Http(port);
        Users users = new Users(http);
        Users.Signed owner = users.signUpAndIn("inv-dash-owner");
        Users.Signed invitee = users.signUpAndIn("inv-dash-invitee");
        Http asOwner = http.withBearer(owner.token());
        String org = json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Studio Wayang Digital\"}")).get("id").asString();
        String declined = json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Studio Ditolak\"}")).get("id").asString();
        for (String id : List.of(org, declined)) {
            assertThat(asOwner.postJson("/api/v1/organizations/" + id + "/invitations", "{\"email\":\"" + invitee.email().toUpperCase()
                    + "\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
        }

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-US"))) {
            Page page = context.newPage();
            try {
                page.navigate(url("/signin"));
                page.getByLabel("Email").fill(invitee.email());
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(u -> u.contains("/dashboard"));
                var invitations = page.locator(".dashboard-invitations__item");
                assertThat(invitations.count()).isEqualTo(2);
                Chromium.screenshot(page, "dashboard-invitations-phone-en");
                invitations.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Studio Ditolak"))
                        .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Decline")).click();
                page.waitForURL(u -> u.contains("declined"));
                assertThat(page.locator(".dashboard-invitations__item").count()).isEqualTo(1);
                page.locator(".dashboard-invitations__item").getByRole(AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accept and join")).click();
                page.waitForURL(u -> u.contains("joined="));
                assertThat(page.locator(".dashboard-invitations__item").count()).isZero();
                assertThat(page.locator(".session-list__item").innerText()).contains("Studio Wayang Digital", "Viewer");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-dashboard-invitations");
                throw e;
            }
        }
        // Another person's invitation, by its id, is not there for them.
        String other = json(asOwner.postJson("/api/v1/organizations/" + org + "/invitations", "{\"email\":\""
                + Users.uniqueEmail("someone-else") + "\",\"role\":\"admin\"}")).get("id").asString();
        var session = id.modo.verse.support.PageSession.signIn(http, invitee);
        var dashboard = session.get("/dashboard");
        assertThat(session.post("/dashboard/invitations/" + other + "/accept", dashboard, "", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadLinkIsNotHeadedAsAnInvitation() {
        Users.Signed someone = new Users(new Http(port)).signUpAndIn("inv-bad-link");
        var page = id.modo.verse.support.PageSession.signIn(new Http(port), someone).get("/invitations/accept?token=not-a-token");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("You are invited").contains("This invitation cannot be used");
        var signedOut = new Http(port).get("/signin?next=%2Finvitations%2Faccept%3Ftoken%3Dnot-a-token", "text/html");
        assertThat(signedOut.body()).doesNotContain("auth__invitation");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
