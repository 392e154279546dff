package id.modo.verse.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright, never a downloaded browser. Where
 * /usr/bin/chromium is missing, browser tests are skipped with the reason printed, unless
 * MODO_REQUIRE_BROWSER=1 (CI) turns that into a failure.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
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
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
