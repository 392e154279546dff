package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's exactness figure in the suite: mixed generations from 16 threads (answered whole, streamed, as jobs and
 * as images; failing with a 500 on every route, a refused key, a malformed answer; cancelled while waiting or while
 * the provider works), then the books checked generation by generation. 300 calls here;
 * {@code -Dmodo.bench.ai-exactness.calls=1000} (bench/ai-exactness.sh) runs the size and prints the sums.
 */
@AiGatewayTest
class GenerationExactnessIntegrationTests {

    static final int CALLS = Integer.getInteger("modo.bench.ai-exactness.calls", 300);
    static final int THREADS = 16;

    /** What the provider does with a call, and how many provider requests it takes when nobody cancels it. */
    enum Kind {
        OK(1), STREAM(1), JOB(1), IMAGE(1), DOWN(2), REFUSED(1), MALFORMED(1), CANCEL_WAITING(1), CANCEL_RUNNING(1);

        final int requests;

        Kind(int requests) {
            this.requests = requests;
        }

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One call as sent: its kind, its marker in the prompt, whether it ran as a job, its HTTP answer. */
    record Call(int n, Kind kind, String marker, boolean async, int status) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;
    @Autowired
    GenerationStore store;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    final String run = "xk" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void mixedGenerationsFrom16ThreadsLeaveTheLedgerTheUsageLogAndTheGenerationsInAgreement() throws Exception {
        Http http = new Http(port);
        // Answered-in-the-request calls go to an organization whose plan runs more at once than there are threads, so none
        // is refused for concurrency; jobs wait in line in another, on a plan with fewer slots than threads.
        List<Http> direct = members(http, "enterprise");
        List<Http> queued = members(http, "team");
        String directOrg = organizationOfMembers.get(direct.getFirst());
        String queuedOrg = organizationOfMembers.get(queued.getFirst());
        stubProviders();

        Random random = new Random(20261206L);
        List<Kind> kinds = new ArrayList<>();
        for (int n = 0; n < CALLS; n++) {
            kinds.add(Kind.values()[n % Kind.values().length]);
        }
        Collections.shuffle(kinds, random);
        List<Boolean> asyncFailures = new ArrayList<>();
        for (int n = 0; n < CALLS; n++) {
            asyncFailures.add(random.nextBoolean());
        }

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Call>> futures = new ArrayList<>();
        Instant started = Instant.now();
        for (int n = 0; n < CALLS; n++) {
            int i = n;
            Kind kind = kinds.get(i);
            boolean async = switch (kind) {
                case JOB, IMAGE, CANCEL_WAITING -> true;
                case DOWN, REFUSED, MALFORMED -> asyncFailures.get(i);
                default -> false;
            };
            List<Http> people = async ? queued : direct;
            Http as = people.get(i % people.size());
            String org = async ? queuedOrg : directOrg;
            futures.add(threads.submit(() -> call(as, org, i, kind, async)));
        }
        List<Call> calls = new ArrayList<>();
        try {
            for (Future<Call> future : futures) {
                calls.add(future.get(5, TimeUnit.MINUTES));
            }
        } finally {
            // A failed call must not leave the others running into the next test class.
            threads.shutdownNow();
        }
        List<UUID> orgs = List.of(UUID.fromString(directOrg), UUID.fromString(queuedOrg));
        waitFor(() -> jdbc.sql("select count(*) from ai_generations where organization_id in (:orgs) and status in ('pending', 'running')")
                .param("orgs", orgs).query(Integer.class).single() == 0);
        Duration took = Duration.between(started, Instant.now());

        // Every call was taken: none refused for concurrency, credits or rate, and none failed on our side.
        assertThat(calls).allSatisfy(call -> assertThat(call.status()).as("%s", call).isIn(200, 202, 502, 503));
        List<Generation> generations = generations(orgs);
        assertThat(generations).hasSize(CALLS);

        Map<UUID, Integer> usageRows = perGeneration("""
                select cast(request_metadata ->> 'generation_id' as uuid) as id, count(*) as n from ai_usage_logs
                where organization_id in (:orgs) group by 1""", orgs);
        Map<UUID, Integer> usageCredits = perGeneration("""
                select cast(request_metadata ->> 'generation_id' as uuid) as id, sum(credits_used) as n from ai_usage_logs
                where organization_id in (:orgs) group by 1""", orgs);
        Map<UUID, Integer> ledgerDebits = perGeneration("""
                select cast(reference_id as uuid) as id, -sum(amount) as n from credit_transactions
                where organization_id in (:orgs) and reference_type = 'ai_generation' group by 1""", orgs);
        Map<UUID, String> reservations = jdbc.sql("""
                select reference_id, status, coalesce(actual_amount, 0) as actual from credit_reservations where organization_id in (:orgs)""")
                .param("orgs", orgs).query((rs, n) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getString(2) + ":" + rs.getInt(3)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Call> byMarker = new ConcurrentHashMap<>();
        calls.forEach(call -> byMarker.put(call.marker(), call));

        Map<GenerationStatus, Integer> ended = new EnumMap<>(GenerationStatus.class);
        Map<Kind, Integer> recalled = new EnumMap<>(Kind.class);
        int completedImages = 0;
        for (Generation g : generations) {
            ended.merge(g.status(), 1, Integer::sum);
            Call call = byMarker.get(marker(g));
            assertThat(call).as("generation %s has a call", g.id()).isNotNull();
            UUID id = g.id().value();
            int charged = g.creditsCharged();
            // One usage row, and the ledger, the usage row and the generation say the same credits.
            assertThat(usageRows.get(id)).as("usage rows of %s", g.id()).isEqualTo(1);
            assertThat(usageCredits.get(id)).as("usage credits of %s", g.id()).isEqualTo(charged);
            assertThat(ledgerDebits.getOrDefault(id, 0)).as("ledger debit of %s", g.id()).isEqualTo(charged);
            assertThat(g.creditsPrice()).isPositive();
            if (g.status() == GenerationStatus.COMPLETED) {
                assertThat(charged).as("%s", call).isEqualTo(g.creditsPrice());
                assertThat(reservations.get(id)).isEqualTo("committed:" + charged);
                assertThat(call.kind()).as("%s completed", call).isIn(Kind.OK, Kind.STREAM, Kind.JOB, Kind.IMAGE, Kind.CANCEL_WAITING,
                        Kind.CANCEL_RUNNING);
            } else {
                assertThat(charged).as("%s", call).isZero();
                assertThat(reservations.get(id)).as("%s", call).isEqualTo("released:0");
            }
            switch (call.kind()) {
                case OK, STREAM, JOB, IMAGE -> assertThat(g.status()).as("%s", call).isEqualTo(GenerationStatus.COMPLETED);
                case DOWN, REFUSED, MALFORMED -> assertThat(g.status()).as("%s", call).isEqualTo(GenerationStatus.FAILED);
                default -> assertThat(g.status()).as("%s", call).isIn(GenerationStatus.CANCELLED, GenerationStatus.COMPLETED);
            }
            if (call.kind() == Kind.IMAGE) {
                completedImages++;
                assertThat(g.resultAssetId()).isNotNull();
            } else {
                assertThat(g.resultAssetId()).isNull();
            }
            // Each call reached the provider as often as its kind takes, never again; a cancelled one at most that often.
            int requests = providerRequests(call);
            if (call.kind() == Kind.CANCEL_WAITING || call.kind() == Kind.CANCEL_RUNNING) {
                assertThat(requests).as("%s", call).isBetween(g.status() == GenerationStatus.COMPLETED ? 1 : 0, 1);
            } else {
                assertThat(requests).as("provider requests of %s", call).isEqualTo(call.kind().requests);
            }
            if (requests > call.kind().requests) {
                recalled.merge(call.kind(), 1, Integer::sum);
            }
        }
        assertThat(ended.getOrDefault(GenerationStatus.CANCELLED, 0)).as("some cancels won their race").isPositive();
        assertThat(jdbc.sql("select count(*) from assets where organization_id in (:orgs) and category = 'ai'").param("orgs", orgs)
                .query(Integer.class).single()).isEqualTo(completedImages);

        int committed = 0;
        int grants = 0;
        for (UUID org : orgs) {
            CreditLedger.Balances balance = ledger.balances(OrganizationId.of(org));
            int orgGrants = jdbc.sql("select coalesce(sum(amount), 0) from credit_transactions where organization_id = ? and amount > 0")
                    .param(org).query(Integer.class).single();
            int orgUsed = jdbc.sql("select coalesce(sum(credits_used), 0) from ai_usage_logs where organization_id = ?")
                    .param(org).query(Integer.class).single();
            assertThat(balance.held()).isZero();
            assertThat(balance.total()).isEqualTo(orgGrants - orgUsed);
            committed += orgUsed;
            grants += orgGrants;
        }
        assertThat(jdbc.sql("select count(*) from credit_reservations where organization_id in (:orgs) and status not in ('committed', 'released')")
                .param("orgs", orgs).query(Integer.class).single()).isZero();

        System.out.printf("ai-exactness: %d calls from %d threads in %.1f s; generations %s; grants %d, committed %d (usage log %d, ledger %d), "
                        + "balance %d = grants - committed; holds left 0; provider re-calls %s%n",
                CALLS, THREADS, took.toMillis() / 1000.0, ended, grants, committed, sum(usageCredits), sum(ledgerDebits),
                grants - committed, recalled);
    }

    // ---------------------------------------------------------------- the calls

    private Call call(Http as, String org, int n, Kind kind, boolean async) {
        String marker = run + "-" + kind.tag() + "-" + n + "-";
        String path = "/api/v1/organizations/" + org + "/ai/generations";
        String body = kind == Kind.IMAGE
                ? "{\"type\":\"character_image\",\"input\":{\"name\":\"Kancil\",\"description\":\"a clever mouse-deer, " + marker + "\"}}"
                : "{\"type\":\"synopsis\",\"input\":{\"premise\":\"" + marker + "\",\"genre\":\"fable\"}}";
        // A shared, busy machine answers some calls slowly; the figure is the books, not the latency.
        HttpRequest.Builder request = as.request(path).timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .header("Accept", kind == Kind.STREAM ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (async && kind != Kind.IMAGE) {
            request.header("Prefer", "respond-async");
        }
        if (kind == Kind.CANCEL_RUNNING) {
            // The request waits for the provider; the cancel comes from beside it once the generation runs.
            CompletableFuture<HttpResponse<String>> answered = CompletableFuture.supplyAsync(() -> as.send(request));
            UUID id = null;
            while (id == null && !answered.isDone()) {
                id = jdbc.sql("select id from ai_generations where input ->> 'premise' = ? and status = 'running'").param(marker)
                        .query(UUID.class).optional().orElse(null);
                pause();
            }
            if (id != null) {
                cancel(as, id.toString());
            }
            return new Call(n, kind, marker, false, answered.join().statusCode());
        }
        HttpResponse<String> answered = kind == Kind.STREAM ? as.unchecked().send(request) : as.send(request);
        if (kind == Kind.CANCEL_WAITING) {
            cancel(as, Http.json(answered).get("id").asString());
        }
        return new Call(n, kind, marker, async, answered.statusCode());
    }

    private static void cancel(Http as, String id) {
        HttpResponse<String> cancelled = as.call("POST", "/api/v1/ai/generations/" + id + "/cancel", null);
        // The answer may have won the race: then the generation has ended and cancelling it is 409.
        assertThat(cancelled.statusCode()).as(cancelled.body()).isIn(200, 409);
    }

    private void stubProviders() {
        stub(openAi(Kind.OK).willReturn(okJson(OpenAiWire.completion("Kancil crosses the river.")).withUniformRandomDelay(5, 60)));
        stub(openAi(Kind.JOB).willReturn(okJson(OpenAiWire.completion("Kancil crosses the river.")).withUniformRandomDelay(5, 60)));
        stub(openAi(Kind.CANCEL_WAITING).willReturn(okJson(OpenAiWire.completion("Kancil crosses the river.")).withUniformRandomDelay(5, 120)));
        stub(openAi(Kind.CANCEL_RUNNING).willReturn(okJson(OpenAiWire.completion("Kancil crosses the river.")).withFixedDelay(300)));
        stub(openAi(Kind.STREAM).withRequestBody(containing("\"stream\":true")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(OpenAiWire.stream("Kancil", " crosses", " the river."))));
        stub(openAi(Kind.DOWN).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(OpenAiWire.SERVER_ERROR)));
        stub(post(urlEqualTo("/v1/messages")).withRequestBody(containing(run + "-" + Kind.DOWN.tag() + "-"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}")));
        stub(openAi(Kind.REFUSED).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"Incorrect API key provided: sk-platf*****ests. You can find your API key at \
                https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""")));
        stub(openAi(Kind.MALFORMED).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":")));
        stub(post(urlEqualTo("/v1/images/generations")).withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY))
                .withRequestBody(containing(run + "-" + Kind.IMAGE.tag() + "-"))
                .willReturn(okJson(OpenAiWire.image(Base64.getEncoder().encodeToString(png()))).withUniformRandomDelay(5, 60)));
    }

    private MappingBuilder openAi(Kind kind) {
        return post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY))
                .withRequestBody(containing(run + "-" + kind.tag() + "-"));
    }

    private void stub(MappingBuilder stub) {
        stubs.add(providers.stubFor(stub));
    }

    private int providerRequests(Call call) {
        return providers.findAll(WireMock.postRequestedFor(WireMock.urlMatching("/v1/(chat/completions|messages|images/generations)"))
                .withRequestBody(containing(call.marker()))).size();
    }

    // ---------------------------------------------------------------- the organizations and the books

    private final Map<Http, String> organizationOfMembers = new ConcurrentHashMap<>();

    /** Two people who edit one new organization on {@code plan}, with credits for every call. */
    private List<Http> members(Http http, String plan) {
        Users.Signed owner = new Users(http).signUpAndIn("ai-exact");
        Http ownerHttp = http.withBearer(owner.token());
        String org = GenerationApiIntegrationTests.organizationOf(ownerHttp);
        UUID id = UUID.fromString(org);
        // Billing gives the organization its free subscription after the organization's commit.
        waitFor(() -> jdbc.sql("select count(*) from subscriptions where organization_id = ?").param(id).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("update subscriptions set plan = ?, status = 'active' where organization_id = ?").params(plan, id).update()).isEqualTo(1);
        ledger.grant(OrganizationId.of(id), null, CreditLedger.Grant.BONUS, CALLS * 12, "test", run, "AI exactness credits");
        Users.Signed editor = new Users(http).signUpAndIn("ai-exact-editor");
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?, ?, 'editor')")
                .params(id, UUID.fromString(editor.id())).update();
        Http editorHttp = http.withBearer(editor.token());
        organizationOfMembers.put(ownerHttp, org);
        organizationOfMembers.put(editorHttp, org);
        return List.of(ownerHttp, editorHttp);
    }

    private List<Generation> generations(List<UUID> orgs) {
        List<UUID> ids = jdbc.sql("select id from ai_generations where organization_id in (:orgs)").param("orgs", orgs).query(UUID.class).list();
        return ids.stream().map(id -> store.find(GenerationId.of(id)).orElseThrow()).toList();
    }

    private String marker(Generation g) {
        Object text = g.input().containsKey("premise") ? g.input().get("premise") : g.input().get("description");
        String value = String.valueOf(text);
        return value.substring(value.indexOf(run));
    }

    private Map<UUID, Integer> perGeneration(String sql, List<UUID> orgs) {
        Map<UUID, Integer> values = new java.util.HashMap<>();
        jdbc.sql(sql).param("orgs", orgs).query((java.sql.ResultSet rs) -> {
            values.put(rs.getObject("id", UUID.class), rs.getInt("n"));
        });
        return values;
    }

    private static int sum(Map<UUID, Integer> values) {
        return values.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 5 min").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] png() {
        try {
            return GenerationApiIntegrationTests.png();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
