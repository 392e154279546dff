package id.modo.verse.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright, never a downloaded browser, started once per
 * test JVM. Where /usr/bin/chromium is missing, browser tests are skipped with the reason printed,
 * unless MODO_REQUIRE_BROWSER=1 (CI) turns that into a failure.
 */
public final class Chromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Browser browser;

    private Chromium() {
    }

    /** The shared browser; each test opens its own context (cookies, language, viewport) in it. */
    public static synchronized Browser browser() {
        if (browser == null) {
            browser = launch();
        }
        return browser;
    }

    private static Browser launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String reason = EXECUTABLE + " is not installed (apt-get install chromium)";
            if ("1".equals(System.getenv("MODO_REQUIRE_BROWSER"))) {
                Assertions.fail("MODO_REQUIRE_BROWSER=1 but " + reason);
            }
            System.out.println("SKIPPED browser tests: " + reason);
            Assumptions.abort(reason);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser launched = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launched.close();
            playwright.close();
        }, "chromium-close"));
        return launched;
    }

    /** Collects the page's console errors and uncaught exceptions (a CSP violation shows up as one). */
    public static List<String> consoleErrors(Page page) {
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        return errors;
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
