package id.modo.verse.common.web;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Headers, languages, API docs and operations endpoints as a browser or an operator meets them. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebShellIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void pagesSendSecurityHeaders() {
        var response = http.get("/", HTML);
        assertThat(response.statusCode()).isEqualTo(200);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aPageLargerThanTomcatsDefaultBufferGoesOutWholeWithItsLength() {
        var response = http.get("/", HTML);
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).as("the landing page must exceed Tomcat's 8 KiB default for this to test anything")
                .isGreaterThan(8192).isLessThan(ResponseBuffers.BYTES);
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(body.length);
    }

    @Test
    void pagesHaveNoInlineScriptsOrStyles() {
        for (String path : new String[] {"/", "/about", "/no-such-page"}) {
            String body = http.get(path, HTML).body();
            assertThat(body).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("<style", " style=\"", " onclick=", " onload=")
                    .doesNotContain("//cdn.", "https://unpkg", "https://fonts.");
        }
    }

    @Test
    void languageFollowsAcceptLanguageThenTheSwitchWhichIsRemembered() {
        var indonesian = http.send(http.request("/").header("Accept", HTML).header("Accept-Language", "id-ID,id;q=0.9").GET());
        assertThat(indonesian.body()).contains("<html lang=\"id\"");

        var english = http.send(http.request("/").header("Accept", HTML).header("Accept-Language", "fr-FR").GET());
        assertThat(english.body()).contains("<html lang=\"en\"");

        var switched = http.get("/about?lang=id", HTML);
        assertThat(switched.body()).contains("<html lang=\"id\"", "Tentang MODO");
        String cookie = switched.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("modo_lang=id")).findFirst().orElseThrow();
        assertThat(cookie).contains("Max-Age=").containsIgnoringCase("SameSite=Lax");

        var remembered = http.send(http.request("/about").header("Accept", HTML).header("Accept-Language", "en")
                .header("Cookie", "modo_lang=id").GET());
        assertThat(remembered.body()).contains("<html lang=\"id\"");
    }

    @Test
    void unsupportedLanguageInTheSwitchIsIgnored() {
        var response = http.get("/?lang=xx", HTML);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("modo_lang="));
    }

    @Test
    void staticAssetsAndHtmxAreServedLocally() {
        assertThat(http.get("/webjars/htmx.org/dist/htmx.min.js", "*/*").statusCode()).isEqualTo(200);
        String page = http.get("/", HTML).body();
        var css = java.util.regex.Pattern.compile("href=\"(/css/([a-z]+)-[0-9a-f]+\\.css)\"").matcher(page);
        java.util.List<String> sheets = new java.util.ArrayList<>();
        while (css.find()) {
            sheets.add(css.group(2));
            HttpResponse<String> stylesheet = http.get(css.group(1), "text/css");
            assertThat(stylesheet.statusCode()).as(css.group(1)).isEqualTo(200);
            assertThat(stylesheet.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=604800"));
        }
        assertThat(sheets).as("versioned stylesheet links, the shared one first").startsWith("app").contains("studio", "billing");
    }

    @Test
    void openApiDocumentIsVersion31AndSwaggerUiIsServed() {
        var docs = http.get("/v3/api-docs", "application/json");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).get("openapi").asString()).startsWith("3.1");
        assertThat(json(docs).at("/info/title").asString()).isEqualTo("MODO Creator Verse API");
        assertThat(http.get("/swagger-ui/index.html", HTML).headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self';");
        var ui = http.get("/swagger-ui.html", HTML);
        assertThat(ui.statusCode()).isIn(200, 302);
        assertThat(http.get("/swagger-ui/index.html", HTML).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsPublicWithProbesAndNothingElseIsExposed() {
        var health = http.get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("UP");
        assertThat(json(http.get("/actuator/health/liveness", "application/json")).get("status").asString()).isEqualTo("UP");
        assertThat(json(http.get("/actuator/health/readiness", "application/json")).get("status").asString()).isEqualTo("UP");
        for (String hidden : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/configprops", "/actuator/heapdump"}) {
            assertThat(http.get(hidden, "application/json").statusCode()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void eachRequestIsLoggedOnceWithoutQueryString(CapturedOutput output) throws InterruptedException {
        http.get("/about?token=super-secret-value", HTML);
        // The line is written as the request ends, which can be just after the client has read the whole page.
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (output.getOut().lines().noneMatch(l -> l.contains("GET /about 200")) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        String line = output.getOut().lines().filter(l -> l.contains("GET /about 200")).findFirst().orElseThrow();
        assertThat(line).matches(".*GET /about 200 \\d+ms.*");
        assertThat(output.getOut()).doesNotContain("super-secret-value");
    }
}
