package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when" in a browser at 1280 px: on the Story tab the synopsis offers "Generate with AI (3
 * credits)", the text streams in from the (local) provider, Accept puts it into the field, the writer saves, and the
 * organization's credits dropped by exactly the price shown.
 */
@AiGatewayTest
class AiGenerateBrowserTests {

    static final String[] TOKENS = {"Kancil ", "tricks the crocodiles ", "into a bridge ", "and reaches the orchard."};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;

    @Test
    void aWriterGeneratesTheSynopsisWatchesItStreamAcceptsAndSaves() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("ai-page");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Si Kancil", "team");
        String marker = "orchard-" + UUID.randomUUID();
        StubMapping stub = TestGateways.server().stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY)).withRequestBody(containing(marker))
                // The button asks for the page's language, which the template names to the model.
                .withRequestBody(containing("Language: English"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withFixedDelay(300)
                        .withBody(OpenAiWire.stream(TOKENS))));
        OrganizationId organization = OrganizationId.of(UUID.fromString(studio.organizationId()));
        int before = ledger.balances(organization).available();
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner().email(), "/projects/" + project + "/story");
                page.locator("#story-premise").fill("A mouse-deer must cross a river of crocodiles to reach the " + marker);
                var generate = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate with AI (3 credits)"));
                generate.click();
                page.waitForCondition(() -> page.locator(".ai-generate__text").innerText().startsWith("Kancil"));
                page.waitForCondition(() -> page.locator(".ai-generate__accept").isVisible());
                assertThat(page.locator(".ai-generate__text").innerText()).isEqualTo(String.join("", TOKENS));
                assertThat(errors).as("console errors while generating").isEmpty();
                page.locator(".ai-generate__accept").click();
                page.waitForCondition(() -> !page.locator("#story-synopsis").inputValue().isEmpty());
                assertThat(page.locator("#story-synopsis").inputValue()).isEqualTo(String.join("", TOKENS));
                page.locator("form[action$='/story/details'] button[type=submit]").click();
                page.waitForCondition(() -> page.locator("#details-status").innerText().contains("Version"));
                assertThat(errors).as("console errors while accepting and saving").isEmpty();
                // Screenshots come last: in earlier runs a full-page screenshot was followed by CSP refusals of an
                // empty inline style that the page itself never writes.
                Chromium.screenshot(page, "ai-generate-synopsis-desktop");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-ai-generate");
                throw e;
            } finally {
                TestGateways.server().removeStub(stub);
            }
        }
        assertThat(ledger.balances(organization).available()).isEqualTo(before - 3);
        assertThat(ledger.balances(organization).held()).isZero();
        assertThat(jdbc.sql("select synopsis from stories where project_id = ?").param(UUID.fromString(project)).query(String.class).single())
                .isEqualTo(String.join("", TOKENS));
    }

    private void signIn(Page page, String email, String next) {
        page.navigate("http://localhost:" + port + "/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }
}
