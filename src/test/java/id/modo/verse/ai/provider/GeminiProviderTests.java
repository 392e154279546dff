package id.modo.verse.ai.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static id.modo.verse.ai.provider.OpenAiProviderTests.assertFailure;
import static id.modo.verse.ai.provider.WireMockProviders.KEY;
import static id.modo.verse.ai.provider.WireMockProviders.SHORT_TIMEOUT;
import static id.modo.verse.ai.provider.WireMockProviders.TIMEOUT;
import static id.modo.verse.ai.provider.WireMockProviders.sse;
import static id.modo.verse.ai.provider.WireMockProviders.structured;
import static id.modo.verse.ai.provider.WireMockProviders.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The Gemini adapter against a local server answering with the bodies of the Gemini API's generateContent. */
class GeminiProviderTests {

    static final WireMockServer gemini = WireMockProviders.start();
    static final String GENERATE = "/v1/models/gemini-2.5-flash:generateContent";
    static final String STREAM = "/v1/models/gemini-2.5-flash:streamGenerateContent";

    final GeminiProvider provider = new GeminiProvider(java.time.Clock.systemUTC());
    final Connection connection = new Connection(KEY, gemini.baseUrl(), TIMEOUT);

    @BeforeEach
    void reset() {
        gemini.resetAll();
    }

    @AfterAll
    static void stop() {
        gemini.stop();
    }

    static String response(String parts, String finishReason, String usage) {
        return "{\"candidates\":[{\"content\":{\"parts\":[" + parts + "],\"role\":\"model\"}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"") + ",\"index\":0}]"
                + (usage == null ? "" : ",\"usageMetadata\":" + usage) + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"mJ5nZ-2aA8-2qtsPvLjH8Ak\"}";
    }

