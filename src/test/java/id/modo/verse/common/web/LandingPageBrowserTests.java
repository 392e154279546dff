package id.modo.verse.common.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The landing page in a real headless Chromium: both languages, desktop and phone, and not a
 * single console error (a CSP violation shows up as one). Screenshots go to target/screenshots.
 */
@IntegrationTest
class LandingPageBrowserTests {


    @LocalServerPort
    int port;

    @Test
    void switchesToBahasaIndonesiaAndBackWithoutConsoleErrors() {
        try (BrowserContext context = newContext(Chromium.browser(), 1366, 900, "en-US")) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);

            page.navigate(url("/"));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            String englishHeading = page.locator("h1").innerText();
            assertThat(englishHeading).isNotBlank();
            Chromium.screenshot(page, "landing-desktop-en");

            page.locator("footer a[hreflang=id]").click();
            page.waitForURL(u -> u.contains("lang=id"));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("id");
            assertThat(page.locator("h1").innerText()).isNotEqualTo(englishHeading);
            Chromium.screenshot(page, "landing-desktop-id");

            // Remembered: a plain visit stays in Bahasa Indonesia although the browser asks for English.
            page.navigate(url("/about"));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("id");

            page.locator("footer a[hreflang=en]").click();
            page.waitForURL(u -> u.contains("lang=en"));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            page.navigate(url("/"));
            assertThat(page.locator("h1").innerText()).isEqualTo(englishHeading);

            assertThat(errors).as("console errors").isEmpty();
        }
    }

    @Test
    void fitsAPhoneScreenInBothLanguages() {
        for (String language : List.of("en", "id")) {
            try (BrowserContext context = newContext(Chromium.browser(), 375, 812, language)) {
                Page page = context.newPage();
                List<String> errors = Chromium.consoleErrors(page);
                page.navigate(url("/?lang=" + language));
                assertThat(page.locator("h1").isVisible()).isTrue();
                int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                assertThat(scrollWidth).as("no sideways scrolling on a 375 px phone").isLessThanOrEqualTo(375);
                Chromium.screenshot(page, "landing-phone-" + language);
                assertThat(errors).as("console errors").isEmpty();
            }
        }
    }

    @Test
    void errorPageAndAboutPageRenderInTheLayout() {
        try (BrowserContext context = newContext(Chromium.browser(), 1366, 900, "en-US")) {
            Page page = context.newPage();
            List<String> errors = Chromium.consoleErrors(page);
            var response = page.navigate(url("/no-such-page"));
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("header nav").isVisible()).isTrue();
            assertThat(page.locator("main a[href='/']").count()).isPositive();
            Chromium.screenshot(page, "error-404-desktop-en");
            page.navigate(url("/about"));
            assertThat(page.locator("h1").innerText()).isNotBlank();
            Chromium.screenshot(page, "about-desktop-en");
            // The 404 itself is reported by Chromium as a failed resource; anything else is a defect.
            assertThat(errors).allMatch(e -> e.contains("404"), "only the expected 404");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static BrowserContext newContext(Browser browser, int width, int height, String language) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale(language));
    }

}
