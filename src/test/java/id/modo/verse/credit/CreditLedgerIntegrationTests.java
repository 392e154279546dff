package id.modo.verse.credit;

import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.credit.CreditLedger.Balances;
import id.modo.verse.credit.CreditLedger.Grant;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CreditLedgerIntegrationTests {

    @Autowired
    CreditLedger ledger;
    @Autowired
    CreditReservations reservations;
    @Autowired
    CreditStatement statement;
    @Autowired
    CreditMonthlyReset monthlyReset;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    CreditFixtures fixtures;
    OrganizationId org;
    UserId user;

    @BeforeEach
    void organization() {
        fixtures = new CreditFixtures(jdbc);
        org = fixtures.organization();
        user = UserId.of(UUID.fromString(fixtures.user()));
        ledger.open(org);
    }

    @AfterEach
    void ledgerSumsToTheBalances() {
        fixtures.assertLedgerMatches(org);
    }

    @Test
    void aNewOrganizationStartsWithTheFreePlansMonthlyCredits() {
        Balances balances = ledger.balances(org);

        assertThat(balances.main()).isEqualTo(100);
        assertThat(balances.available()).isEqualTo(100);
        assertThat(balances.plan()).isEqualTo("free");
        assertThat(balances.nextResetAt()).isEqualTo(ZonedDateTime.ofInstant(balances.lastResetAt(), ZoneId.of("Asia/Jakarta"))
                .plusMonths(1).toInstant());
        assertThat(fixtures.ledger(org)).containsExactly(new CreditFixtures.Row("subscription", "main", 100, 100));
        assertThat(ledger.open(org)).as("opening twice grants once").isFalse();
    }

    /**
     * The balance row is opened after the organization's commit, by a listener; a first debit can meet that opening
     * half-way: its own insert waits on the listener's and then finds the row already there. It must spend from that
     * row, not report the 100 credits it can see as too few for 1.
     */
    @Test
    void aDebitThatMeetsTheRowBeingOpenedSpendsFromIt() throws Exception {
        OrganizationId fresh = fixtures.organization();
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> opener = pool.submit(() -> transactions.execute(status -> {
                boolean made = ledger.open(fresh);
                opened.countDown();
                await(commit);
                return made;
            }));
            assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Balances> debit = pool.submit(() -> ledger.debit(fresh, null, 1, "ai_usage", "race-1", "First generation"));
            // Let the opener commit only once the debit's own insert waits on it, which is the moment the fault needed.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like '%insert into credit_balances%'""").query(Integer.class).single() == 0) {
                assertThat(System.nanoTime()).as("the debit's insert never waited on the opener").isLessThan(deadline);
                Thread.sleep(20);
            }
            commit.countDown();

            assertThat(opener.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(debit.get(30, TimeUnit.SECONDS).available()).isEqualTo(99);
            fixtures.assertLedgerMatches(fresh);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void debitsTakeBonusFirstThenRolloverThenMain() {
        ledger.grant(org, null, Grant.BONUS, 10, "promo", "launch", "Launch gift");
        ledger.adjust(org, user, CreditBucket.ROLLOVER, 20, "Carried over by support");

        Balances afterFirst = ledger.debit(org, user, 25, "ai_usage", "gen-1", "Story beats");
        assertThat(afterFirst).extracting(Balances::bonus, Balances::rollover, Balances::main).containsExactly(0, 5, 100);
        Balances afterSecond = ledger.debit(org, user, 10, "ai_usage", "gen-2", "Character");
        assertThat(afterSecond).extracting(Balances::bonus, Balances::rollover, Balances::main).containsExactly(0, 0, 95);

        List<CreditFixtures.Row> rows = fixtures.ledger(org);
        assertThat(rows.subList(rows.size() - 4, rows.size())).containsExactly(
                new CreditFixtures.Row("usage", "bonus", -10, 120),
                new CreditFixtures.Row("usage", "rollover", -15, 105),
                new CreditFixtures.Row("usage", "rollover", -5, 100),
                new CreditFixtures.Row("usage", "main", -5, 95));
    }

    @Test
    void aDebitOverTheTotalIsA402ThatChangesNothing() {
        ledger.grant(org, null, Grant.BONUS, 7, null, null, null);
        List<CreditFixtures.Row> before = fixtures.ledger(org);
        int auditRows = auditRows();

        assertThatThrownBy(() -> ledger.debit(org, user, 108, "ai_usage", "big", "Too big"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(CreditProblems.INSUFFICIENT_CREDITS);
                    assertThat(e.type().status().value()).isEqualTo(402);
                    assertThat(e.properties()).containsEntry("available", 107).containsEntry("asked", 108);
                    // What the Free plan gives, and the first plan whose month covers the ask.
                    assertThat(e.properties()).containsEntry("resource", "credits").containsEntry("limit", 100L)
                            .containsEntry("used", 0L).containsEntry("current_plan", "free").containsEntry("plan", "starter")
                            .containsEntry("upgrade_url", "/organizations/" + org.value() + "/billing")
                            .containsEntry("credits_url", "/organizations/" + org.value() + "/credits");
                });

        assertThat(ledger.balances(org)).extracting(Balances::main, Balances::bonus).containsExactly(100, 7);
        assertThat(fixtures.ledger(org)).isEqualTo(before);
        assertThat(auditRows()).isEqualTo(auditRows);
        assertThat(ledger.debit(org, user, 107, null, null, null).total()).isZero();
    }

    @Test
    void nonPositiveAmountsAreRefused() {
        assertThatThrownBy(() -> ledger.debit(org, user, 0, null, null, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ledger.debit(org, user, -5, null, null, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ledger.grant(org, null, Grant.BONUS, 0, null, null, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ledger.adjust(org, user, CreditBucket.MAIN, 0, "zero")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ledger.adjust(org, user, CreditBucket.MAIN, 5, " ")).isInstanceOf(ProblemException.class);
        ledger.balances(org);
    }

    /**
     * The scenario: 100 parallel debits of 7 against 500 credits. 500 / 7 = 71 rest 3, so
     * exactly 71 succeed and 29 get 402, whatever the interleaving; the seed fixes the start order.
     * Five rounds in the suite; {@code -Dmodo.credit.concurrency-rounds=100} runs more, each on a
     * fresh organization.
     */
    @TestFactory
    Stream<DynamicTest> hundredParallelDebitsOfSevenAgainstFiveHundred() {
        int rounds = Integer.getInteger("modo.credit.concurrency-rounds", 5);
        return IntStream.rangeClosed(1, rounds).mapToObj(round -> DynamicTest.dynamicTest("round " + round + " of " + rounds, () -> {
            OrganizationId organization = fixtures.organization();
            parallelDebits(organization, new Random(20260505L + round));
            fixtures.assertLedgerMatches(organization);
        }));
    }

    private void parallelDebits(OrganizationId organization, Random random) throws Exception {
        ledger.adjust(organization, user, CreditBucket.MAIN, 400, "Concurrency test top-up");
        assertThat(ledger.balances(organization).available()).isEqualTo(500);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int caller : order) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        ledger.debit(organization, user, 7, "ai_usage", "parallel-" + caller, "Parallel debit");
                        successes.incrementAndGet();
                    } catch (ProblemException e) {
                        assertThat(e.type()).isEqualTo(CreditProblems.INSUFFICIENT_CREDITS);
                        refusals.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(successes).hasValue(71);
        assertThat(refusals).hasValue(29);
        assertThat(ledger.balances(organization).total()).isEqualTo(3);
        assertThat(fixtures.ledger(organization).stream().filter(row -> row.type().equals("usage")).count()).isEqualTo(71);
    }

    @Test
    void reservedCreditsAreNotSpendableAndCommitSpendsTheActualAmount() {
        ReservationId reservation = reservations.reserve(org, user, 60, Duration.ofMinutes(5), "ai_usage", "render-1", "Animatic");
        assertThat(ledger.balances(org)).extracting(Balances::held, Balances::available).containsExactly(60, 40);
        assertThatThrownBy(() -> ledger.debit(org, user, 41, null, null, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> reservations.reserve(org, 41, Duration.ofMinutes(5))).isInstanceOf(ProblemException.class);

        Balances after = reservations.commit(reservation, 45);

        assertThat(after).extracting(Balances::main, Balances::held, Balances::available).containsExactly(55, 0, 55);
        assertThat(fixtures.ledger(org).getLast()).isEqualTo(new CreditFixtures.Row("usage", "main", -45, 55));
        assertThatThrownBy(() -> reservations.commit(reservation, 1))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(CreditProblems.RESERVATION_CLOSED));
        assertThat(reservations.release(reservation)).isFalse();
    }

    @Test
    void aReleasedReservationFreesItsCreditsWithoutALedgerRow() {
        ReservationId reservation = reservations.reserve(org, 30, Duration.ofMinutes(5));
        int rows = fixtures.ledger(org).size();

        assertThat(reservations.release(reservation)).isTrue();
        assertThat(reservations.release(reservation)).isFalse();

        assertThat(ledger.balances(org)).extracting(Balances::held, Balances::available).containsExactly(0, 100);
        assertThat(fixtures.ledger(org)).hasSize(rows);
        assertThatThrownBy(() -> reservations.commit(ReservationId.of(UUID.randomUUID()), 1)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aCommitOverTheReservedAmountIsRefused() {
        ReservationId reservation = reservations.reserve(org, 10, Duration.ofMinutes(5));
        assertThatThrownBy(() -> reservations.commit(reservation, 11)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type().status().value()).isEqualTo(400));
        assertThat(reservations.commit(reservation, 0).held()).isZero();
        assertThatThrownBy(() -> reservations.reserve(org, 1, Duration.ofDays(2))).isInstanceOf(ProblemException.class);
    }

    @Test
    void anOverdueReservationExpiresAndItsCreditsComeBack() {
        ReservationId reservation = reservations.reserve(org, 70, Duration.ofSeconds(1));
        assertThat(ledger.balances(org).available()).isEqualTo(30);

        assertThat(reservations.expireReservations(Instant.now().plusSeconds(2), 1000)).isGreaterThanOrEqualTo(1);

        assertThat(ledger.balances(org)).extracting(Balances::held, Balances::available).containsExactly(0, 100);
        assertThat(jdbc.sql("select status from credit_reservations where id = ?").param(reservation.value()).query(String.class).single())
                .isEqualTo("expired");
        assertThatThrownBy(() -> reservations.commit(reservation, 5))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(CreditProblems.RESERVATION_CLOSED));
    }

    @Test
    void theMonthlyResetRollsOverUpToTheCapExpiresTheRestAndGrantsTheAllowance() {
        ledger.setAllowance(org, 1000, 300, "pro");
        ledger.adjust(org, user, CreditBucket.MAIN, 400, "Top-up");      // main 500
        ledger.adjust(org, user, CreditBucket.ROLLOVER, 50, "Old rollover");
        ledger.grant(org, null, Grant.BONUS, 20, null, null, null);
        Instant due = Instant.parse("2026-01-31T17:00:00Z"); // 1 February, midnight in Jakarta
        makeDue(due);

        int reset = resetAll(due.plus(1, ChronoUnit.HOURS));

        assertThat(reset).isGreaterThanOrEqualTo(1);
        Balances balances = ledger.balances(org);
        assertThat(balances).extracting(Balances::main, Balances::rollover, Balances::bonus).containsExactly(1000, 300, 20);
        assertThat(balances.lastResetAt()).isEqualTo(due.plus(1, ChronoUnit.HOURS));
        assertThat(balances.nextResetAt()).isEqualTo(Instant.parse("2026-02-28T17:00:00Z")); // 1 March in Jakarta
        List<CreditFixtures.Row> rows = fixtures.ledger(org);
        assertThat(rows.subList(rows.size() - 5, rows.size())).containsExactly(
                new CreditFixtures.Row("expiry", "rollover", -50, 520),
                new CreditFixtures.Row("rollover", "main", -300, 220),
                new CreditFixtures.Row("rollover", "rollover", 300, 520),
                new CreditFixtures.Row("expiry", "main", -200, 320),
                new CreditFixtures.Row("subscription", "main", 1000, 1320));

        // The next month: all of last month's rollover expires, and only 300 of the unused 1000 roll over.
        fixtures.assertLedgerMatches(org);
        resetAll(Instant.parse("2026-02-28T18:00:00Z"));
        assertThat(ledger.balances(org)).extracting(Balances::main, Balances::rollover, Balances::bonus).containsExactly(1000, 300, 20);
    }

    @Test
    void anOrganizationWithOpenHoldsIsResetOnceTheyEnd() {
        ReservationId reservation = reservations.reserve(org, 90, Duration.ofMinutes(5));
        Instant due = Instant.now().minus(1, ChronoUnit.DAYS);
        makeDue(due);
        resetAll(Instant.now());
        assertThat(ledger.balances(org).lastResetAt()).isBefore(due);

        reservations.commit(reservation, 90);
        resetAll(Instant.now());
        assertThat(ledger.balances(org)).extracting(Balances::main, Balances::held).containsExactly(100, 0);
    }

    @Test
    void aPurchaseIsGrantedOncePerPaymentAlsoWhenDeliveredInParallel() throws Exception {
        PaymentId payment = new PaymentId(UUID.randomUUID());
        assertThat(ledger.grantPurchase(org, payment, 500)).isEqualTo(CreditLedger.PurchaseGrant.GRANTED);
        assertThat(ledger.grantPurchase(org, payment, 500)).isEqualTo(CreditLedger.PurchaseGrant.ALREADY_GRANTED);
        assertThat(ledger.balances(org).bonus()).isEqualTo(500);

        PaymentId second = new PaymentId(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CreditLedger.PurchaseGrant>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return ledger.grantPurchase(org, second, 2000);
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<CreditLedger.PurchaseGrant> result : results) {
                granted += result.get(30, TimeUnit.SECONDS) == CreditLedger.PurchaseGrant.GRANTED ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.balances(org).bonus()).isEqualTo(2500);
        assertThat(fixtures.ledger(org).stream().filter(row -> row.type().equals("purchase")).count()).isEqualTo(2);
    }

    @Test
    void noGrantOrAdjustmentTakesABucketAboveItsLimitAndAPurchaseThatWouldIsNotGranted() {
        for (int i = 0; i < 5; i++) {
            ledger.adjust(org, user, CreditBucket.BONUS, CreditLedger.MAX_AMOUNT, "Top-up " + i);
        }
        assertThat(ledger.balances(org).bonus()).isEqualTo(CreditLedger.MAX_BUCKET_BALANCE).isEqualTo(500_000_000);

        for (var attempt : List.<Runnable>of(() -> ledger.adjust(org, user, CreditBucket.BONUS, 1, "One more"),
                () -> ledger.grant(org, null, Grant.BONUS, 1, "promo", "limit", "One more"))) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.type()).isEqualTo(CreditProblems.CREDIT_LIMIT_EXCEEDED);
                assertThat(e.type().status().value()).isEqualTo(409);
                assertThat(e.properties()).containsEntry("limit", 500_000_000).containsEntry("balance", 500_000_000)
                        .containsEntry("bucket", "bonus").containsEntry("asked", 1);
            });
        }
        PaymentId payment = new PaymentId(UUID.randomUUID());
        assertThat(ledger.grantPurchase(org, payment, 500)).isEqualTo(CreditLedger.PurchaseGrant.OVER_LIMIT);
        assertThat(ledger.balances(org).bonus()).isEqualTo(500_000_000);
        // Each bucket has its own limit: main still takes credits.
        assertThat(ledger.grant(org, null, Grant.REFUND, 10, null, null, "Failed job").main()).isEqualTo(110);

        // Room made by a correction: the same purchase is granted, once.
        ledger.adjust(org, user, CreditBucket.BONUS, -500, "Correction");
        assertThat(ledger.grantPurchase(org, payment, 500)).isEqualTo(CreditLedger.PurchaseGrant.GRANTED);
        assertThat(ledger.grantPurchase(org, payment, 500)).isEqualTo(CreditLedger.PurchaseGrant.ALREADY_GRANTED);
        assertThat(ledger.balances(org).bonus()).isEqualTo(500_000_000);
    }

    @Test
    void aNegativeAdjustmentNeverTakesABucketBelowZeroNorHeldCredits() {
        assertThatThrownBy(() -> ledger.adjust(org, user, CreditBucket.BONUS, -1, "Nothing there"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(CreditProblems.ADJUSTMENT_EXCEEDS_BALANCE));
        reservations.reserve(org, 80, Duration.ofMinutes(5));
        assertThatThrownBy(() -> ledger.adjust(org, user, CreditBucket.MAIN, -21, "Would take held credits"))
                .isInstanceOf(ProblemException.class);

        Balances after = ledger.adjust(org, user, CreditBucket.MAIN, -20, "Correction");

        assertThat(after).extracting(Balances::main, Balances::available).containsExactly(80, 0);
        assertThat(jdbc.sql("""
                select metadata ->> 'reason' from audit_logs where organization_id = ? and action = 'credit_adjust'
                order by created_at desc limit 1""").param(org.value()).query(String.class).single()).isEqualTo("Correction");
    }

    @Test
    void theLedgerIsListedNewestFirstWithFiltersAndKeysetPages() {
        for (int i = 1; i <= 5; i++) {
            ledger.debit(org, user, i, "ai_usage", "page-" + i, null);
        }
        ledger.grant(org, null, Grant.BONUS, 9, null, null, null);

        Page<CreditStatement.Transaction> first = statement.transactions(org, new CreditStatement.Filter(CreditTransactionType.USAGE, null, null, null), null, 2);
        assertThat(first.items()).extracting(CreditStatement.Transaction::amount).containsExactly(-5, -4);
        Page<CreditStatement.Transaction> second = statement.transactions(org, new CreditStatement.Filter(CreditTransactionType.USAGE, null, null, null),
                first.nextCursor(), 2);
        assertThat(second.items()).extracting(CreditStatement.Transaction::amount).containsExactly(-3, -2);
        Page<CreditStatement.Transaction> third = statement.transactions(org, new CreditStatement.Filter(CreditTransactionType.USAGE, null, null, null),
                second.nextCursor(), 2);
        assertThat(third.items()).extracting(CreditStatement.Transaction::amount).containsExactly(-1);
        assertThat(third.nextCursor()).isNull();

        assertThat(statement.transactions(org, new CreditStatement.Filter(null, CreditBucket.BONUS, null, null), null, null).items())
                .extracting(CreditStatement.Transaction::amount).containsExactly(9);
        assertThat(statement.transactions(org, new CreditStatement.Filter(null, null, Instant.now().plusSeconds(60), null), null, null).items())
                .isEmpty();
        assertThatThrownBy(() -> statement.transactions(org, CreditStatement.Filter.none(), null, 101)).isInstanceOf(ProblemException.class);
    }

    private void makeDue(Instant due) {
        ledger.balances(org);
        jdbc.sql("update credit_balances set next_reset_at = ?, last_reset_at = ? where organization_id = ?")
                .params(java.sql.Timestamp.from(due), java.sql.Timestamp.from(due.minus(31, ChronoUnit.DAYS)), org.value())
                .update();
    }

    private int resetAll(Instant now) {
        int total = 0;
        int chunk;
        do {
            chunk = monthlyReset.resetDue(now, 1000);
            total += chunk;
        } while (chunk == 1000);
        return total;
    }

    private int auditRows() {
        return jdbc.sql("select count(*) from audit_logs where organization_id = ?").param(org.value()).query(Integer.class).single();
    }
}
