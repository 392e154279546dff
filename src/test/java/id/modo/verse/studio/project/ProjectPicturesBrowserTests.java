package id.modo.verse.studio.project;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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

import static org.assertj.core.api.Assertions.assertThat;

/** A producer gives the project a mood thumbnail on its overview and sees it on the project's card; a wrong file is told. */
@IntegrationTest
class ProjectPicturesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMoodThumbnailUploadedOnTheOverviewIsTheCardsPicture() throws IOException {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("pictures");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Bawang Merah", "team");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 812)
                .setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            page.navigate("http://localhost:" + port + "/signin?next=/projects/" + project);
            page.getByLabel("Email").fill(studio.owner().email());
            page.getByLabel("Password").fill(Users.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(u -> u.endsWith("/projects/" + project));

            page.locator("#picture-thumbnail_mood").setInputFiles(new FilePayload("notes.txt", "text/plain", "not a picture".getBytes()));
            page.locator("form[action$='/pictures/thumbnail_mood'] button[type=submit]").click();
            page.waitForURL(u -> u.contains("picture_error=image"));
            assertThat(page.getByRole(AriaRole.ALERT).innerText()).contains("Choose a picture");

            page.locator("#picture-thumbnail_mood").setInputFiles(new FilePayload("mood.png", "image/png", png()));
            page.locator("form[action$='/pictures/thumbnail_mood'] button[type=submit]").click();
            page.waitForURL(u -> u.contains("saved=true"));
            assertThat(page.locator(".studio-picture__image").count()).isEqualTo(1);
            assertThat((Boolean) page.locator(".studio-picture__image").evaluate("img => img.complete && img.naturalWidth > 0")).isTrue();
            String stored = jdbc.sql("select thumbnail_mood from projects where id = cast(? as uuid)").param(project)
                    .query(String.class).single();
            assertThat(stored).matches("/media/[0-9a-f-]{36}");

            page.navigate("http://localhost:" + port + "/organizations/" + studio.organizationId() + "/projects");
            var thumbnail = page.locator(".studio-card img.studio-card__thumb");
            assertThat(thumbnail.count()).isEqualTo(1);
            thumbnail.scrollIntoViewIfNeeded();
            page.waitForCondition(() -> (Boolean) thumbnail.evaluate("img => img.complete && img.naturalWidth > 0"));

            page.navigate("http://localhost:" + port + "/projects/" + project);
            page.locator("form[action$='/pictures/thumbnail_mood/remove'] button[type=submit]").click();
            page.waitForURL(u -> u.contains("saved=true"));
            assertThat(page.locator(".studio-picture__image").count()).isZero();
            assertThat(jdbc.sql("select count(*) from assets where project_id = cast(? as uuid)").param(project)
                    .query(Integer.class).single()).isZero();
            assertThat(errors).isEmpty();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2f, 0x80, 0x5a));
        g.fillRect(0, 0, 160, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
