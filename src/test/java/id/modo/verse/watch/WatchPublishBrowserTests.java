package id.modo.verse.watch;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.RequiredFfmpeg;
import id.modo.verse.support.Users;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization's side of issue 17's "Done when", in a real browser at 1280 px: the owner creates a title on the
 * content manager page, uploads a generated 10 s video through the page's upload form, watches the transcoding
 * progress move on the page (server-sent events) until the page shows the video ready, makes it premium and publishes
 * it there, and a fan on the
 * free plan (a new sign-up) who opens the player gets the plan-required message while the segment URL itself answers
 * 403 {@code plan-required}. Needs ffmpeg and Chromium (skipped without, unless MODO_REQUIRE_FFMPEG / MODO_REQUIRE_BROWSER).
 */
@IntegrationTest
class WatchPublishBrowserTests {

    static final String TITLE = "Kancil Mencari Jejak";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrganizationUploadsWatchesTheTranscodePublishesAsPremiumAndAFreeFanIsRefused() throws Exception {
        RequiredFfmpeg.installation();
        Http http = new Http(port);
        StudioFixtures.Studio studio = new StudioFixtures(http, jdbc).studio("watch-publish");
        String manager = "/studio/watch/" + studio.organizationId();
        Path source = Files.createTempFile("watch-publish-", ".mp4");
        Files.write(source, WatchTestVideos.source(640, 360, 10));
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner(), manager);
                page.locator("#content-title").fill(TITLE);
                page.locator("#content-type").selectOption("movie");
                page.locator("#content-visibility").selectOption("free");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create").setExact(true)).click();
                page.waitForURL(u -> u.matches(".*" + manager + "/contents/[0-9a-f-]{36}"));
                String movie = page.url().substring(page.url().lastIndexOf('/') + 1);
                assertThat(page.locator(".watch-title__meta").innerText()).contains("Draft", "Free");

                // The page's own upload form (multipart below 32 MB); the job's box then follows its events.
                page.locator("input[type=file][accept='video/*']").setInputFiles(source);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
                page.locator("[data-watch-job] progress").waitFor();
                assertThat(page.locator(".watch-video__state").first().innerText()).contains("Transcoding");
                // The bar starts at 0 and only the job's server-sent events move it, before the page reloads at the end.
                page.waitForFunction("() => { const bar = document.querySelector('[data-watch-job] progress'); return bar && bar.value > 0; }",
                        null, new Page.WaitForFunctionOptions().setTimeout(300_000));
                Chromium.screenshot(page, "watch-publish-transcoding-desktop");
                page.waitForFunction("() => !document.querySelector('[data-watch-job]') && "
                        + "document.querySelector('.watch-video__state').textContent.includes('Ready')", null,
                        new Page.WaitForFunctionOptions().setTimeout(300_000));
                assertThat(page.locator(".watch-video__state").first().innerText()).contains("Ready", "360p");

                // Premium, chosen on the title's page, then published.
                page.locator("#manage-visibility").selectOption("premium");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save who may watch").setExact(true)).click();
                page.waitForFunction("() => document.querySelector('.watch-title__meta').textContent.includes('Premium')");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
                page.waitForFunction("() => document.querySelector('.watch-title__meta').textContent.includes('Published')");
                assertThat(page.locator(".watch-title__meta").innerText()).contains("Premium");
                Chromium.screenshot(page, "watch-publish-published-desktop");
                assertThat(jdbc.sql("select status || ' ' || visibility from contents where id = ?").param(UUID.fromString(movie))
                        .query(String.class).single()).isEqualTo("published premium");
                assertThat(errors).as("console errors while publishing").isEmpty();

                // The publisher's own link to a segment: any viewer's request must pass the plan check before the link is even read.
                String master = "/watch/videos/" + jdbc.sql("select id::text from content_videos where content_id = ?")
                        .param(UUID.fromString(movie)).query(String.class).single() + "/";
                String ownerCookie = PageSession.signIn(http, studio.owner()).cookie();
                String mediaPlaylist = lines(get(ownerCookie, master + "master.m3u8")).getLast();
                String segmentLink = master + lines(get(ownerCookie, master + mediaPlaylist)).getFirst();
                assertThat(segmentLink).contains(".mp4?");

                Users.Signed fan = new Users(http).signUpAndIn("publishfan");
                try (BrowserContext fanContext = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                        .setLocale("en-US"))) {
                    Page fanPage = fanContext.newPage();
                    String player = "/watch/contents/" + movie + "/play";
                    signIn(fanPage, fan, "/watch/contents/" + movie);
                    assertThat(fanPage.locator("main").innerText()).contains(TITLE, "This title is for premium plans");
                    assertThat(fanPage.locator("a[href='" + player + "']").count()).as("no play link for the fan").isZero();
                    Response refused = fanPage.navigate("http://localhost:" + port + player);
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(fanPage.locator("h1").innerText()).isEqualTo("Your plan does not include this title");
                    // textContent: the page shows the title in capitals (CSS), innerText would return them so
                    assertThat(fanPage.locator("main").textContent()).contains(TITLE, "This title is for premium plans");
                    assertThat(fanPage.locator("main a[href='/pricing']").count()).isEqualTo(1);
                    assertThat(fanPage.locator("video").count()).isZero();
                    assertThat(fanPage.navigate("http://localhost:" + port + player + "?lang=id").status()).isEqualTo(403);
                    assertThat(fanPage.locator("h1").innerText()).isEqualTo("Paket Anda tidak mencakup judul ini");
                    assertThat(fanPage.locator("main").innerText()).contains("Judul ini untuk paket premium");
                    Chromium.screenshot(fanPage, "watch-publish-fan-refused-desktop");

                    String fanCookie = PageSession.signIn(http, fan).cookie();
                    var segment = send(fanCookie, segmentLink);
                    assertThat(segment.statusCode()).isEqualTo(403);
                    assertThat(segment.body()).contains("plan-required");
                    assertThat(send(fanCookie, master + "master.m3u8").body()).contains("plan-required");
                }
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-watch-publish");
                throw e;
            } finally {
                Files.deleteIfExists(source);
            }
        }
    }

    private void signIn(Page page, Users.Signed user, String next) {
        page.navigate("http://localhost:" + port + "/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(u -> u.endsWith(next));
    }

    private String get(String cookie, String path) throws Exception {
        var response = send(cookie, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String cookie, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                .header("Accept", "*/*").GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    /** The URI lines of a playlist. */
    private static List<String> lines(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
