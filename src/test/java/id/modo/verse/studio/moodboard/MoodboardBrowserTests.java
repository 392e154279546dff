package id.modo.verse.studio.moodboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moodboard page in a real browser: the demo's drawn pictures laid out by act and beat on a 390 px phone and a 1280 px
 * desktop, moving an item with its buttons, editing one (a refused reference shown beside its field, then saved), dragging
 * one onto another beat, and a reader who sees no edit actions.
 */
@IntegrationTest
class MoodboardBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MoodboardDemo demo;

    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    String project;

    @BeforeEach
    void board() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        studio = fixtures.studio("moodboard-page");
        project = fixtures.project(studio.asOwner(), studio.organizationId(), "Si Kancil", "team");
        var beats = studio.asOwner().call("PUT", "/api/v1/projects/" + project + "/story/beats", """
                {"base_version":0,"structure":"cat","beats":{"opening_image":"Kancil naps under a rambutan tree.",
                 "catalyst":"The dry season empties the orchard.","midpoint":"The crocodiles line up to be counted.",
                 "finale":"Kancil leaps onto the far bank."}}""");
        assertThat(beats.statusCode()).as(beats.body()).isEqualTo(200);
        demo.seed(UserId.of(UUID.fromString(studio.owner().id())), ProjectId.of(UUID.fromString(project)));
        var second = studio.asOwner().postJson("/api/v1/projects/" + project + "/moodboard/items",
                "{\"beat_key\":\"catalyst\",\"description\":\"Second look at the dry orchard\"}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    }

    @Test
    void onAPhoneTheBoardFollowsTheStoryAndAnItemIsMovedAndEditedWithoutDragging() {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner().email());
                page.navigate(url());
                assertThat(page.locator(".moodboard-act__title").allInnerTexts()).containsExactly("Act 1", "Act 2", "Act 3");
                assertThat(page.locator(".moodboard-beat").count()).isEqualTo(15);
                assertThat(page.locator("#beat-opening_image .moodboard-item__picture img").count()).isEqualTo(1);
                page.waitForCondition(() -> (Boolean) page.locator("#beat-opening_image .moodboard-item__picture img").evaluate("i => i.complete && i.naturalWidth > 0"));
                assertThat(page.locator("#beat-catalyst .moodboard-status").allInnerTexts()).containsExactly("Completed", "Pending");
                assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
                Chromium.screenshot(page, "moodboard-phone");

                // Move the second catalyst item up with its button (a plain form).
                Locator catalyst = page.locator("#beat-catalyst .moodboard-item");
                catalyst.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move up")).click();
                page.waitForURL(u -> u.contains("notice=moved"));
                assertThat(page.locator("#beat-catalyst .moodboard-item__text").first().innerText()).isEqualTo("Second look at the dry orchard");

                // Edit it: a reference that is no address is refused beside its field, and what was typed stays.
                Locator item = page.locator("#beat-catalyst .moodboard-item").first();
                item.locator("summary").click();
                item.getByLabel("Colour mood").fill("dusty ochre");
                item.getByLabel("References").fill("javascript:alert(1)");
                item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                page.waitForLoadState();
                Locator refused = page.locator("#beat-catalyst .moodboard-item").first();
                assertThat(refused.locator(".field__error").first().innerText()).contains("http(s) address");
                assertThat(refused.getByLabel("Colour mood").inputValue()).isEqualTo("dusty ochre");
                assertThat(page.locator(".alert--error").innerText()).contains("not valid");
                refused.getByLabel("References").fill("https://example.com/orchard.jpg");
                refused.getByLabel("Animation style").selectOption("sketch");
                refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                page.waitForURL(u -> u.contains("notice=saved"));
                assertThat(page.locator("#beat-catalyst .moodboard-item").first().innerText()).contains("Sketch");
                assertThat(jdbc.sql("select color_mood from moodboards where project_id = cast(? as uuid) and description like 'Second%'")
                        .param(project).query(String.class).single()).isEqualTo("dusty ochre");
                Chromium.screenshot(page, "moodboard-phone-edited");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-moodboard-phone");
                throw e;
            }
            // The refused save answered 400, as it should; nothing else failed.
            assertThat(errors).containsExactly("Failed to load resource: the server responded with a status of 400 ()");
        }
    }

    @Test
    void onADesktopAnItemIsDraggedOntoAnotherBeatAndAReaderSeesNoEditActions() {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner().email());
                page.navigate(url());
                assertThat(((Number) page.evaluate("() => document.querySelector('.moodboard').getBoundingClientRect().right")).doubleValue())
                        .isLessThanOrEqualTo(1280);
                Locator dragged = page.locator("#beat-opening_image .moodboard-item").first();
                String id = dragged.getAttribute("data-id");
                // The browser's drag events as a person's drag fires them: start on the picture, over and onto midpoint's item, end.
                page.evaluate("""
                        ([from, to]) => {
                          const data = new DataTransfer();
                          const source = document.querySelector(from);
                          const target = document.querySelector(to);
                          const box = target.getBoundingClientRect();
                          source.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                          target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data,
                            clientX: box.left + 5, clientY: box.top + 5}));
                          target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                          source.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
                        }""", List.of("#item-" + id + " .moodboard-item__picture", "#beat-midpoint .moodboard-item"));
                page.waitForCondition(() -> "midpoint".equals(jdbc.sql("select beat_name from moodboards where id = cast(? as uuid)")
                        .param(id).query(String.class).single()));
                page.waitForCondition(() -> page.locator("#beat-midpoint .moodboard-item").count() == 2);
                assertThat(page.locator("#beat-opening_image .moodboard-item").count()).isZero();
                Chromium.screenshot(page, "moodboard-desktop");
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-moodboard-desktop");
                throw e;
            }
            assertThat(errors).isEmpty();
        }
        Users.Signed viewer = fixtures.member(studio, "viewer");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = context.newPage();
            signIn(page, viewer.email());
            page.navigate(url() + "?lang=id");
            assertThat(page.locator(".moodboard-item").count()).isEqualTo(5);
            assertThat(page.locator(".moodboard-act__title").first().innerText()).isEqualTo("Babak 1");
            assertThat(page.locator(".moodboard form").count()).isZero();
            assertThat(page.locator(".moodboard-edit").count()).isZero();
            assertThat(page.locator(".moodboard-item[draggable=true]").count()).isZero();
        }
    }

    private String url() {
        return "http://localhost:" + port + "/projects/" + project + "/moodboard";
    }

    private void signIn(Page page, String email) {
        page.navigate("http://localhost:" + port + "/signin");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }
}
