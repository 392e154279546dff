package id.modo.verse.payment;

import id.modo.probe.PaymentProbes.DeliveredPaymentEvents;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentGateway.Notification;
import id.modo.verse.payment.PaymentGateway.Outcome;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Idempotency-Key replays and refusals, and duplicate and conflicting notifications racing on one payment. */
@IntegrationTest
class IdempotencyAndConcurrencyIntegrationTests {

    private static final String BODY = "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"pack-idem\",\"amount\":\"75000\",\"currency\":\"IDR\",\"return_path\":\"/credits\"}";

    @LocalServerPort
    int port;
    @Autowired
    IdempotentRequests idempotent;
    @Autowired
    PaymentNotifications notifications;
    @Autowired
    DeliveredPaymentEvents delivered;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstResponseIsReplayedForTheSameKeyAndAnotherBodyIs422() {
        Http http = new Http(port).withBearer(new Users(new Http(port)).signUpAndIn("idem").token());
        HttpResponse<String> first = post(http, "key-" + UUID.randomUUID(), BODY);
        String key = first.request().headers().firstValue("Idempotency-Key").orElseThrow();
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        // The same request written differently (other key order, spacing) is the same request.
        String reordered = "{ \"currency\":\"IDR\", \"amount\":\"75000\", \"return_path\":\"/credits\", \"reference\":\"pack-idem\", \"purpose\":\"CREDIT_PACK\" }";
        HttpResponse<String> replay = post(http, key, reordered);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(json(replay)).isEqualTo(json(first));
        assertThat(jdbc.sql("select count(*) from payments where reference = 'pack-idem' and payer_id = (select payer_id from payments where id = ?)")
                .param(UUID.fromString(json(first).get("payment_id").asString())).query(Integer.class).single()).isEqualTo(1);

        HttpResponse<String> other = post(http, key, BODY.replace("75000", "75001"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("type").asString()).endsWith("/idempotency-key-reused");

        // Keys are per caller: someone else's identical key is their own.
        Http stranger = new Http(port).withBearer(new Users(new Http(port)).signUpAndIn("idem-other").token());
        assertThat(post(stranger, key, BODY).headers().firstValue("Idempotent-Replayed")).isEmpty();

        assertThat(post(http, "", BODY).statusCode()).isEqualTo(400);
        assertThat(post(http, "x".repeat(256), BODY).statusCode()).isEqualTo(400);
    }

    @Test
    void aConcurrentDuplicateIs409AndAFailedAttemptReleasesTheKey() throws Exception {
        UUID caller = UUID.randomUUID();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ResponseEntity<?>> running = pool.submit(() -> idempotent.run(caller, "k1", "POST", "/p", "body", () -> {
                started.countDown();
                waitFor(release);
                return ResponseEntity.ok("first");
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> idempotent.run(caller, "k1", "POST", "/p", "body", () -> ResponseEntity.ok("second")))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().status().value()).isEqualTo(409));
            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS).getBody()).isEqualTo("first");
        } finally {
            pool.shutdownNow();
        }
        assertThat(idempotent.run(caller, "k1", "POST", "/p", "body", () -> ResponseEntity.ok("third")).getHeaders()
                .getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");

        assertThatThrownBy(() -> idempotent.run(caller, "k2", "POST", "/p", "body", () -> {
            throw new IllegalStateException("gateway down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(idempotent.run(caller, "k2", "POST", "/p", "body", () -> ResponseEntity.ok("retried")).getBody()).isEqualTo("retried");
        assertThatThrownBy(() -> idempotent.run(caller, "bad\u00e9key", "POST", "/p", "body", () -> ResponseEntity.ok("x")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().status().value()).isEqualTo(400));
        assertThat(idempotent.run(caller, null, "POST", "/p", "body", () -> ResponseEntity.ok("no key")).getBody()).isEqualTo("no key");
    }

    /** Five rounds of each race in the suite; {@code -Dmodo.payment.concurrency-rounds=100} runs more. */
    @Test
    void manyThreadsDeliveringTheSameAndConflictingNotificationsCompleteThePaymentExactlyOnce() throws Exception {
        int rounds = Integer.getInteger("modo.payment.concurrency-rounds", 5);
        Random random = new Random(20260505L);
        for (int round = 0; round < rounds; round++) {
            Http http = new Http(port).withBearer(new Users(new Http(port)).signUpAndIn("race").token());
            PaymentId id = PaymentId.of(UUID.fromString(json(post(http, null, BODY)).get("payment_id").asString()));
            List<Notification> deliveries = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                Outcome outcome = i % 4 == 0 ? Outcome.PENDING : i % 4 == 1 ? Outcome.PROCESSING : Outcome.COMPLETED;
                // Half the completions repeat one event id, as a gateway retrying its webhook does.
                String eventId = outcome == Outcome.COMPLETED && i % 8 == 2 ? "evt-same-" + id : "evt-" + UUID.randomUUID();
                deliveries.add(Notification.of(eventId, outcome.name(), id, null, outcome, "{}").withAmount(Money.idr(75000)));
            }
            Collections.shuffle(deliveries, random);
            race(deliveries);
            assertThat(jdbc.sql("select status from payments where id = ?").param(id.value()).query(String.class).single()).isEqualTo("completed");
            await().atMost(Duration.ofSeconds(10)).until(() -> !delivered.of(PaymentCompleted.class, id).isEmpty());
            Thread.sleep(200);
            assertThat(delivered.of(PaymentCompleted.class, id)).hasSize(1);
            assertThat(jdbc.sql("select count(*) from payment_events where event_id = ?").param("evt-same-" + id).query(Integer.class).single())
                    .isEqualTo(1);
        }
        // Completion and failure racing: exactly one of them wins, and only its event is published.
        for (int round = 0; round < rounds; round++) {
            Http http = new Http(port).withBearer(new Users(new Http(port)).signUpAndIn("race-fail").token());
            PaymentId id = PaymentId.of(UUID.fromString(json(post(http, null, BODY)).get("payment_id").asString()));
            List<Notification> deliveries = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Outcome outcome = i % 2 == 0 ? Outcome.COMPLETED : Outcome.FAILED;
                deliveries.add(Notification.of("evt-" + UUID.randomUUID(), outcome.name(), id, null, outcome, "{}").withAmount(Money.idr(75000)));
            }
            Collections.shuffle(deliveries, random);
            race(deliveries);
            String status = jdbc.sql("select status from payments where id = ?").param(id.value()).query(String.class).single();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    delivered.of(PaymentCompleted.class, id).size() + delivered.of(PaymentFailed.class, id).size() > 0);
            Thread.sleep(200);
            assertThat(delivered.of(PaymentCompleted.class, id)).hasSize(status.equals("completed") ? 1 : 0);
            assertThat(delivered.of(PaymentFailed.class, id)).hasSize(status.equals("failed") ? 1 : 0);
        }
    }

    private void race(List<Notification> deliveries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<PaymentNotifications.Result>> results = new ArrayList<>();
            for (Notification notification : deliveries) {
                results.add(pool.submit(() -> {
                    go.await();
                    return notifications.apply(SandboxGateway.NAME, notification);
                }));
            }
            go.countDown();
            for (Future<PaymentNotifications.Result> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> post(Http http, String key, String body) {
        HttpRequest.Builder request = http.request("/api/v1/test-payments").header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request);
    }
}
