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
                page.getByText("Create an account").click();
                page.getByLabel("Name").fill("Teguh Editor");
                page.getByLabel("Email").fill(teammate);
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
                page.waitForURL(u -> u.contains("/dashboard"));

                page.navigate(url(link.group(1)));
                assertThat(page.locator(".auth__lead").innerText()).contains("Studio Layang Layang", "Editor");
                Chromium.screenshot(page, "invitation-desktop-en");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and join")).click();
                page.waitForURL(u -> u.contains("joined="));
                assertThat(page.locator(".session-list__item").innerText()).contains("Studio Layang Layang", "Editor");

                // The link is single-use.
                page.navigate(url(link.group(1)));
                assertThat(page.locator(".alert--error").innerText()).contains("no longer open");
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
