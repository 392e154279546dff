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
 * diff, Accept makes the beats the story's current text. The review page is checked at 390 px too. Then a character's
 * picture: generated from its profile, followed while it is made, accepted.
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

    @Test
    void aWriterGeneratesACharactersPictureWatchesItBeMadeAndAcceptsIt() throws java.io.IOException {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("ai-picture");
        String marker = "picture-" + UUID.randomUUID();
        Http owner = studio.asOwner();
        String project = fixtures.project(owner, studio.organizationId(), "Kancil", "team");
        String character = Http.json(owner.postJson("/api/v1/projects/" + project + "/characters",
                "{\"name\":\"Kancil\",\"physiological\":{\"hair_color\":\"golden brown " + marker + "\"}}")).get("id").asString();
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        StubMapping stub = TestGateways.server().stubFor(post(urlEqualTo("/v1/images/generations"))
                .withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(1500)
                        .withBody(OpenAiWire.image(java.util.Base64.getEncoder().encodeToString(png.toByteArray())))));
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            try {
                signIn(page, studio.owner().email(), "/projects/" + project + "/characters/" + character);
                page.locator(".character-picture__form button").click();
                page.waitForURL(url -> url.contains("notice=drawing"));
                // The job's progress is followed, then the page is read again with the made picture and its Accept.
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this picture"))
                        .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
                assertThat(page.locator("#picture-proposal img").count()).isEqualTo(1);
                assertThat(jdbc.sql("select image_url is null from characters where id = ?").param(UUID.fromString(character))
                        .query(Boolean.class).single()).as("nothing changes before the click").isTrue();
                Chromium.screenshot(page, "studio-character-picture-desktop");
                page.setViewportSize(390, 844);
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
                Chromium.screenshot(page, "studio-character-picture-phone");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this picture")).click();
                page.waitForURL(url -> url.contains("notice=accepted"));
                assertThat(page.locator(".character-images__item--main img").count()).isEqualTo(1);
                assertThat(jdbc.sql("select image_url from characters where id = ?").param(UUID.fromString(character))
                        .query(String.class).single()).startsWith("/media/");

                // The universe page offers its flow in Bahasa Indonesia, and on a phone every workspace tab is on screen.
                page.navigate("http://localhost:" + port + "/projects/" + project + "/universe?lang=id");
                assertThat(page.locator(".studio-ai__start").innerText()).startsWith("Buat semesta dari cerita");
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
                Object hidden = page.evaluate("""
                        () => [...document.querySelectorAll('.studio-tabs__link')].filter(a => a.getBoundingClientRect().right > window.innerWidth)
                            .map(a => a.textContent)""");
                assertThat((List<?>) hidden).as("tabs off screen: %s", hidden).isEmpty();
                Chromium.screenshot(page, "studio-universe-phone-id");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-studio-ai-picture");
                throw e;
            } finally {
                TestGateways.server().removeStub(stub);
            }
        }
    }

    private void signIn(Page page, String email, String next) {
        page.navigate("http://localhost:" + port + "/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }
}
