package id.modo.verse.studio.bible;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.StudioDemo;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Bible PDF tab in a real browser: on a phone the owner picks sections and Bahasa Indonesia, the job's progress
 * streams in, the PDF downloads with only those sections in Indonesian; on a desktop the page shows the latest PDF.
 * Both under the strict CSP without console errors and without sideways scrolling.
 */
@IntegrationTest
class BiblePdfBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StudioDemo demo;

    @Test
    void choosingSectionsAndLanguageGeneratesAndDownloadsThePdf() throws Exception {
        Http http = new Http(port);
        StudioFixtures fixtures = new StudioFixtures(http, jdbc);
        StudioFixtures.Studio studio = fixtures.studio("bible-browser");
        Users.Signed editor = fixtures.member(studio, "editor");
        ProjectId project = demo.seed(UserId.of(UUID.fromString(studio.owner().id())), OrganizationId.of(UUID.fromString(studio.organizationId())),
                UserId.of(UUID.fromString(editor.id())));
        String path = "/projects/" + project.value() + "/bible";
        int pages;

        try (BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("en-US").setAcceptDownloads(true))) {
            Page page = phone.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            try {
                page.navigate(url("/signin?next=" + path));
                page.getByLabel("Email").fill(studio.owner().email());
                page.getByLabel("Password").fill(Users.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(u -> u.endsWith("/bible"));
                assertThat(page.locator("#bible-pdf-title").innerText()).isEqualTo("IP bible PDF");
                assertThat(page.locator("[data-bible-latest]").innerText()).isEqualTo("No bible PDF has been made for this project yet.");
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bible PDF")).getAttribute("aria-current"))
                        .isEqualTo("page");

                for (String section : List.of("Cover", "Overview", "Logline and synopsis", "Structure and beats", "Want and need",
                        "Moodboard", "Audience prediction")) {
                    page.getByLabel(section, new Page.GetByLabelOptions().setExact(true)).uncheck();
                }
                page.getByLabel("Language of titles and labels").selectOption("id");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate PDF")).click();
                Locator ready = page.locator("[data-bible-download]");
                ready.waitFor(new Locator.WaitForOptions().setTimeout(90_000));
                assertThat(page.locator("[data-bible-status]").innerText()).isEqualTo("The PDF is ready.");
                assertThat(page.locator("[data-bible-progress] progress").evaluate("bar => bar.value")).isEqualTo(100);
                assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(390);
                Chromium.screenshot(page, "bible-pdf-phone");

                Download download = page.waitForDownload(ready::click);
                try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                    pages = pdf.getNumberOfPages();
                    String text = new PDFTextStripper().getText(pdf);
                    assertThat(text).contains("Tokoh", "Semesta", "Tim", "Kancil", "Hutan Sungai");
                    assertThat(text).doesNotContain("Ikhtisar", "Papan suasana", "Prediksi penonton", "Characters", "Team");
                }
                assertThat(download.suggestedFilename()).startsWith("bible-id-").endsWith(".pdf");
                assertThat(errors).isEmpty();
            } catch (AssertionError | RuntimeException e) {
                Chromium.screenshot(page, "bible-pdf-failure");
                throw e;
            }
        }

        try (BrowserContext desktop = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-US").setAcceptDownloads(true))) {
            Page page = desktop.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            page.navigate(url("/signin?next=" + path));
            page.getByLabel("Email").fill(studio.owner().email());
            page.getByLabel("Password").fill(Users.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(u -> u.endsWith("/bible"));
            page.navigate(url(path + "?lang=id"));
            assertThat(page.locator("#bible-pdf-title").innerText()).isEqualTo("PDF bible IP");
            assertThat(page.locator("[data-bible-latest]").innerText()).contains(pages + " halaman", "Bahasa Indonesia");
            assertThat(page.getByText("Bagian: Tokoh, Semesta, Tim").isVisible()).isTrue();
            Download latest = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Unduh PDF terbaru")).first().click());
            assertThat(Files.size(latest.path())).isPositive();
            assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(1280);
            Chromium.screenshot(page, "bible-pdf-desktop-id");
            assertThat(errors).isEmpty();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
