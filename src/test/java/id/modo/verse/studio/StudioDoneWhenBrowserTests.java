package id.modo.verse.studio;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.ai.AiGatewayTest;
import id.modo.verse.ai.OpenAiWire;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.RequiredFfmpeg;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Issue 16's "Done when" walked in one browser session as a creator would, against WireMock speaking OpenAI's wire
 * format: the beats generated (streamed chat completion) and accepted, a character's picture generated (images API)
 * and taken, a moodboard picture generated for a beat, the story's animatic rendered with ffmpeg and played, a
 * prediction made, and the bible PDF made, downloaded and read back.
 */
@AiGatewayTest
class StudioDoneWhenBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCreatorGoesFromBeatsToTheBiblePdfWithAnOpenAiCompatibleProvider() throws Exception {
        RequiredFfmpeg.installation();
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("done-when");
        String marker = "done-when-" + UUID.randomUUID();
        Http owner = studio.asOwner();
        String project = fixtures.project(owner, studio.organizationId(), "Kancil " + marker, "team");
        assertThat(owner.call("PUT", "/api/v1/projects/" + project + "/story/beats", "{\"base_version\":0,\"structure\":\"three_act\"}")
                .statusCode()).isEqualTo(200);
        String character = Http.json(owner.postJson("/api/v1/projects/" + project + "/characters",
                "{\"name\":\"Kancil\",\"physiological\":{\"hair_color\":\"golden brown\"}}")).get("id").asString();
        List<StubMapping> stubs = new ArrayList<>();
        stubs.add(TestGateways.server().stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY))
                .withRequestBody(containing(marker)).withRequestBody(containing("Break this story"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(OpenAiWire.stream(
                        "{\"beats\":[{\"name\":\"setup\",\"description\":\"Kancil is hungry by the river.\",\"intensity\":1},",
                        "{\"name\":\"resolution\",\"description\":\"Kancil crosses on the crocodiles' backs.\",\"intensity\":3}]}")))));
        // the prediction's suggestions, asked for in the background once a provider is there
        stubs.add(TestGateways.server().stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5)
                .withRequestBody(containing(marker)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OpenAiWire.completion("Show the teaser to the fans of the folk tale first.")))));
        stubs.add(TestGateways.server().stubFor(post(urlEqualTo("/v1/images/generations"))
                .withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OpenAiWire.image(png())))));
        String base = "http://localhost:" + port + "/projects/" + project;
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-US").setAcceptDownloads(true))) {
            Page page = context.newPage();
            try {
                signIn(page, studio.owner().email(), "/projects/" + project + "/story");
                // Beats are made from the synopsis: without one the button says so, in the reader's words.
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate the beats (10 credits)")).click();
                page.getByText("Write or generate the synopsis first (Story tab, under Story details): this is made from it.").waitFor();
                assertThat(owner.call("PATCH", "/api/v1/projects/" + project + "/story",
                        "{\"base_version\":0,\"synopsis\":\"Kancil tricks the crocodiles into a bridge.\"}").statusCode()).isEqualTo(200);
                page.reload();

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate the beats (10 credits)")).click();
                page.waitForURL(url -> url.contains("/ai/proposals/"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")).click();
                page.waitForURL(url -> url.contains("ai=accepted"));
                assertThat(page.locator("#beat-setup").inputValue()).isEqualTo("Kancil is hungry by the river.");

                page.navigate(base + "/characters/" + character);
                page.locator(".character-picture__form button").click();
                page.waitForURL(url -> url.contains("notice=drawing"));
                Locator use = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this picture"));
                use.waitFor(new Locator.WaitForOptions().setTimeout(90_000));
                use.click();
                page.waitForURL(url -> url.contains("notice=accepted"));
                assertThat(page.locator(".character-images__item--main img").count()).isEqualTo(1);

                page.navigate(base + "/moodboard");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a picture")).first().click();
                page.waitForURL(url -> url.contains("notice=added"));
                page.locator("details.moodboard-edit summary").first().click();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate image with AI · 12 credits")).first().click();
                page.waitForURL(url -> url.contains("notice=generating"));
                // the page follows the drawing and shows the picture once it is made
                page.locator("[id^=item-] img").first().waitFor(new Locator.WaitForOptions().setTimeout(90_000));
                assertThat(jdbc.sql("select count(*) from moodboards where project_id = ? and image_url is not null and status = 'completed'")
                        .param(UUID.fromString(project)).query(Integer.class).single()).isEqualTo(1);

                page.navigate(base + "/animatic");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Render the story")).click();
                page.locator("video").waitFor(new Locator.WaitForOptions().setTimeout(300_000));
                Object played = page.evaluate("""
                        async () => { const video = document.querySelector('video'); video.muted = true; await video.play();
                          await new Promise(done => setTimeout(done, 1500)); return [video.readyState, video.currentTime]; }""");
                assertThat(((Number) ((List<?>) played).get(0)).intValue()).as("readyState").isGreaterThanOrEqualTo(2);
                assertThat(((Number) ((List<?>) played).get(1)).doubleValue()).as("currentTime").isPositive();
                Chromium.screenshot(page, "studio-done-when-animatic");

                page.navigate(base + "/prediction");
                page.locator("input[name=production_budget]").fill("16000000000");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Predict")).click();
                page.getByText("Latest prediction").waitFor();
                assertThat(page.locator("main").innerText()).contains("The most similar real films");

                page.navigate(base + "/bible");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate PDF")).click();
                Locator ready = page.locator("[data-bible-download]");
                ready.waitFor(new Locator.WaitForOptions().setTimeout(120_000));
                Download download = page.waitForDownload(ready::click);
                try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                    assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
                    assertThat(new PDFTextStripper().getText(pdf)).contains("Structure and beats", "Characters", "Moodboard",
                            "Audience prediction", "Kancil is hungry by the river.");
                }
                Chromium.screenshot(page, "studio-done-when-bible");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-studio-done-when");
                throw e;
            } finally {
                stubs.forEach(TestGateways.server()::removeStub);
            }
        }
    }

    private static String png() throws java.io.IOException {
        BufferedImage picture = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                picture.setRGB(x, y, (x * 255 / 320) << 16 | (y * 255 / 180) << 8 | 96);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private void signIn(Page page, String email, String next) {
        page.navigate("http://localhost:" + port + "/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }
}
