package id.modo.verse.studio.prediction;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.StudioDemo;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prediction tab in a real browser on a 390 px phone and at 1280 px: a wrong budget is shown beside its input, a
 * right one gives the chart with the interval and the comparables; and the demo project's prediction as the demo makes it.
 */
@IntegrationTest
class PredictionBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StudioDemo studioDemo;
    @Autowired
    Predictions predictions;

    @Test
    void aProducerFillsTheFormFixesAWrongBudgetAndSeesTheChart() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("predict-browser");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil Film", "team");
        try (BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-US"));
             BrowserContext desktop = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"))) {
            Page page = phone.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                signIn(page, studio.owner().email(), "/projects/" + project);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prediction")).click();
                page.waitForURL(u -> u.endsWith("/prediction"));
                assertThat(page.locator("[data-accuracy]").innerText()).contains("held-out R²").contains("vs baseline");
                assertThat(page.locator("[data-chart]").count()).isZero();

                page.getByLabel("Production budget").fill("a lot");
                page.getByLabel("Genre").selectOption("Adventure");
                page.getByLabel("Cast", new Page.GetByLabelOptions().setExact(true)).fill("8");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Predict")).click();
                page.waitForLoadState();
                assertThat(page.locator("#pf-production_budget + .field__error").innerText()).contains("decimal amount");
                assertThat(page.locator("#pf-production_budget").getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(page.locator("#pf-genre").inputValue()).isEqualTo("Adventure");
                assertThat(page.locator("#pf-cast").inputValue()).isEqualTo("8");

                page.getByLabel("Production budget").fill("16.000.000.000");
                page.getByLabel("Promotion budget").fill("4000000000");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Predict")).click();
                page.waitForURL(u -> u.contains("/prediction?shown="));
                assertThat(page.locator("[data-chart] [data-point]").count()).isEqualTo(1);
                assertThat(page.locator("[data-chart] [data-interval]").count()).isEqualTo(1);
                assertThat(page.locator("[data-chart] [data-film]").count()).isEqualTo(Predictions.COMPARABLES);
                assertThat(page.locator("[data-comparables] tbody tr").count()).isEqualTo(Predictions.COMPARABLES);
                assertThat(page.locator(".prediction__figures").innerText()).contains("80 % likely between");
                assertThat(page.locator("[data-suggestions]").getAttribute("data-suggestions")).isEqualTo("not_configured");
                double interval = Double.parseDouble(page.locator("[data-interval]").getAttribute("x"));
                double point = Double.parseDouble(page.locator("[data-point]").getAttribute("cx"));
                assertThat(point).isGreaterThan(interval);
                // Nothing spills sideways on a phone.
                Object wider = page.evaluate("""
                        () => [...document.querySelectorAll('.prediction *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                            && !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className).slice(0, 5)""");
                assertThat((List<?>) wider).as("wider than the phone: %s", wider).isEmpty();
                Chromium.screenshot(page, "prediction-phone");
                String url = page.url();

                Page wide = desktop.newPage();
                signIn(wide, studio.owner().email(), url.substring(url.indexOf("/projects/")) + "&lang=id");
                assertThat(wide.locator("h2#prediction-title").innerText()).isEqualTo("Prediksi penonton");
                assertThat(wide.locator("[data-chart] [data-film]").count()).isEqualTo(Predictions.COMPARABLES);
                Chromium.screenshot(wide, "prediction-desktop-id");
                // The form's field errors speak the page's language too.
                wide.locator("#pf-production_budget").fill("banyak");
                wide.locator("#pf-cast").fill("11");
                wide.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prediksi").setExact(true)).click();
                wide.waitForLoadState();
                assertThat(wide.locator("#pf-production_budget + .field__error").innerText()).contains("jumlah 0 atau lebih");
                assertThat(wide.locator("#pf-cast + .field__error").innerText()).isEqualTo("paling besar 10");
                // The one failed load is the form sent with the wrong budget, answered 400 on purpose.
                assertThat(errors).hasSize(1).allSatisfy(error -> assertThat(error).contains("status of 400"));
            } catch (RuntimeException | AssertionError e) {
                Chromium.screenshot(page, "failure-prediction");
                throw e;
            }
        }
    }

    @Test
    void theDemoPredictionTakesTheRatingAndRunningTimeFromSiKancilsStory() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("predict-demo");
        Users.Signed editor = fixtures.member(studio, "editor");
        UserId owner = UserId.of(UUID.fromString(studio.owner().id()));
        ProjectId project = studioDemo.seed(owner, id.modo.verse.organization.OrganizationId.of(UUID.fromString(studio.organizationId())),
                UserId.of(UUID.fromString(editor.id())));

        PredictionView made = predictions.create(owner, project, PredictionDemo.request());

        assertThat(made.modelInputs().get("mpaa_rating")).isEqualTo("G");
        assertThat(made.modelInputs().get("running_time")).isEqualTo(12);
        assertThat(made.modelInputs().get("from_project")).isEqualTo(List.of("mpaa_rating", "running_time"));
        assertThat(made.suggestionsStatus()).isEqualTo("not_configured");
        assertThat(made.comparables()).hasSize(Predictions.COMPARABLES);
    }

    private void signIn(Page page, String email, String next) {
        page.navigate("http://localhost:" + port + "/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }
}
