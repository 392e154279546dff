package id.modo.verse.ai.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A local server per test class speaking a provider's wire format, and what the tests send it. */
final class WireMockProviders {

    static final String KEY = "sk-test-key-1234";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);
    static final JsonSchema LOGLINE = new JsonSchema("logline", Map.of(
            "type", "object",
            "properties", Map.of("logline", Map.of("type", "string"), "words", Map.of("type", "integer")),
            "required", List.of("logline", "words"),
            "additionalProperties", false));

    private WireMockProviders() {
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    static TextRequest text(String model) {
        return new TextRequest(model, "You write loglines.", "A heist in Jakarta", null, 200);
    }

    static TextRequest structured(String model) {
        return new TextRequest(model, "You write loglines.", "A heist in Jakarta", LOGLINE, 200);
    }

    /** Server-sent events as the providers send them: each event's lines, then a blank line. */
    static String sse(String... events) {
        return java.util.Arrays.stream(events).map(event -> event + "\n\n").collect(Collectors.joining());
    }
}
