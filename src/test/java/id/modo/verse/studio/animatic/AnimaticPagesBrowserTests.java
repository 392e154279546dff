package id.modo.verse.studio.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.media.Assets;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.RequiredFfmpeg;
import id.modo.verse.support.Users;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Animatic tab in a real browser: a beat rendered from the page follows its job to the end and then plays in the
 * page's video element with its WebVTT track; the page fits a phone and reads in Bahasa Indonesia; a viewer sees the
 * video but no render form.
 */
@IntegrationTest
class AnimaticPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Assets assets;

    @Test
    void aBeatRenderedFromThePagePlaysWithItsCaptionsTrackOnADesktopAndAPhone() throws Exception {
        RequiredFfmpeg.installation();
        Http http = new Http(port);
        StudioFixtures fixtures = new StudioFixtures(http, jdbc);
        StudioFixtures.Studio studio = fixtures.studio("animatic-browser");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Si Kancil", "team");
        new AnimaticFixtures(jdbc, assets).beat(studio.owner().id(), studio.organizationId(), project, 1, "call_to_adventure", 2);

        try (BrowserContext desktop = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-US"))) {
            Page page = desktop.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner(), "/projects/" + project + "/animatic");
                Locator beat = page.locator("#beat-1");
                assertThat(beat.locator(".animatic-beat__title").innerText()).isEqualTo("Call to adventure");
                assertThat(beat.innerText()).contains("2 pictures");
                assertThat(page.locator("#beat-0").innerText()).contains("Add pictures to this beat");
                beat.getByLabel("Seconds per picture").fill("1");
                beat.getByLabel("Seconds for each picture (optional)").fill("1.5, 2");
                beat.getByLabel("Captions").selectOption("webvtt");
                beat.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Render this beat")).click();

                Locator video = page.locator("#beat-1 video");
                video.waitFor(new Locator.WaitForOptions().setTimeout(180_000));
                assertThat(video.getAttribute("poster")).startsWith("/media/");
                assertThat(page.locator("#beat-1 track").getAttribute("kind")).isEqualTo("captions");
                assertThat(page.locator("#beat-1 .animatic-meta").last().innerText()).isEqualTo("3.5 seconds");
                Object played = video.evaluate("""
                        v => new Promise((done, failed) => {
                            v.muted = true;
                            v.play().catch(failed);
                            const started = performance.now();
                            const check = () => v.currentTime > 0.5 ? done({ready: v.readyState, time: v.currentTime,
                                tracks: v.textTracks.length, width: v.videoWidth})
                                : performance.now() - started > 20000 ? failed(new Error('stuck at ' + v.currentTime + ', ready ' + v.readyState))
                                : setTimeout(check, 100);
                            check();
                        })""");
                assertThat(played.toString()).contains("tracks=1", "width=1280");
                assertThat(((java.util.Map<?, ?>) played).get("ready")).isIn(2, 3, 4);
                Chromium.screenshot(page, "animatic-beat-desktop");
                assertThat(errors).isEmpty();
            } catch (AssertionError | RuntimeException e) {
                Chromium.screenshot(page, "animatic-failure");
                throw e;
            }
        }

        Users.Signed viewer = fixtures.member(studio, "viewer");
        try (BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("en-US"))) {
            Page page = phone.newPage();
            try {
                signIn(page, viewer, "/projects/" + project + "/animatic?lang=id");
                assertThat(page.locator("h2.section__title").innerText()).isEqualTo("Animatik");
                assertThat(page.locator("#beat-1 video").count()).isEqualTo(1);
                assertThat(page.locator("form[data-animatic-form]").count()).as("a viewer may not render").isZero();
                assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(390);
                Chromium.screenshot(page, "animatic-phone-id");
            } catch (AssertionError | RuntimeException e) {
                Chromium.screenshot(page, "animatic-phone-failure");
                throw e;
            }
        }
    }

    private void signIn(Page page, Users.Signed user, String next) {
        page.navigate("http://localhost:" + port + "/signin?next=" + next.replace("?", "%3F").replace("=", "%3D"));
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> u.contains("/animatic") && !u.contains("signin"));
    }
}
