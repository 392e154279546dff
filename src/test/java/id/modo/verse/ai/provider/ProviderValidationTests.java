package id.modo.verse.ai.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static id.modo.verse.ai.provider.OpenAiProviderTests.assertFailure;
import static id.modo.verse.ai.provider.ProviderValidationBodies.ANTHROPIC_401;
import static id.modo.verse.ai.provider.ProviderValidationBodies.ANTHROPIC_MODELS;
import static id.modo.verse.ai.provider.ProviderValidationBodies.GEMINI_403;
import static id.modo.verse.ai.provider.ProviderValidationBodies.GEMINI_BAD_KEY;
import static id.modo.verse.ai.provider.ProviderValidationBodies.GEMINI_MODELS;
import static id.modo.verse.ai.provider.ProviderValidationBodies.OPENAI_401;
import static id.modo.verse.ai.provider.ProviderValidationBodies.OPENAI_MODELS;
import static id.modo.verse.ai.provider.WireMockProviders.KEY;
import static id.modo.verse.ai.provider.WireMockProviders.SHORT_TIMEOUT;
import static id.modo.verse.ai.provider.WireMockProviders.TIMEOUT;

/**
 * "Test key": each adapter lists the provider's models with the key (the cheapest call there is), against a local
 * server answering with the providers' documented list bodies and their refusals of a wrong key.
 */
class ProviderValidationTests {

    static final WireMockServer server = WireMockProviders.start();

    final Connection openai = new Connection(KEY, server.baseUrl() + "/v1", TIMEOUT);
    final Connection anthropic = new Connection(KEY, server.baseUrl(), TIMEOUT);
    final Connection gemini = new Connection(KEY, server.baseUrl(), TIMEOUT);

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void openAiTakesAKeyThatListsItsModels() {
        server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson(OPENAI_MODELS)));

        new OpenAiProvider(ProviderKind.OPENAI, Clock.systemUTC()).validate(openai);

        server.verify(getRequestedFor(urlPathEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void openAiRefusalsLimitsAndOutagesMapToTheirKinds() {
        OpenAiProvider provider = new OpenAiProvider(ProviderKind.OPENAI, Clock.systemUTC());
        stub("/v1/models", json(401, OPENAI_401));
        assertFailure(() -> provider.validate(openai), ProviderFailure.Kind.UNAUTHORIZED);
        stub("/v1/models", json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                .withHeader("Retry-After", "3"));
        assertFailure(() -> provider.validate(openai), ProviderFailure.Kind.RATE_LIMITED);
        stub("/v1/models", json(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
        assertFailure(() -> provider.validate(openai), ProviderFailure.Kind.UNAVAILABLE);
        stub("/v1/models", okJson(OPENAI_MODELS).withFixedDelay(1500));
        assertFailure(() -> provider.validate(new Connection(KEY, server.baseUrl() + "/v1", SHORT_TIMEOUT)), ProviderFailure.Kind.UNAVAILABLE);
    }

    @Test
    void anthropicTakesAKeyThatListsItsModels() {
        server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson(ANTHROPIC_MODELS)));

        new AnthropicProvider(Clock.systemUTC()).validate(anthropic);

        server.verify(getRequestedFor(urlPathEqualTo("/v1/models")).withQueryParam("limit", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void anthropicRefusalsLimitsAndOutagesMapToTheirKinds() {
        AnthropicProvider provider = new AnthropicProvider(Clock.systemUTC());
        stub("/v1/models", json(401, ANTHROPIC_401));
        assertFailure(() -> provider.validate(anthropic), ProviderFailure.Kind.UNAUTHORIZED);
        stub("/v1/models", json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}}")
                .withHeader("retry-after", "5"));
        assertFailure(() -> provider.validate(anthropic), ProviderFailure.Kind.RATE_LIMITED);
        stub("/v1/models", json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        assertFailure(() -> provider.validate(anthropic), ProviderFailure.Kind.UNAVAILABLE);
    }

    @Test
    void geminiTakesAKeyThatListsItsModels() {
        server.stubFor(get(urlPathMatching("/v1(beta)?/models")).willReturn(okJson(GEMINI_MODELS)));

        new GeminiProvider(java.time.Clock.systemUTC()).validate(gemini);

        server.verify(getRequestedFor(urlPathMatching("/v1(beta)?/models")).withHeader("x-goog-api-key", equalTo(KEY)));
    }

    @Test
    void geminiRefusalsLimitsAndOutagesMapToTheirKinds() {
        GeminiProvider provider = new GeminiProvider(java.time.Clock.systemUTC());
        stub("/v1(beta)?/models", json(400, GEMINI_BAD_KEY));
        assertFailure(() -> provider.validate(gemini), ProviderFailure.Kind.UNAUTHORIZED);
        stub("/v1(beta)?/models", json(403, GEMINI_403));
        assertFailure(() -> provider.validate(gemini), ProviderFailure.Kind.UNAUTHORIZED);
        stub("/v1(beta)?/models", json(429, "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota.\",\"status\":\"RESOURCE_EXHAUSTED\"}}"));
        assertFailure(() -> provider.validate(gemini), ProviderFailure.Kind.RATE_LIMITED);
        stub("/v1(beta)?/models", json(503, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}"));
        assertFailure(() -> provider.validate(gemini), ProviderFailure.Kind.UNAVAILABLE);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void stub(String path, ResponseDefinitionBuilder response) {
        server.resetAll();
        server.stubFor(get(urlPathMatching(path)).willReturn(response));
    }
}