    static String textPart(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    static final String USAGE = "{\"promptTokenCount\":8,\"candidatesTokenCount\":6,\"totalTokenCount\":30,\"thoughtsTokenCount\":16,"
            + "\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":8}]}";

    @Test
    void aWholeAnswerComesWithItsTokenUsageCountingThoughtsAsOutput() {
        gemini.stubFor(post(urlPathEqualTo(GENERATE)).willReturn(okJson(response(textPart("A thief robs a bank."), "STOP", USAGE))));

        TextResult result = provider.complete(connection, text("gemini-2.5-flash"));

        assertThat(result.text()).isEqualTo("A thief robs a bank.");
        assertThat(result.usage()).isEqualTo(new TokenUsage(8, 22));
        gemini.verify(postRequestedFor(urlPathEqualTo(GENERATE))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[0].text", equalTo("A heist in Jakarta")))
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", equalTo("You write loglines.")))
                .withRequestBody(matchingJsonPath("$.generationConfig.maxOutputTokens", equalTo("200"))));
    }

    @Test
    void aStructuredAnswerIsAskedForAsJsonWithItsSchema() {
        gemini.stubFor(post(urlPathEqualTo(GENERATE))
                .willReturn(okJson(response(textPart("{\\\"logline\\\":\\\"A thief robs a bank.\\\",\\\"words\\\":5}"), "STOP", USAGE))));

        TextResult result = provider.complete(connection, structured("gemini-2.5-flash"));

        assertThat(result.text()).contains("\"words\":5");
        gemini.verify(postRequestedFor(urlPathEqualTo(GENERATE))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseMimeType", equalTo("application/json")))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.required[0]", equalTo("logline"))));
    }

    @Test
    void aStreamArrivesChunkByChunkOverServerSentEvents() {
        gemini.stubFor(post(urlPathEqualTo(STREAM)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse("data: " + response(textPart("A thief"), null, null),
                        "data: " + response(textPart(" robs a bank."), null, null),
                        "data: " + response(textPart(""), "STOP", USAGE)))));
        List<String> tokens = new ArrayList<>();

        TextResult result = provider.stream(connection, text("gemini-2.5-flash"), tokens::add);

        assertThat(tokens).containsExactly("A thief", " robs a bank.");
        assertThat(result.text()).isEqualTo("A thief robs a bank.");
        assertThat(result.usage()).isEqualTo(new TokenUsage(8, 22));
        gemini.verify(postRequestedFor(urlEqualTo(STREAM + "?alt=sse")));
    }

    @Test
    void aStreamCutOffMidwayIsABadResponse() {
        gemini.stubFor(post(urlPathEqualTo(STREAM)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(sse("data: " + response(textPart("A thief"), null, null)))));
        List<String> tokens = new ArrayList<>();

        assertFailure(() -> provider.stream(connection, text("gemini-2.5-flash"), tokens::add), ProviderFailure.Kind.BAD_RESPONSE);
        assertThat(tokens).containsExactly("A thief");
    }

    @Test
    void unauthorizedRateLimitedAndServerErrorsMapToTheirKinds() {
        stubError(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers.", null);
        assertFailure(() -> provider.complete(connection, text("gemini-2.5-flash")), ProviderFailure.Kind.UNAUTHORIZED);

        stubError(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota.", "9");
        assertFailure(() -> provider.complete(connection, text("gemini-2.5-flash")), ProviderFailure.Kind.RATE_LIMITED);

        stubError(500, "INTERNAL", "An internal error has occurred.", null);
        assertFailure(() -> provider.complete(connection, text("gemini-2.5-flash")), ProviderFailure.Kind.UNAVAILABLE);

        stubError(503, "UNAVAILABLE", "The model is overloaded.", null);
        assertFailure(() -> provider.complete(connection, text("gemini-2.5-flash")), ProviderFailure.Kind.UNAVAILABLE);
        gemini.verify(4, postRequestedFor(urlPathEqualTo(GENERATE)));
    }

    @Test
    void aTimeoutIsUnavailable() {
        gemini.stubFor(post(urlPathEqualTo(GENERATE)).willReturn(okJson(response(textPart("late"), "STOP", USAGE)).withFixedDelay(3000)));

        assertFailure(() -> provider.complete(new Connection(KEY, gemini.baseUrl(), SHORT_TIMEOUT), text("gemini-2.5-flash")),
                ProviderFailure.Kind.UNAVAILABLE);
    }

    @Test
    void malformedJsonIsABadResponse() {
        gemini.stubFor(post(urlPathEqualTo(GENERATE)).willReturn(okJson("{\"candidates\":[{\"content\":")));

        assertFailure(() -> provider.complete(connection, text("gemini-2.5-flash")), ProviderFailure.Kind.BAD_RESPONSE);
    }

    @Test
    void anImageComesAsInlineData() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        gemini.stubFor(post(urlPathEqualTo("/v1/models/gemini-2.5-flash-image:generateContent")).willReturn(okJson(response(
                textPart("Here is your poster.") + ",{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + Base64.getEncoder().encodeToString(png) + "\"}}",
                "STOP", "{\"promptTokenCount\":7,\"candidatesTokenCount\":1290,\"totalTokenCount\":1297}"))));

        ImageResult image = provider.image(connection, new ImageRequest("gemini-2.5-flash-image", "A poster of a heist", null));

        assertThat(image.bytes()).isEqualTo(png);
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.usage()).isEqualTo(new TokenUsage(7, 1290));
        gemini.verify(postRequestedFor(urlPathEqualTo("/v1/models/gemini-2.5-flash-image:generateContent"))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseModalities[1]", equalTo("IMAGE"))));
    }

    /** Gemini's documented 429: RESOURCE_EXHAUSTED with QuotaFailure, Help and RetryInfo details. */
    static final String QUOTA_EXCEEDED = """
            {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.",
             "status":"RESOURCE_EXHAUSTED","details":[
              {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
                "quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
                "quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                "quotaDimensions":{"location":"global","model":"gemini-2.5-flash"},"quotaValue":"10"}]},
              {"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Learn more about Gemini API quotas",
                "url":"https://ai.google.dev/gemini-api/docs/rate-limits"}]},
              {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"7s"}]}}""";

    @Test
    void aRateLimitCarriesTheWaitOfItsRetryInfoOrItsHeaderWhicheverIsLonger() {
        gemini.stubFor(post(urlPathEqualTo(GENERATE)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(QUOTA_EXCEEDED)));
        assertThat(rateLimited(() -> provider.complete(connection, text("gemini-2.5-flash"))).retryAfter()).isEqualTo(java.time.Duration.ofSeconds(7));

        gemini.stubFor(post(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(QUOTA_EXCEEDED.replace("\"7s\"", "\"0.5s\""))));
        assertThat(rateLimited(() -> provider.stream(connection, text("gemini-2.5-flash"), token -> { })).retryAfter())
                .isEqualTo(java.time.Duration.ofMillis(500));

        gemini.stubFor(post(urlPathEqualTo(GENERATE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("Content-Type", "application/json").withBody(QUOTA_EXCEEDED)));
        assertThat(rateLimited(() -> provider.complete(connection, text("gemini-2.5-flash"))).retryAfter()).isEqualTo(java.time.Duration.ofSeconds(30));

        stubError(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota.", null);
        assertThat(rateLimited(() -> provider.complete(connection, text("gemini-2.5-flash"))).retryAfter()).isNull();
    }

    private static ProviderFailure rateLimited(Runnable call) {
        return assertFailure(call, ProviderFailure.Kind.RATE_LIMITED);
    }

    private void stubError(int status, String reason, String message, String retryAfter) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + reason + "\"}}");
        if (retryAfter != null) {
            response.withHeader("Retry-After", retryAfter);
        }
        gemini.stubFor(post(urlPathEqualTo(GENERATE)).willReturn(response));
    }
}
