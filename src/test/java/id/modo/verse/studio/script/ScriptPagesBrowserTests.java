package id.modo.verse.studio.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.nio.file.Files;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Script tab in a real browser: typing autosaves (no button), a save by someone else in
 * between shows the conflict and "keep mine" saves over it from their version, the A4 PDF
 * downloads, and the page works on a phone under the strict CSP.
 */
@IntegrationTest
class ScriptPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void typingAutosavesAConflictOffersKeepMineAndThePdfDownloads() throws Exception {
        Http http = new Http(port);
        StudioFixtures fixtures = new StudioFixtures(http, jdbc);
        StudioFixtures.Studio studio = fixtures.studio("script-browser");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Si Kancil", "team");
        String api = "/api/v1/projects/" + project + "/story/script";

        try (BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(375, 812)
                .setLocale("en-US").setAcceptDownloads(true))) {
            Page page = phone.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                page.navigate(url("/signin?next=/projects/" + project + "/script"));
                page.getByLabel("Email").fill(studio.owner().email());
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(u -> u.endsWith("/script"));
                assertThat(page.locator("#script-status").innerText()).isEqualTo("Not saved yet.");
                assertThat(page.locator("#script-text").evaluate("e => getComputedStyle(e).fontFamily").toString()).contains("Courier");

                page.locator("#script-text").fill("INT. HUTAN - PAGI\n\nKancil melompat.\n");
                page.waitForCondition(() -> page.locator("#script-status").innerText().startsWith("Version 1, saved by"));
                assertThat(Http.json(studio.asOwner().get(api, "application/json")).get("script").asString())
                        .isEqualTo("INT. HUTAN - PAGI\n\nKancil melompat.\n");

                // someone else saves from version 1 meanwhile
                var theirs = studio.asOwner().call("PUT", api, "{\"script\":\"Their draft.\",\"base_version\":1}");
                assertThat(theirs.statusCode()).isEqualTo(200);
                page.locator("#script-text").press("End");
                page.locator("#script-text").pressSequentially("BUAYA\nSiapa di sana?\n");
                page.waitForCondition(() -> page.locator("#script-status").innerText().contains("saved version 2 while you were editing"));
                assertThat(page.locator("[data-conflict-actions]").isVisible()).isTrue();
                Chromium.screenshot(page, "script-conflict-phone");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep mine")).click();
                page.waitForCondition(() -> page.locator("#script-status").innerText().startsWith("Version 3, saved by"));
                var now = Http.json(studio.asOwner().get(api, "application/json"));
                assertThat(now.get("script_version").asInt()).isEqualTo(3);
                assertThat(now.get("script").asString()).endsWith("Kancil melompat.\nBUAYA\nSiapa di sana?\n");
                assertThat(page.locator("[data-conflict-actions]").isVisible()).isFalse();

                Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("PDF, A4").setExact(true)).click());
                try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                    assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                    assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Si Kancil");
                }
                assertThat(download.suggestedFilename()).isEqualTo("si-kancil-script.pdf");

                // The same PDF as a job: the button, the progress streamed into the bar, then the link to the file.
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare PDF, A4")).click();
                Locator ready = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the PDF"));
                ready.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
                assertThat(page.locator("[data-job-status]").innerText()).isEqualTo("The PDF is ready.");
                assertThat(page.locator("[data-job-progress] progress").evaluate("bar => bar.value")).isEqualTo(100);
                Chromium.screenshot(page, "script-pdf-job-phone");
                Download prepared = page.waitForDownload(ready::click);
                try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(prepared.path()))) {
                    assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                    assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Si Kancil");
                }
                assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(375);

                page.navigate(url("/projects/" + project + "/script?lang=id"));
                assertThat(page.locator("#script-title").innerText()).isEqualTo("Naskah");
                assertThat(page.locator("#script-status").innerText()).startsWith("Versi 3, disimpan oleh");
                // the one expected: the browser logs the conflicting save's 409 itself
                assertThat(errors).filteredOn(e -> !e.contains("status of 409")).isEmpty();
                assertThat(errors).hasSizeLessThanOrEqualTo(1);
            } catch (AssertionError | RuntimeException e) {
                Chromium.screenshot(page, "script-failure");
                throw e;
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
