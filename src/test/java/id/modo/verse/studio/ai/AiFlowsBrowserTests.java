package id.modo.verse.studio.ai;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.ai.AiGatewayTest;
import id.modo.verse.ai.OpenAiWire;
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
 * The "generate beats, accept them" in a browser, against a local OpenAI-compatible stub that streams its
 * answer: the Story tab offers "Generate the beats (10 credits)", the JSON streams in, the review page shows the word
 * diff, Accept makes the beats the story's current text. The review page is checked at 390 px too.
 */
@AiGatewayTest
class AiFlowsBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWriterGeneratesTheBeatsReviewsTheDiffAndAcceptsThem() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("ai-beats");
        String marker = "beats-" + UUID.randomUUID();
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil " + marker, "team");
        Http owner = studio.asOwner();
        assertThat(owner.call("PUT", "/api/v1/projects/" + project + "/story/beats", "{\"base_version\":0,\"structure\":\"three_act\"}")
                .statusCode()).isEqualTo(200);
        assertThat(owner.call("PATCH", "/api/v1/projects/" + project + "/story",
                "{\"base_version\":0,\"synopsis\":\"Kancil tricks the crocodiles into a bridge.\"}").statusCode()).isEqualTo(200);
        String[] tokens = {"{\"beats\":[{\"name\":\"setup\",", "\"description\":\"Kancil is hungry by the river.\",\"intensity\":1},",
                "{\"name\":\"resolution\",\"description\":\"Kancil crosses on the crocodiles' backs.\",\"intensity\":3}]}"};
        StubMapping stub = TestGateways.server().stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withFixedDelay(300)
                        .withBody(OpenAiWire.stream(tokens))));
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner().email(), "/projects/" + project + "/story");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate the beats (10 credits)")).click();
                page.waitForURL(url -> url.contains("/ai/proposals/"));
                assertThat(page.locator(".studio-ai__diff ins").allInnerTexts()).anyMatch(text -> text.contains("hungry"));
                assertThat(jdbc.sql("select structure_beats::text from stories where project_id = ?").param(UUID.fromString(project))
                        .query(String.class).single()).doesNotContain("hungry");
                Chromium.screenshot(page, "studio-ai-review-desktop");
                page.setViewportSize(390, 844);
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
                Chromium.screenshot(page, "studio-ai-review-phone");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")).click();
                page.waitForURL(url -> url.contains("ai=accepted"));
                assertThat(page.locator("#beat-setup").inputValue()).isEqualTo("Kancil is hungry by the river.");
                assertThat(page.locator("#beat-resolution").inputValue()).isEqualTo("Kancil crosses on the crocodiles' backs.");
                // The story page with its Generate forms, and the AI tab with the settings form, fit a phone.
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
                page.navigate("http://localhost:" + port + "/projects/" + project + "/ai");
                page.getByLabel("Tone").fill("warm and witty");
                page.getByLabel("Monthly credit allotment").fill("40");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
                page.waitForURL(url -> url.contains("saved=true"));
                assertThat(page.getByLabel("Tone").inputValue()).isEqualTo("warm and witty");
                assertThat(page.locator("body").innerText()).contains("Credits used this month: 10 of 40");
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
                Chromium.screenshot(page, "studio-ai-settings-phone");
                assertThat(errors).as("console errors").isEmpty();
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-studio-ai-beats");
                throw e;
            } finally {
                TestGateways.server().removeStub(stub);
            }
        }
        assertThat(jdbc.sql("select count(*) from studio_versions where project_id = ? and source = 'ai' and is_current and section = 'beats'")
                .param(UUID.fromString(project)).query(Integer.class).single()).isEqualTo(1);
    }

    private void signIn(Page page, String email, String next) {
        page.navigate("http://localhost:" + port + "/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }
}
