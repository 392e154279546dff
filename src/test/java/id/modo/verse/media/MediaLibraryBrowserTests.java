package id.modo.verse.media;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library in a real browser: the owner uploads a photo (shown as a thumbnail through its
 * signed URL), is told why a web page is refused, deletes the photo; the page in Bahasa Indonesia.
 */
@IntegrationTest
class MediaLibraryBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theOwnerUploadsSeesTheThumbnailIsToldWhatIsRefusedAndDeletes() {
        Http http = new Http(port);
        Users users = new Users(http);
        String email = Users.uniqueEmail("media-page");
        users.register(email, "Mira Media");
        var created = http.withBearer(users.login(email, Users.PASSWORD)).postJson("/api/v1/organizations", "{\"name\":\"Studio Lensa\"}");
        String org = Http.json(created).get("id").asString();

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                page.navigate(url("/signin?next=/organizations/" + org));
                page.getByLabel("Email").fill(email);
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(u -> u.endsWith("/organizations/" + org));
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Media library: images, audio, video and documents")).click();
                page.waitForURL(u -> u.endsWith("/organizations/" + org + "/media"));
                assertThat(page.locator(".empty-state").innerText()).contains("No files yet");

                page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("sunset.png", "image/png", MediaTestFiles.png(1200, 800)));
                page.getByLabel("Category (optional)").fill("moodboard");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
                page.waitForURL(u -> u.contains("done=uploaded"));
                assertThat(page.locator(".alert--success").innerText()).isEqualTo("The file was uploaded.");
                var thumbnail = page.locator(".media-tile img");
                assertThat(thumbnail.getAttribute("alt")).isEqualTo("sunset.png");
                assertThat(thumbnail.getAttribute("src")).contains("/thumbnail?expires=");
                page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnail.elementHandle());
                assertThat(((Number) thumbnail.evaluate("img => img.naturalWidth")).intValue()).isEqualTo(320);
                assertThat(page.locator(".media-tile").innerText()).contains("moodboard");

                page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("cute-cat.jpg", "image/jpeg",
                        "<html><body><script>alert(1)</script></body></html>".getBytes()));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
                assertThat(page.locator(".alert--error").innerText()).contains("This kind of file is not accepted");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete sunset.png")).click();
                page.waitForURL(u -> u.contains("done=deleted"));
                assertThat(page.locator(".media-tile").count()).isZero();

                page.navigate(url("/organizations/" + org + "/media?lang=id"));
                assertThat(page.locator("h1").innerText()).isEqualTo("Pustaka media");
                // The refused upload's page comes with its status (415), which the browser reports; nothing else may fail.
                assertThat(errors).allMatch(error -> error.contains("status of 415"));
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-media-library");
                throw e;
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
