package id.modo.verse.studio;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Studio journey in a real browser on a 375 px phone: create a project, pick Save the Cat, write beats and the
 * want/need matrix, see the tension curve, compare two versions of the beats and restore the older one, publish the
 * project's public bible page and open it without an account.
 */
@IntegrationTest
class StudioBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StudioDemo demo;

    @Test
    void aWriterBuildsTheStoryComparesVersionsAndRestoresTheOlderOne() {
        StudioFixtures.Studio studio = new StudioFixtures(new Http(port), jdbc).studio("browser");
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 812).setLocale("en-US"));
             BrowserContext anonymous = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner().email(), "/organizations/" + studio.organizationId() + "/projects");
                assertThat(page.locator(".empty-state").innerText()).contains("No projects yet");
                page.getByLabel("Title").fill("Si Kancil");
                page.getByLabel("Who can see it").selectOption("team");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create project")).click();
                page.waitForURL(u -> u.matches(".*/projects/[0-9a-f-]{36}$"));
                assertThat(page.locator("h1").innerText()).isEqualTo("Si Kancil");
                String projectUrl = page.url();

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Story")).click();
                page.waitForURL(u -> u.endsWith("/story"));
                assertThat(page.locator(".beat-card")).isNotNull();
                assertThat(page.locator(".beat-card").count()).isEqualTo(12);
                page.getByLabel("Structure").selectOption("cat");
                page.waitForCondition(() -> page.locator(".beat-card").count() == 15);
                assertThat(page.locator(".beat-card").first().innerText()).contains("Opening image");

                page.locator("#beat-opening_image").fill("Kancil naps by the river.");
                page.locator("#intensity-opening_image").selectOption("1");
                page.locator("#beat-catalyst").fill("The drought comes.");
                page.locator("#intensity-catalyst").selectOption("3");
                page.locator("form[action$='/story/beats'] button[type=submit]").click();
                page.waitForCondition(() -> page.locator("#beats-status").innerText().contains("Version 2"));
                assertThat(page.locator("svg.tension-curve title").first().textContent()).isEqualTo("Tension curve");
                assertThat(page.locator("svg.tension-curve circle").count()).isEqualTo(15);
                assertThat(page.locator("svg.tension-curve desc").textContent()).contains("Catalyst: 3.");

                page.locator("#beat-opening_image").fill("Kancil dreams of mangoes by the river.");
                page.locator("form[action$='/story/beats'] button[type=submit]").click();
                page.waitForCondition(() -> page.locator("#beats-status").innerText().contains("Version 3"));

                page.getByLabel("External: what they chase in the world").fill("The mangoes across the river");
                page.getByLabel("The want is achieved").check();
                page.locator("form[action$='/story/want-need'] button[type=submit]").click();
                page.waitForCondition(() -> page.locator("#want-need-status").innerText().contains("Version 1"));
                page.reload();
                assertThat(page.locator(".implied-ending").innerText()).isEqualTo("Implied ending: Hollow");

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Versions")).click();
                page.waitForURL(u -> u.endsWith("/versions"));
                page.getByLabel("Compare from version 2").check();
                page.getByLabel("Compare to version 3").check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
                page.waitForURL(u -> u.contains("from="));
                assertThat(page.locator(".version-diff del").allInnerTexts()).anySatisfy(t -> assertThat(t).contains("naps"));
                assertThat(page.locator(".version-diff ins").allInnerTexts()).anySatisfy(t -> assertThat(t).contains("dreams"));
                Chromium.screenshot(page, "studio-versions-phone");

                page.locator("tr", new Page.LocatorOptions().setHasText("Beat board")).filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHas(page.getByLabel("Compare from version 2"))).getByRole(AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Restore")).click();
                page.waitForURL(u -> u.contains("restored=true"));
                assertThat(page.locator(".alert--success").innerText()).contains("current again");
                page.navigate(projectUrl + "/story");
                assertThat(page.locator("#beat-opening_image").inputValue()).isEqualTo("Kancil naps by the river.");
                assertThat(page.locator("#beats-status").innerText()).contains("Version 4");
                Chromium.screenshot(page, "studio-story-phone");

                page.navigate(projectUrl);
                page.getByLabel("Who can see it").selectOption("public");
                page.locator("form[action='" + projectUrl.substring(projectUrl.indexOf("/projects/")) + "'] button[type=submit]").click();
                page.waitForURL(u -> u.contains("saved=true"));
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-studio-journey");
                throw e;
            }
            assertThat(errors).isEmpty();

            Page visitor = anonymous.newPage();
            String projectId = jdbc.sql("select id::text from projects where organization_id = cast(? as uuid)")
                    .param(studio.organizationId()).query(String.class).single();
            visitor.navigate("http://localhost:" + port + "/bible/" + projectId);
            assertThat(visitor.title()).startsWith("Si Kancil");
            assertThat(visitor.locator("h1").innerText()).isEqualTo("Si Kancil");
            assertThat(visitor.locator("body").innerText()).contains("Kancil naps by the river.", "Save the Cat");
            assertThat(visitor.locator("meta[name=description]").getAttribute("content")).isNotBlank();
        }
    }

    @Test
    void anAnonymousVisitorReadsTheDemoBibleWithItsPicturesOnAPhoneAndADesktop() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("demo-bible");
        Users.Signed supervisor = fixtures.member(studio, "editor");
        ProjectId project = demo.seed(UserId.of(java.util.UUID.fromString(studio.owner().id())),
                OrganizationId.of(java.util.UUID.fromString(studio.organizationId())), UserId.of(java.util.UUID.fromString(supervisor.id())));
        String kancil = jdbc.sql("select id::text from characters where project_id = ? and name = 'Kancil'").param(project.value())
                .query(String.class).single();
        String api = "/api/v1/projects/" + project;
        fixtures.picture(studio.asOwner(), api + "/characters/" + kancil + "/image", java.awt.Color.ORANGE);
        fixtures.picture(studio.asOwner(), api + "/universe/images/environment/image?base_version=1", java.awt.Color.GREEN);
        String team = fixtures.project(studio.asOwner(), studio.organizationId(), "Team only", "team");

        for (int width : new int[] {360, 1280}) {
            try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 800).setLocale("en-US"))) {
                Page visitor = context.newPage();
                List<String> errors = Chromium.consoleErrors(visitor);
                visitor.navigate("http://localhost:" + port + "/bible/" + project + (width == 360 ? "?lang=id" : "?lang=en"));
                try {
                    assertThat(visitor.locator("h1").innerText()).isEqualTo("Si Kancil");
                    assertThat(visitor.locator("#character-" + kancil + " h3").innerText()).isEqualTo("Kancil");
                    assertThat(visitor.locator("#character-" + kancil).innerText()).contains("small and quick");
                    assertThat(visitor.locator("#characters svg.relationship-graph").isVisible()).isTrue();
                    assertThat(visitor.locator("#universe").innerText()).contains("Rainforest on both banks of a slow river");
                    assertThat(visitor.locator("#universe h2").innerText()).contains(width == 360 ? "Semesta" : "Universe");
                    assertThat(visitor.locator("svg.tension-curve").isVisible()).isTrue();
                    // Every picture loads for someone without an account: signed URLs the page's policy allows.
                    for (var image : visitor.locator("main img").all()) {
                        image.scrollIntoViewIfNeeded();
                        visitor.waitForCondition(() -> (Boolean) image.evaluate("i => i.complete"));
                        assertThat((Integer) image.evaluate("i => i.naturalWidth")).as(image.getAttribute("src")).isPositive();
                    }
                    assertThat(visitor.locator("main img").count()).isEqualTo(2);
                    assertThat((Integer) visitor.evaluate("() => document.documentElement.scrollWidth")).as("no sideways scrolling").isLessThanOrEqualTo(width);
                    assertThat(visitor.locator(".bible-head").innerText()).contains("Fable", "Comedy");
                    visitor.evaluate("() => window.scrollTo(0, 0)");
                    Chromium.screenshot(visitor, "bible-demo-" + width);
                } catch (RuntimeException | AssertionError e) {
                    Chromium.screenshot(visitor, "failure-bible-demo-" + width);
                    throw e;
                }
                assertThat(errors).isEmpty();
                assertThat(visitor.navigate("http://localhost:" + port + "/bible/" + team).status()).isEqualTo(404);
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
