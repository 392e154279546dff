package id.modo.verse.credit;

import id.modo.verse.common.ProblemException;
import id.modo.verse.credit.CreditLedger.Balances;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organization's balance row under many callers at once, now that a debit writes its ledger rows and its
 * audit row in the statement that takes the row's lock: debits, reserve + commit and reserve + release mixed on
 * one organization, with refusals once the credits run out.
 */
@IntegrationTest
class CreditHotRowIntegrationTests {

    static final int THREADS = 16;
    static final int OPERATIONS_PER_THREAD = 30;
    static final int START = 1_000;

    @Autowired
    CreditLedger ledger;
    @Autowired
    CreditReservations reservations;
    @Autowired
    JdbcClient jdbc;

    CreditFixtures fixtures;
    OrganizationId org;
    UserId user;

    @BeforeEach
    void organization() {
        fixtures = new CreditFixtures(jdbc);
        org = fixtures.organization();
        user = UserId.of(UUID.fromString(fixtures.user()));
        ledger.open(org);
        ledger.adjust(org, user, CreditBucket.BONUS, 100, "Hot row test: some bonus");
        ledger.adjust(org, user, CreditBucket.MAIN, START - 200, "Hot row test: top-up");
    }

    record Audit(int amount, int balanceAfter, String referenceType, String referenceId) {
    }

    List<Audit> debitAudits() {
        return jdbc.sql("""
                select (new_values ->> 'amount')::int, (new_values ->> 'balance_after')::int, metadata ->> 'reference_type',
                    metadata ->> 'reference_id'
                from audit_logs where organization_id = ? and entity_id = ? and entity_type = 'credits' and action = 'credit_debit'
                order by (new_values ->> 'balance_after')::int desc""")
                .param(org.value())
                .param(org.value())
                .query((rs, n) -> new Audit(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    @Test
    void aDebitWritesOneAuditRowWithTheBalanceAfterItAndARefusedOneNone() {
        Balances after = ledger.debit(org, user, 130, "ai_usage", "gen-1", "Storyboard");

        assertThat(after.total()).isEqualTo(START - 130);
        assertThat(debitAudits()).containsExactly(new Audit(130, START - 130, "ai_usage", "gen-1"));
        assertThat(jdbc.sql("select user_id from audit_logs where organization_id = ? and action = 'credit_debit'")
                .param(org.value()).query(UUID.class).single()).isEqualTo(user.value());

        assertThatThrownBy(() -> ledger.debit(org, user, START, "ai_usage", "gen-2", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(CreditProblems.INSUFFICIENT_CREDITS));
        ReservationId held = reservations.reserve(org, user, 50, Duration.ofMinutes(5), "ai_usage", "gen-3", null);
        reservations.commit(held, 20);

        assertThat(debitAudits()).containsExactly(new Audit(130, START - 130, "ai_usage", "gen-1"),
                new Audit(20, START - 150, "ai_usage", "gen-3"));
        fixtures.assertLedgerMatches(org);
    }

    /**
     * Sixteen callers, each with its own seed, debit, reserve and commit (0 to all of the hold), and reserve and
     * release on one organization until its credits run out. Afterwards the balance is the grants less exactly
     * what the successful calls spent, nothing is held, every bucket equals its ledger, and the audit rows of the
     * debits form one chain: sorted by balance, each is the one before it less its own amount.
     */
    @Test
    void manyCallersOnOneOrganizationSpendExactlyWhatTheirSuccessfulCallsSay() throws Exception {
        AtomicInteger spent = new AtomicInteger();
        AtomicInteger audited = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(20261206L + t);
                String caller = "caller-" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        int amount = 1 + random.nextInt(9);
                        try {
                            switch (random.nextInt(3)) {
                                case 0 -> {
                                    ledger.debit(org, user, amount, "ai_usage", caller + "-" + i, null);
                                    spent.addAndGet(amount);
                                    audited.incrementAndGet();
                                }
                                case 1 -> {
                                    ReservationId id = reservations.reserve(org, user, amount, Duration.ofMinutes(5), "ai_usage",
                                            caller + "-" + i, null);
                                    int actual = random.nextInt(amount + 1);
                                    Balances after = reservations.commit(id, actual);
                                    assertThat(after.total()).isNotNegative();
                                    spent.addAndGet(actual);
                                    if (actual > 0) {
                                        audited.incrementAndGet();
                                    }
                                }
                                default -> {
                                    ReservationId id = reservations.reserve(org, amount, Duration.ofMinutes(5));
                                    assertThat(reservations.release(id)).isTrue();
                                }
                            }
                        } catch (ProblemException e) {
                            assertThat(e.type()).isEqualTo(CreditProblems.INSUFFICIENT_CREDITS);
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Balances balances = ledger.balances(org);
        assertThat(refused.get()).as("calls refused once the credits ran out").isPositive();
        assertThat(balances.total()).isEqualTo(START - spent.get()).isNotNegative();
        assertThat(balances.held()).isZero();
        fixtures.assertLedgerMatches(org);

        List<Audit> audits = new ArrayList<>(debitAudits());
        assertThat(audits).hasSize(audited.get());
        assertThat(audits.stream().mapToInt(Audit::amount).sum()).isEqualTo(spent.get());
        audits.sort(Comparator.comparingInt(Audit::balanceAfter).reversed());
        int total = START;
        for (Audit audit : audits) {
            total -= audit.amount();
            assertThat(audit.balanceAfter()).as("balance after %s", audit).isEqualTo(total);
        }
        assertThat(total).isEqualTo(balances.total());
    }
}
