package id.modo.verse.ai;

import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waiting generation cancelled while its organization's slots are being handed out: the dispatch must not start it.
 * Found by the exactness run at 1,000 calls (bench/ai-exactness.sh): the dispatch's statement had read the generation
 * as waiting, then waited for the cancel's row lock and, at READ COMMITTED, moved the now cancelled generation to
 * running (its hold already released, its usage row written); the job then called the provider, could not settle, and
 * left the generation running for good, holding one of the plan's slots.
 */
@AiGatewayTest
class GenerationSlotsRaceIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GenerationStore store;
    @Autowired
    TransactionTemplate transactions;

    /** Three parties that block one another; the common pool may have a single thread on a small machine. */
    final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aGenerationCancelledWhileTheDispatchWaitsForItsRowIsNotStarted() throws Exception {
        Users.Signed user = new Users(new Http(port)).signUpAndIn("ai-race");
        String slug = "ai-race-" + UUID.randomUUID().toString().substring(0, 8);
        OrganizationId org = OrganizationId.of(jdbc.sql("insert into organizations (name, slug) values (?, ?) returning id")
                .params("AI race", slug).query(UUID.class).single());
        // The app's own sweep dispatches waiting organizations too: it waits on the organization's slot lock until the end.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> slots = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            store.lockSlots(org);
            locked.countDown();
            await(done);
        }), threads);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        Instant now = Instant.now();
        Generation waiting = new Generation(GenerationId.of(UUID.randomUUID()), org, UUID.fromString(user.id()), null, GenerationType.SYNOPSIS,
                Map.of("premise", "race"), "synopsis.v1", GenerationMode.JOB, GenerationStatus.PENDING, null, null, null, null, 3, null, null,
                null, null, null, false, false, now, null, null);
        store.insert(waiting);

        // The cancel holds the generation's row until told to commit.
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            assertThat(jdbc.sql("select status from ai_generations where id = ? for update").param(waiting.id().value()).query(String.class)
                    .single()).isEqualTo("pending");
            assertThat(store.end(waiting.id(), GenerationStatus.CANCELLED, "Cancelled.", Instant.now())).isPresent();
            cancelled.countDown();
            await(commit);
        }), threads);
        assertThat(cancelled.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Generation>> dispatch = CompletableFuture.supplyAsync(() -> store.startWaiting(org, 1, Instant.now()), threads);
        // The dispatch has read the generation as waiting and now waits for the cancel's lock on its row.
        waitFor(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%set status = ''running''%'")
                .query(Integer.class).single() > 0);
        commit.countDown();
        cancel.get(30, TimeUnit.SECONDS);

        assertThat(dispatch.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(store.find(waiting.id()).orElseThrow().status()).isEqualTo(GenerationStatus.CANCELLED);
        done.countDown();
        slots.get(30, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s").isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
