import id.modo.verse.ModoApplication;
import id.modo.verse.common.ProblemException;
import id.modo.verse.credit.CreditBucket;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.credit.CreditMonthlyReset;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * The credit ledger's figures (bench/credit-debits.sh runs it): debits per second through
 * CreditLedger.debit at 16 concurrent callers on one organization (the hot row) and spread over
 * 100 organizations; pgbench running the debit's conditional UPDATE alone at 16 clients on the same
 * database, for the ratio; and the monthly reset over 100,000 organizations.
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
                "--modo.demo.enabled=false", "--modo.db.pool-size=24", "--db-scheduler.enabled=false", "--logging.level.root=WARN")) {
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
            for (int i = 1; i <= 101; i++) {
                UUID id = jdbc.sql("insert into organizations (id, name, slug) values (md5(:key)::uuid, :key, :key) returning id")
                        .param("key", "bench-org-" + i).query(UUID.class).single();
                OrganizationId org = OrganizationId.of(id);
                ledger.open(org);
                ledger.adjust(org, admin, CreditBucket.MAIN, 50_000_000, "Bench top-up");
                orgs.add(org);
            }
            OrganizationId hot = orgs.get(100);   // bench-org-101
            List<OrganizationId> spread = orgs.subList(0, 100);

            debits(ledger, List.of(hot), 3, "warm-up");
            double hotRate = debits(ledger, List.of(hot), seconds, "one organization (hot row)");
            double spreadRate = debits(ledger, spread, seconds, "100 organizations");

            Path script = Files.createTempFile("credit-update-", ".sql");
            String update = "UPDATE credit_balances SET balance = balance - 1, updated_at = now() "
                    + "WHERE organization_id = %s AND balance + bonus_balance + rollover_balance - held_balance >= 1;";
            Files.writeString(script, update.formatted("md5('bench-org-101')::uuid") + "\n");
            double pgHot = pgbench(url, data, script, seconds);
            Files.writeString(script, "\\set n random(1, 100)\n" + update.formatted("md5('bench-org-' || :n)::uuid") + "\n");
            double pgSpread = pgbench(url, data, script, seconds);
            System.out.printf("pgbench, same UPDATE, %d clients: hot row %.0f/s, 100 organizations %.0f/s%n", CALLERS, pgHot, pgSpread);
            System.out.printf("ratio CreditLedger.debit / pgbench UPDATE: hot row %.2f, 100 organizations %.2f%n",
                    hotRate / pgHot, spreadRate / pgSpread);

            reset(context.getBean(CreditMonthlyReset.class), jdbc, resetCount);
        } finally {
            deleteQuietly(data);
        }
    }

    static double debits(CreditLedger ledger, List<OrganizationId> orgs, int seconds, String label) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
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
                        ledger.debit(org, null, 1, "bench", null, null);
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
        System.out.printf("CreditLedger.debit, %d callers, %s: %d debits in %.1f s = %.0f/s (%d refused)%n", CALLERS, label,
                done.get(), elapsed, rate, refused.get());
        return rate;
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
