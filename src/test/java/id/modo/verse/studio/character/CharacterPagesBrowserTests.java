package id.modo.verse.studio.character;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A writer adds characters with a picture and a relationship and sees them in the graph; then fills the universe. */
@IntegrationTest
class CharacterPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void charactersWithAPictureAndARelationshipShowInTheGraphAndTheUniverseSaves() throws IOException {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("graph");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Hikayat Kancil", "team");
        String base = "http://localhost:" + port;
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            page.navigate(base + "/signin?next=/projects/" + project + "/characters");
            page.getByLabel("Email").fill(studio.owner().email());
            page.getByLabel("Password").fill(Users.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(u -> u.endsWith("/characters"));
            assertThat(page.locator("#characters-title").innerText()).isEqualTo("Characters");
            assertThat(page.locator(".studio-tabs__link[aria-current=page]").innerText()).isEqualTo("Characters");

            addCharacter(page, "Kancil", "Protagonist");
            page.locator("#image-main").setInputFiles(new FilePayload("kancil.png", "image/png", png(Color.ORANGE)));
            page.locator(".character-images__item--main form button[type=submit]").click();
            page.waitForURL(u -> u.contains("notice=image"));
            assertThat(page.locator(".character-images__item--main img").getAttribute("src")).startsWith("/media/");
            assertThat(page.locator(".character-images__item--main img").evaluate("img => img.naturalWidth")).isEqualTo(64);

            // A section saves in place with htmx and shows its new version.
            Locator psychology = page.locator("#part-psychological");
            psychology.getByLabel("Fears").fill("The crocodile king");
            psychology.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#part-psychological .alert--success").innerText()).isEqualTo("Saved as version 1.");
            assertThat(page.locator("#part-psychological .studio-part__version").innerText()).contains("Version 1", "Test graph");

            page.navigate(base + "/projects/" + project + "/characters");
            addCharacter(page, "Buaya", "Antagonist");
            page.getByLabel("With", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Kancil"));
            page.getByLabel("Type", new Page.GetByLabelOptions().setExact(true)).selectOption("rival");
            page.getByLabel("Description (optional)").fill("The river crossing");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save relationship")).click();
            page.waitForURL(u -> u.contains("notice=related"));
            assertThat(page.locator(".relationship-list").innerText()).contains("Rival of Kancil", "The river crossing");

            page.navigate(base + "/projects/" + project + "/characters");
            Locator graph = page.locator("svg.relationship-graph");
            assertThat(graph.locator("text.label").allTextContents()).containsExactly("Kancil", "Buaya");
            assertThat(graph.locator("path.edge-rival").count()).isEqualTo(1);
            assertThat(graph.locator("desc").textContent()).contains("2 characters, 1 relationships.", "Buaya → Kancil: Rival");
            assertThat(page.locator(".character-card img").count()).as("Kancil's card shows the picture").isEqualTo(1);
            Chromium.screenshot(page, "characters-graph");

            // Move Buaya above Kancil with the keyboard-friendly button; the order is saved.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move Buaya up")).click();
            page.locator("[data-order-status]").filter(new Locator.FilterOptions().setHasText("saved")).waitFor();
            assertThat(jdbc.sql("select name from characters where project_id = cast(? as uuid) order by display_order").param(project)
                    .query(String.class).list()).containsExactly("Buaya", "Kancil");

            page.locator(".studio-tabs__link", new Page.LocatorOptions().setHasText("Universe")).click();
            page.waitForURL(u -> u.endsWith("/universe"));
            Locator rules = page.locator("#part-rules");
            rules.getByLabel("Magic system").fill("Animals speak at dusk");
            rules.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#part-rules .alert--success").innerText()).isEqualTo("Saved as version 1.");
            page.locator("#picture-visualizations-map_image").setInputFiles(new FilePayload("map.png", "image/png", png(Color.GREEN)));
            page.locator("form:has(#picture-visualizations-map_image) button[type=submit]").click();
            page.waitForURL(u -> u.contains("notice=image"));
            assertThat(page.locator("#pictures img").count()).isEqualTo(1);
            assertThat(errors).isEmpty();
        }

        // On a phone, in Indonesian: the page fits the screen and the graph reads in Bahasa Indonesia.
        try (BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 740).setLocale("id-ID"))) {
            Page page = phone.newPage();
            page.navigate(base + "/signin?next=/projects/" + project + "/characters");
            page.locator("input[type=email]").fill(studio.owner().email());
            page.locator("input[type=password]").fill(Users.PASSWORD);
            page.locator("form button[type=submit]").last().click();
            page.waitForURL(u -> u.endsWith("/characters"));
            assertThat(page.locator("#characters-title").innerText()).isEqualTo("Karakter");
            assertThat(page.locator("svg.relationship-graph title").first().textContent()).isEqualTo("Grafik hubungan");
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);
            Chromium.screenshot(page, "characters-graph-phone");
        }
    }

    private static void addCharacter(Page page, String name, String role) {
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(role));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add character")).click();
        try {
            page.waitForURL(u -> u.matches(".*/characters/[0-9a-f-]{36}$"), new Page.WaitForURLOptions().setTimeout(10_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("no character page after adding " + name + ": " + page.url() + "\n" + page.content(), e);
        }
        assertThat(page.locator("#character-title").innerText()).isEqualTo(name);
    }

    private static byte[] png(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
