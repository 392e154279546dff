package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streamed generations against a provider that sends its answer slowly, a few bytes at a time (WireMock's chunked
 * dribble: the SSE events arrive split at arbitrary bytes, as over a slow network).
 */
@AiGatewayTest
class GenerationStreamingIntegrationTests {

    static final String[] TOKENS = {"Kancil", " outwits", " the", " crocodiles."};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    Http http;
    Users.Signed owner;
    String org;
    String marker;

    @BeforeEach
    void organization() {
        http = new Http(port);
        owner = new Users(http).signUpAndIn("ai-stream");
        org = GenerationApiIntegrationTests.organizationOf(http.withBearer(owner.token()));
        marker = "marker-" + UUID.randomUUID();
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void everyTokenOfADribbledStreamReachesTheClient() {
        stub(streaming(marker).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiWire.stream(TOKENS)).withChunkedDribbleDelay(40, 2000)));
        int before = balance().available();

        String body = stream(marker);

        assertThat(tokens(body)).as(body).containsExactly(TOKENS);
        assertThat(body).contains("\"result\":\"Kancil outwits the crocodiles.\"").contains("\"credits_charged\":3");
        assertThat(balance().available()).isEqualTo(before - 3);
    }

    /**
     * The whole answer takes longer than {@code modo.ai.timeout} (10 s in these tests), but no pause between its bytes
     * comes near it: a provider that keeps sending is not a provider that stopped answering.
     */
    @Test
    void aStreamLongerThanTheTimeoutButNeverSilentForItIsNotCutOff() {
        stub(streaming(marker).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiWire.stream(TOKENS)).withChunkedDribbleDelay(60, 12_000)));

        String body = stream(marker);

        assertThat(tokens(body)).as(body).containsExactly(TOKENS);
        assertThat(body).doesNotContain("event:error").contains("\"status\":\"completed\"");
    }

    @Test
    void aStructuredTypeStreamsItsRawJsonSaysWhenAnAnswerWasDiscardedAndEndsWithTheJsonThatFit() {
        String[] unfit = {"{\"beats\":[{\"name\":", "\"Catalyst\"}]}"};
        String[] fit = {"{\"beats\":[{\"name\":\"Opening Image\",", "\"description\":\"The drought.\",\"intensity\":2}]}"};
        stub(streaming(marker).inScenario(marker).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("asked").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiWire.stream(unfit))));
        stub(streaming(marker).inScenario(marker).whenScenarioStateIs("asked").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(OpenAiWire.stream(fit))));

        HttpResponse<String> streamed = http.unchecked().send(http.request("/api/v1/organizations/" + org + "/ai/generations")
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(GenerationApiIntegrationTests.structure(marker))));

        String body = streamed.body();
        assertThat(streamed.statusCode()).as(body).isEqualTo(200);
        assertThat(tokens(body)).hasSize(4);
        int discarded = body.indexOf("event:discarded");
        assertThat(discarded).as(body).isGreaterThan(body.indexOf("Catalyst")).isLessThan(body.indexOf("Opening Image"));
        assertThat(body.substring(body.indexOf("event:generation"))).contains("\"status\":\"completed\"")
                .contains("\"result_json\":{\"beats\":[{\"name\":\"Opening Image\"").contains("\"credits_charged\":10");
    }

    @Test
    void cancellingAStreamedGenerationClosesTheProviderStreamAndGivesTheCreditsBackOnce() throws Exception {
        // Four tokens dribbled over 40 s: read to its end, this answer would keep the stream open that long.
        stub(streaming(marker).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiWire.stream(TOKENS)).withChunkedDribbleDelay(80, 40_000)));
        int before = balance().available();
        Instant started = Instant.now();
        HttpResponse<Stream<String>> streamed = open(marker);
        Iterator<String> lines = streamed.body().iterator();
        readUntil(lines, "event:token");
        String id = generationOf(marker);
        assertThat(balance().held()).isEqualTo(3);

        HttpResponse<String> cancelled = http.withBearer(owner.token()).call("POST", "/api/v1/ai/generations/" + id + "/cancel", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        // The stream ends with the cancelled generation as soon as the provider's stream is closed, not when it would end.
        String rest = readUntil(lines, "event:generation") + readToEnd(lines);
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(25));
        assertThat(rest).contains("\"status\":\"cancelled\"").doesNotContain("event:error");
        assertThat(balance().available()).isEqualTo(before);
        assertThat(balance().held()).isZero();
        assertCancelledOnce(id);
    }

    @Test
    void aReaderWhoLeavesAStreamCancelsItAndTheCreditsComeBack() throws Exception {
        // Many small tokens, so the app finds the reader gone at one of its next sends.
        String[] many = java.util.Collections.nCopies(24, " word").toArray(String[]::new);
        stub(streaming(marker).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiWire.stream(many)).withChunkedDribbleDelay(160, 40_000)));
        int before = balance().available();
        Instant started = Instant.now();
        HttpResponse<Stream<String>> streamed = open(marker);
        readUntil(streamed.body().iterator(), "event:token");
        String id = generationOf(marker);

        streamed.body().close();

        // Noticed at the next token the app tries to send, and the provider's stream closed then.
        GenerationApiIntegrationTests.waitFor(() -> "cancelled".equals(status(id)));
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(balance().available()).isEqualTo(before);
        assertThat(balance().held()).isZero();
        assertCancelledOnce(id);
    }

    // ---------------------------------------------------------------- helpers

    void assertCancelledOnce(String id) {
        assertThat(jdbc.sql("select status, credits_used from ai_usage_logs where request_metadata ->> 'generation_id' = ?").param(id)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getInt(2)).list()).containsExactly("cancelled:0");
        assertThat(jdbc.sql("select status from credit_reservations where reference_id = ?").param(id).query(String.class).list())
                .containsExactly("released");
    }

    HttpResponse<Stream<String>> open(String premise) throws Exception {
        HttpRequest request = http.request("/api/v1/organizations/" + org + "/ai/generations").timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(GenerationApiIntegrationTests.synopsis(premise))).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** The lines up to and including the first that starts with {@code prefix}. */
    static String readUntil(Iterator<String> lines, String prefix) {
        StringBuilder read = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            read.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return read.toString();
            }
        }
        throw new AssertionError("The stream ended before " + prefix + ": " + read);
    }

    static String readToEnd(Iterator<String> lines) {
        StringBuilder read = new StringBuilder();
        lines.forEachRemaining(line -> read.append(line).append('\n'));
        return read.toString();
    }

    String generationOf(String premise) {
        return jdbc.sql("select id from ai_generations where organization_id = ? and input ->> 'premise' = ?")
                .params(UUID.fromString(org), premise).query(UUID.class).single().toString();
    }

    String status(String generation) {
        return jdbc.sql("select status from ai_generations where id = ?").param(UUID.fromString(generation)).query(String.class).single();
    }

    MappingBuilder streaming(String text) {
        return post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY))
                .withRequestBody(containing(text)).withRequestBody(containing("\"stream\":true"));
    }

    void stub(MappingBuilder stub) {
        stubs.add(providers.stubFor(stub));
    }

    String stream(String premise) {
        HttpResponse<String> streamed = http.unchecked().send(http.request("/api/v1/organizations/" + org + "/ai/generations")
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(GenerationApiIntegrationTests.synopsis(premise))));
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        return streamed.body();
    }

    /** The texts of the stream's {@code token} events, in order. */
    static List<String> tokens(String body) {
        List<String> tokens = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("event:token\ndata:\\{\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"}").matcher(body);
        while (matcher.find()) {
            tokens.add(matcher.group(1));
        }
        return tokens;
    }

    CreditLedger.Balances balance() {
        return ledger.balances(OrganizationId.of(UUID.fromString(org)));
    }
}
