package id.modo.verse.ai.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.modo.verse.ai.provider.WireMockProviders.KEY;
import static id.modo.verse.ai.provider.WireMockProviders.SHORT_TIMEOUT;
import static id.modo.verse.ai.provider.WireMockProviders.TIMEOUT;
import static id.modo.verse.ai.provider.WireMockProviders.sse;
import static id.modo.verse.ai.provider.WireMockProviders.structured;
import static id.modo.verse.ai.provider.WireMockProviders.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI adapter against a local server answering with the bodies of OpenAI's API reference. */
class OpenAiProviderTests {

    static final WireMockServer openai = WireMockProviders.start();

    final OpenAiProvider provider = new OpenAiProvider(ProviderKind.OPENAI, Clock.systemUTC());
    final Connection connection = new Connection(KEY, openai.baseUrl() + "/v1", TIMEOUT);

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @AfterAll
    static void stop() {
        openai.stop();
    }

    static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini-2025-04-14",
             "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                      "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                      "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default"}""";

    static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4.1-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}";
    }

    static final String USAGE_CHUNK = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
            + "\"model\":\"gpt-4.1-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":3,\"total_tokens\":22}}";

    @Test
    void aWholeAnswerComesWithItsTokenUsageAndTheKeyAsBearer() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(COMPLETION.formatted("\"A thief robs a bank.\""))));

        TextResult result = provider.complete(connection, text("gpt-4.1-mini"));

        assertThat(result.text()).isEqualTo("A thief robs a bank.");
        assertThat(result.usage()).isEqualTo(new TokenUsage(19, 10));
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("A heist in Jakarta")))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("200"))));
    }

    @Test
    void aStructuredAnswerIsAskedForWithItsJsonSchemaAndChecked() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(okJson(COMPLETION.formatted("\"{\\\"logline\\\":\\\"A thief robs a bank.\\\",\\\"words\\\":5}\""))));

        TextResult result = provider.complete(connection, structured("gpt-4.1-mini"));

        assertThat(result.text()).isEqualTo("{\"logline\":\"A thief robs a bank.\",\"words\":5}");
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("logline")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.required[0]", equalTo("logline"))));
    }

    @Test
    void aStructuredAnswerOutsideTheSchemaComesAsTheModelGaveItForTheGatewayToCheckOnce() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(okJson(COMPLETION.formatted("\"{\\\"logline\\\":\\\"A thief\\\",\\\"words\\\":\\\"five\\\"}\""))));

        assertThat(provider.complete(connection, structured("gpt-4.1-mini")).text()).isEqualTo("{\"logline\":\"A thief\",\"words\":\"five\"}");
    }

    @Test
    void aStreamArrivesTokenByTokenWithTheUsageOfItsLastChunk() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"), chunk("{\"content\":\"A thief\"}", "null"),
                        chunk("{\"content\":\" robs a bank.\"}", "null"), chunk("{}", "\"stop\""), USAGE_CHUNK, "data: [DONE]"))));
        List<String> tokens = new ArrayList<>();

        TextResult result = provider.stream(connection, text("gpt-4.1-mini"), tokens::add);

        assertThat(tokens).containsExactly("A thief", " robs a bank.");
        assertThat(result.text()).isEqualTo("A thief robs a bank.");
        assertThat(result.usage()).isEqualTo(new TokenUsage(19, 3));
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
    }

    @Test
    void aStreamCutOffMidwayIsABadResponse() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse(chunk("{\"role\":\"assistant\",\"content\":\"A thief\"}", "null"), chunk("{\"content\":\" robs\"}", "null")))));
        List<String> tokens = new ArrayList<>();

        assertFailure(() -> provider.stream(connection, text("gpt-4.1-mini"), tokens::add), ProviderFailure.Kind.BAD_RESPONSE);
        assertThat(tokens).containsExactly("A thief", " robs");
    }

    @Test
    void unauthorizedRateLimitedAndServerErrorsMapToTheirKinds() {
        stubError(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-****1234.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}", null);
        assertFailure(() -> provider.complete(connection, text("gpt-4.1-mini")), ProviderFailure.Kind.UNAUTHORIZED);

        stubError(429, "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1-mini\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", "7");
        ProviderFailure limited = assertFailure(() -> provider.complete(connection, text("gpt-4.1-mini")), ProviderFailure.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(limited.retryable()).isTrue();

        stubError(500, "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}", null);
        assertFailure(() -> provider.complete(connection, text("gpt-4.1-mini")), ProviderFailure.Kind.UNAVAILABLE);
        // One attempt each: retries are the gateway's, not the SDK's.
        openai.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aTimeoutAndARefusedConnectionAreUnavailable() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(COMPLETION.formatted("\"late\"")).withFixedDelay(3000)));
        Connection impatient = new Connection(KEY, openai.baseUrl() + "/v1", SHORT_TIMEOUT);
        assertFailure(() -> provider.complete(impatient, text("gpt-4.1-mini")), ProviderFailure.Kind.UNAVAILABLE);

        Connection nobody = new Connection(KEY, "http://127.0.0.1:1/v1", SHORT_TIMEOUT);
        assertFailure(() -> provider.complete(nobody, text("gpt-4.1-mini")), ProviderFailure.Kind.UNAVAILABLE);
    }

    @Test
    void malformedJsonIsABadResponse() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,")));

        assertFailure(() -> provider.complete(connection, text("gpt-4.1-mini")), ProviderFailure.Kind.BAD_RESPONSE);
    }

    @Test
    void anImageComesAsBase64WithItsTokenUsage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        openai.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(okJson("""
                {"created":1713833628,"data":[{"b64_json":"%s"}],
                 "usage":{"total_tokens":100,"input_tokens":50,"output_tokens":50,"input_tokens_details":{"text_tokens":10,"image_tokens":40}}}"""
                .formatted(Base64.getEncoder().encodeToString(png)))));

        ImageResult image = provider.image(connection, new ImageRequest("gpt-image-1", "A poster of a heist", "1024x1024"));

        assertThat(image.bytes()).isEqualTo(png);
        assertThat(image.usage()).isEqualTo(new TokenUsage(50, 50));
        openai.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-image-1")))
                .withRequestBody(matchingJsonPath("$.size", equalTo("1024x1024"))));
    }

    @Test
    void anOpenAiCompatibleServerIsAskedWithMaxTokensAndNoKeyOfItsOwn() {
        OpenAiProvider compatible = new OpenAiProvider(ProviderKind.COMPATIBLE, Clock.systemUTC());
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(COMPLETION.formatted("\"A thief robs a bank.\""))));

        TextResult result = compatible.complete(new Connection(null, openai.baseUrl() + "/v1", TIMEOUT), text("llama3.2"));

        assertThat(result.text()).isEqualTo("A thief robs a bank.");
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.max_tokens", equalTo("200"))));
    }

    private void stubError(int status, String body, String retryAfter) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        if (retryAfter != null) {
            response.withHeader("Retry-After", retryAfter);
        }
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));
    }

    static ProviderFailure assertFailure(Runnable call, ProviderFailure.Kind kind) {
        try {
            call.run();
        } catch (ProviderFailure failure) {
            assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(kind);
            assertThat(failure.getMessage()).doesNotContain(KEY);
            return failure;
        }
        throw new AssertionError("expected a " + kind + " failure");
    }
}
