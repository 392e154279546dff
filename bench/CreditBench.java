import id.modo.verse.ModoApplication;
import id.modo.verse.common.ProblemException;
import id.modo.verse.credit.CreditBucket;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.credit.CreditMonthlyReset;
import id.modo.verse.credit.CreditReservations;
import id.modo.verse.credit.ReservationId;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credit ledger's figures (bench/credit-debits.sh runs it), at 16 concurrent callers: debits through
 * CreditLedger.debit and reserve + commit pairs through CreditReservations on one organization (the hot row),
 * then debits spread over 100 organizations; pgbench running the debit's conditional UPDATE alone at 16 clients
 * on the same database, on the hot row before and after the hot-row runs and over the 100 rows, for the ratios;
 * a check that every bucket still equals its ledger; and the monthly reset over 100,000 organizations.
 * Arguments: seconds per run (default 15), organizations to reset (default 100000).
 */
public class CreditBench {

    static final int CALLERS = 16;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int resetCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path data = Files.createTempDirectory("modo-bench-credit-");
        SpringApplication application = new SpringApplication(ModoApplication.class);
        // Command-line arguments, so they win over application.properties' environment defaults.
        try (ConfigurableApplicationContext context = application.run("--modo.data-dir=" + data, "--server.port=0",
                "--modo.demo.enabled=false", "--modo.db.pool-size=24", "--db-scheduler.polling-interval=1h", "--logging.level.root=WARN")) {
            CreditLedger ledger = context.getBean(CreditLedger.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String url;
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                url = connection.getMetaData().getURL();
            }
            System.out.println("database: " + url);
            UserId admin = UserId.of(jdbc.sql("insert into users (email, name) values ('bench@example.id', 'Bench') returning id")
                    .query(UUID.class).single());

            List<OrganizationId> orgs = new ArrayList<>();
            // pgbench gets twins of these rows (bench-pg-…), so the ledger check below sees only the app's changes.
            for (String prefix : List.of("bench-org-", "bench-pg-")) {
                for (int i = 1; i <= 101; i++) {
                    UUID id = jdbc.sql("insert into organizations (id, name, slug) values (md5(:key)::uuid, :key, :key) returning id")
                            .param("key", prefix + i).query(UUID.class).single();
                    OrganizationId org = OrganizationId.of(id);
                    ledger.open(org);
                    ledger.adjust(org, admin, CreditBucket.MAIN, 50_000_000, "Bench top-up");
                    if (prefix.equals("bench-org-")) {
                        orgs.add(org);
                    }
                }
            }
            OrganizationId hot = orgs.get(100);   // bench-org-101
            List<OrganizationId> spread = orgs.subList(0, 100);

            CreditReservations reservations = context.getBean(CreditReservations.class);
            Path script = Files.createTempFile("credit-update-", ".sql");
            String update = "UPDATE credit_balances SET balance = balance - 1, updated_at = now() "
                    + "WHERE organization_id = %s AND balance + bonus_balance + rollover_balance - held_balance >= 1;";
            Path hotScript = Files.createTempFile("credit-update-hot-", ".sql");
            Files.writeString(hotScript, update.formatted("md5('bench-pg-101')::uuid") + "\n");

            if (System.getenv("HOPS") != null) {
                HopBench.runAll(context.getBean(DataSource.class), seconds);
            }
            run(List.of(hot), 3, "warm-up, debits", (org, timer) -> ledger.debit(org, null, 1, "bench", null, null));
            run(List.of(hot), 3, "warm-up, reserve + commit", (org, timer) -> pair(reservations, org, timer));
            // pgbench before and after the hot-row runs, so the machine's drift during them hits both sides.
            double pgHotBefore = pgbench(url, data, hotScript, seconds);
            double hotRate = run(List.of(hot), seconds, "CreditLedger.debit, one organization (hot row)",
                    (org, timer) -> ledger.debit(org, null, 1, "bench", null, null));
            double pairRate = run(List.of(hot), seconds, "reserve + commit pairs, one organization (hot row)",
                    (org, timer) -> pair(reservations, org, timer));
            double pgHotAfter = pgbench(url, data, hotScript, seconds);
            double pgHot = (pgHotBefore + pgHotAfter) / 2;
            double spreadRate = run(spread, seconds, "CreditLedger.debit, 100 organizations",
                    (org, timer) -> ledger.debit(org, null, 1, "bench", null, null));
            Files.writeString(script, "\\set n random(1, 100)\n" + update.formatted("md5('bench-pg-' || :n)::uuid") + "\n");
            double pgSpread = pgbench(url, data, script, seconds);
            System.out.printf("pgbench, same UPDATE, %d clients: hot row %.0f and %.0f/s (mean %.0f), 100 organizations %.0f/s%n",
                    CALLERS, pgHotBefore, pgHotAfter, pgHot, pgSpread);
            System.out.printf("ratio CreditLedger.debit / pgbench UPDATE: hot row %.2f, 100 organizations %.2f%n",
                    hotRate / pgHot, spreadRate / pgSpread);
            System.out.printf("ratio reserve + commit pairs / pgbench UPDATE: hot row %.2f%n", pairRate / pgHot);
            check(jdbc, orgs);

            reset(context.getBean(CreditMonthlyReset.class), jdbc, resetCount);
        } finally {
            deleteQuietly(data);
        }
    }

    /** One operation of a run on {@code org}; {@code timer} adds the time of a step to its named total. */
    interface Operation {
        void apply(OrganizationId org, Timer timer);
    }

    /** Per-step totals of a run, for the mean time of each step. */
    static final class Timer {
        final java.util.concurrent.ConcurrentHashMap<String, AtomicLong[]> steps = new java.util.concurrent.ConcurrentHashMap<>();

        <T> T time(String step, java.util.function.Supplier<T> work) {
            long began = System.nanoTime();
            try {
                return work.get();
            } finally {
                AtomicLong[] total = steps.computeIfAbsent(step, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
                total[0].addAndGet(System.nanoTime() - began);
                total[1].incrementAndGet();
            }
        }
    }

    /** A reserve of 2 and a commit of 1, as a generation does: the hold covers the estimate, the commit the actual cost. */
    static void pair(CreditReservations reservations, OrganizationId org, Timer timer) {
        ReservationId id = timer.time("reserve", () -> reservations.reserve(org, 2, Duration.ofMinutes(10)));
        timer.time("commit", () -> reservations.commit(id, 1));
    }

    static double run(List<OrganizationId> orgs, int seconds, String label, Operation operation) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        Timer timer = new Timer();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            int caller = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long n = caller;
                while (!stop.get()) {
                    OrganizationId org = orgs.get((int) (n++ * 7 % orgs.size()));
                    try {
                        operation.apply(org, timer);
                        done.incrementAndGet();
                    } catch (ProblemException e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        double rate = done.get() / elapsed;
        StringBuilder steps = new StringBuilder();
        timer.steps.forEach((step, total) -> steps.append(String.format(", %s %.2f ms", step, total[0].get() / 1e6 / total[1].get())));
        System.out.printf("%s, %d callers: %d in %.1f s = %.0f/s (%d refused%s)%n", label, CALLERS, done.get(), elapsed, rate,
                refused.get(), steps);
        return rate;
    }

    /** After the runs every organization's buckets equal its ledger's sums, nothing is held and nothing is negative. */
    static void check(JdbcClient jdbc, List<OrganizationId> orgs) {
        long wrong = jdbc.sql("""
                select count(*) from credit_balances b where b.organization_id in (:orgs)
                and (b.held_balance <> 0 or b.balance < 0
                     or b.balance <> (select sum(amount) from credit_transactions t where t.organization_id = b.organization_id and t.bucket = 'main')
                     or (select coalesce(sum(amount), 0) from credit_reservations r where r.organization_id = b.organization_id
                         and r.status = 'held') <> 0)""")
                .param("orgs", orgs.stream().map(OrganizationId::value).toList())
                .query(Long.class).single();
        System.out.printf("check: %d of %d organizations with buckets that disagree with their ledger or credits still held%n",
                wrong, orgs.size());
    }

    static double pgbench(String jdbcUrl, Path dataDir, Path script, int seconds) throws IOException, InterruptedException {
        // jdbc:postgresql://localhost:PORT/DB?user=...
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String database = rest.substring(rest.indexOf('/') + 1).replaceAll("\\?.*", "");
        ProcessBuilder command = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(CALLERS), "-j", "4", "-T",
                String.valueOf(seconds), "-f", script.toString(), "-h", hostPort.substring(0, hostPort.indexOf(':')), "-p",
                hostPort.substring(hostPort.indexOf(':') + 1), "-U", "postgres", database).redirectErrorStream(true);
        // The embedded PostgreSQL asks for its superuser's password, kept in the data directory.
        command.environment().put("PGPASSWORD", Files.readString(dataDir.resolve("postgres-password")).strip());
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        String tps = output.lines().filter(line -> line.startsWith("tps =")).findFirst()
                .orElseThrow(() -> new IllegalStateException("pgbench gave no tps:\n" + output));
        System.out.println("pgbench " + script.getFileName() + ": " + tps);
        return Double.parseDouble(tps.replaceAll("tps = ([0-9.]+).*", "$1"));
    }

    static void reset(CreditMonthlyReset monthlyReset, JdbcClient jdbc, int count) {
        long began = System.nanoTime();
        jdbc.sql("""
                insert into organizations (id, name, slug)
                select md5('reset-' || i)::uuid, 'Reset ' || i, 'reset-' || i from generate_series(1, :n) as i""")
                .param("n", count).update();
        // A month of typical use: 50 main left, 20 rollover, a few with bonus; allowance 100, cap 30.
        jdbc.sql("""
                insert into credit_balances (organization_id, plan, monthly_credits, rollover_cap, balance, rollover_balance,
                    bonus_balance, last_reset_at, next_reset_at)
                select md5('reset-' || i)::uuid, 'starter', 100, 30, 50, 20, case when i % 10 = 0 then 5 else 0 end,
                    now() - interval '1 month', now() - interval '1 minute'
                from generate_series(1, :n) as i""")
                .param("n", count).update();
        // Their ledgers so far, so the reset's rows continue an exact chain.
        jdbc.sql("""
                insert into credit_transactions (organization_id, type, bucket, amount, balance_after, reference_type, created_at)
                select organization_id, v.type, v.bucket, v.amount, v.after, 'bench', now() - interval '1 month'
                from credit_balances b cross join lateral (values
                    (1, 'subscription', 'main', b.balance, b.balance),
                    (2, 'rollover', 'rollover', b.rollover_balance, b.balance + b.rollover_balance),
                    (3, 'bonus', 'bonus', b.bonus_balance, b.balance + b.rollover_balance + b.bonus_balance)) as v(ord, type, bucket, amount, after)
                where b.organization_id in (select md5('reset-' || i)::uuid from generate_series(1, :n) as i) and v.amount <> 0
                order by b.organization_id, v.ord""")
                .param("n", count).update();
        jdbc.sql("analyze").update();
        System.out.printf("set-up of %d organizations: %.1f s%n", count, (System.nanoTime() - began) / 1e9);

        Instant now = Instant.now();
        int batch = 1000;
        int total = 0;
        int chunk;
        began = System.nanoTime();
        do {
            chunk = monthlyReset.resetDue(now, batch);
            total += chunk;
        } while (chunk == batch);
        double elapsed = (System.nanoTime() - began) / 1e9;
        long rows = jdbc.sql("select count(*) from credit_transactions where reference_type = 'monthly_reset'").query(Long.class).single();
        long wrong = jdbc.sql("""
                select count(*) from credit_balances b where b.organization_id in (select md5('reset-' || i)::uuid from generate_series(1, :n) i)
                and (b.balance <> 100 or b.rollover_balance <> 30
                     or b.balance <> (select sum(amount) from credit_transactions t where t.organization_id = b.organization_id and t.bucket = 'main')
                     or b.rollover_balance <> (select sum(amount) from credit_transactions t where t.organization_id = b.organization_id and t.bucket = 'rollover'))""")
                .param("n", count).query(Long.class).single();
        System.out.printf("monthly reset: %d organizations in %.1f s (%.0f/s, batches of %d), %d ledger rows, %d wrong%n",
                total, elapsed, total / elapsed, batch, rows, wrong);
    }

    static void deleteQuietly(Path path) {
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + path + ": " + e.getMessage());
        }
    }
}
