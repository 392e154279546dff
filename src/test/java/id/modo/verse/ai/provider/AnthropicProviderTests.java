package id.modo.verse.ai.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.modo.verse.ai.provider.OpenAiProviderTests.assertFailure;
import static id.modo.verse.ai.provider.WireMockProviders.KEY;
import static id.modo.verse.ai.provider.WireMockProviders.SHORT_TIMEOUT;
import static id.modo.verse.ai.provider.WireMockProviders.TIMEOUT;
import static id.modo.verse.ai.provider.WireMockProviders.sse;
import static id.modo.verse.ai.provider.WireMockProviders.structured;
import static id.modo.verse.ai.provider.WireMockProviders.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The Anthropic adapter against a local server answering with the bodies and events of Anthropic's Messages API. */
class AnthropicProviderTests {

    static final WireMockServer anthropic = WireMockProviders.start();

    final AnthropicProvider provider = new AnthropicProvider(Clock.systemUTC());
    final Connection connection = new Connection(KEY, anthropic.baseUrl(), TIMEOUT);

    @BeforeEach
    void reset() {
        anthropic.resetAll();
    }

    @AfterAll
    static void stop() {
        anthropic.stop();
    }

    static final String MESSAGE = """
            {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":2095,"output_tokens":503,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}""";

    static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data;
    }

    static final String MESSAGE_START = event("message_start", """
            {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message","role":"assistant","content":[],\
            "model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}""");
    static final String BLOCK_START = event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    static final String PING = event("ping", "{\"type\":\"ping\"}");

    static String delta(String text) {
        return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
    }

    @Test
    void aWholeAnswerComesWithItsTokenUsageAndTheKey() {
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(okJson(MESSAGE.formatted("\"A thief robs a bank.\""))));

        TextResult result = provider.complete(connection, text("claude-sonnet-4-5"));

        assertThat(result.text()).isEqualTo("A thief robs a bank.");
        assertThat(result.usage()).isEqualTo(new TokenUsage(2095, 503));
        anthropic.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                // How the official SDK (3.16) sends a key, with the API version it was made for.
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("anthropic-version", matching("\\d{4}-\\d{2}-\\d{2}"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5")))
                .withRequestBody(matchingJsonPath("$.system", equalTo("You write loglines.")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("200"))));
    }

    @Test
    void aStructuredAnswerIsAskedForWithItsJsonSchema() {
        anthropic.stubFor(post(urlEqualTo("/v1/messages"))
                .willReturn(okJson(MESSAGE.formatted("\"{\\\"logline\\\":\\\"A thief robs a bank.\\\",\\\"words\\\":5}\""))));

        TextResult result = provider.complete(connection, structured("claude-sonnet-4-5"));

        assertThat(result.text()).contains("\"words\":5");
        anthropic.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.output_config.format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.output_config.format.schema.required[1]", equalTo("words"))));
    }

    @Test
    void aStreamArrivesTokenByTokenWithInputTokensFromItsStartAndOutputTokensFromItsDelta() {
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse(MESSAGE_START, BLOCK_START, PING, delta("A thief"), delta(" robs a bank."),
                        event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                        event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}"),
                        event("message_stop", "{\"type\":\"message_stop\"}")))));
        List<String> tokens = new ArrayList<>();

        TextResult result = provider.stream(connection, text("claude-sonnet-4-5"), tokens::add);

        assertThat(tokens).containsExactly("A thief", " robs a bank.");
        assertThat(result.text()).isEqualTo("A thief robs a bank.");
        assertThat(result.usage()).isEqualTo(new TokenUsage(25, 15));
        anthropic.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void aStreamCutOffMidwayIsABadResponse() {
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse(MESSAGE_START, BLOCK_START, delta("A thief")))));
        List<String> tokens = new ArrayList<>();

        assertFailure(() -> provider.stream(connection, text("claude-sonnet-4-5"), tokens::add), ProviderFailure.Kind.BAD_RESPONSE);
        assertThat(tokens).containsExactly("A thief");
    }

    @Test
    void unauthorizedRateLimitedOverloadedAndServerErrorsMapToTheirKinds() {
        stubError(401, "authentication_error", "invalid x-api-key", null);
        assertFailure(() -> provider.complete(connection, text("claude-sonnet-4-5")), ProviderFailure.Kind.UNAUTHORIZED);

        stubError(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", "12");
        ProviderFailure limited = assertFailure(() -> provider.complete(connection, text("claude-sonnet-4-5")), ProviderFailure.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(12));

        stubError(500, "api_error", "Internal server error", null);
        assertFailure(() -> provider.complete(connection, text("claude-sonnet-4-5")), ProviderFailure.Kind.UNAVAILABLE);

        stubError(529, "overloaded_error", "Overloaded", null);
        assertFailure(() -> provider.complete(connection, text("claude-sonnet-4-5")), ProviderFailure.Kind.UNAVAILABLE);
        anthropic.verify(4, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void aTimeoutIsUnavailable() {
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(okJson(MESSAGE.formatted("\"late\"")).withFixedDelay(3000)));

        assertFailure(() -> provider.complete(new Connection(KEY, anthropic.baseUrl(), SHORT_TIMEOUT), text("claude-sonnet-4-5")),
                ProviderFailure.Kind.UNAVAILABLE);
    }

    @Test
    void malformedJsonIsABadResponse() {
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(okJson("{\"id\":\"msg_01\",\"type\":\"message\",\"content\":[")));

        assertFailure(() -> provider.complete(connection, text("claude-sonnet-4-5")), ProviderFailure.Kind.BAD_RESPONSE);
    }

    @Test
    void anImageIsNotSomethingAnthropicMakes() {
        assertFailure(() -> provider.image(connection, new ImageRequest("claude-sonnet-4-5", "A poster", null)), ProviderFailure.Kind.BAD_RESPONSE);
    }

    private void stubError(int status, String type, String message, String retryAfter) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");
        if (retryAfter != null) {
            response.withHeader("retry-after", retryAfter);
        }
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(response));
    }
}
