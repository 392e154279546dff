import id.modo.verse.ModoApplication;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.PlatformRole;
import id.modo.verse.identity.UserId;
import id.modo.verse.invest.CampaignId;
import id.modo.verse.invest.Investing;
import id.modo.verse.invest.revenue.DistributionView;
import id.modo.verse.invest.revenue.RevenueDistributions;
import id.modo.verse.organization.OrganizationId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * Invest figures (bench/invest-revenue.sh runs it). First, investments per second into one hot tier through
 * Investing.invest (the tier's conditional UPDATE, the pending investment, the sandbox payment) at 16 callers, against
 * pgbench running the tier's conditional UPDATE alone on a twin tier, before and after, in the same run. Then a pool
 * distributed over 100,000 confirmed investments through RevenueDistributions.record (read the shares, the
 * largest-remainder split, one INSERT of every payout), against a plain INSERT … SELECT of the same 100,000 payout rows,
 * and a check that the payouts sum to the pool. Arguments: seconds per run (default 15), investments (default 100000).
 */
public class InvestBench {

    static final int CALLERS = 16;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int investments = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path data = Files.createTempDirectory("modo-bench-invest-");
        SpringApplication application = new SpringApplication(ModoApplication.class);
        try (ConfigurableApplicationContext context = application.run("--modo.data-dir=" + data, "--server.port=0",
                "--modo.demo.enabled=false", "--modo.db.pool-size=24", "--db-scheduler.polling-interval=1h",
                "--modo.invest.revenue.payouts.interval=1h", "--logging.level.root=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String url;
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                url = connection.getMetaData().getURL();
            }
            System.out.println("database: " + url);
            UUID owner = jdbc.sql("insert into users (email, name) values ('bench-owner@example.id', 'Owner') returning id")
                    .query(UUID.class).single();
            UUID org = jdbc.sql("insert into organizations (name, slug) values ('Bench Studio', 'bench-studio') returning id")
                    .query(UUID.class).single();
            jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?, ?, 'owner')").params(org, owner).update();

            hotTier(context, jdbc, url, data, owner, org, seconds);
            distribution(context, jdbc, owner, org, investments);
        } finally {
            CreditBench.deleteQuietly(data);
        }
    }

    static UUID campaign(JdbcClient jdbc, UUID org, UUID owner, String slug, String status) {
        return jdbc.sql("""
                insert into campaigns (organization_id, created_by, title, slug, goal_amount, funding_type, status, end_date, story, launched_at)
                values (?, ?, ?, ?, 1000000, 'flexible', ?, now() + interval '30 days', 'Bench', now()) returning id""")
                .params(org, owner, "Bench " + slug, slug, status).query(UUID.class).single();
    }

    static UUID tier(JdbcClient jdbc, UUID campaign, String share) {
        return jdbc.sql("""
                insert into investment_tiers (campaign_id, name, min_amount, revenue_share_percent, limit_quantity)
                values (?, 'Hot', 100000, ?, 100000000) returning id""")
                .params(campaign, new java.math.BigDecimal(share)).query(UUID.class).single();
    }

    static void hotTier(ConfigurableApplicationContext context, JdbcClient jdbc, String url, Path data, UUID owner, UUID org, int seconds)
            throws Exception {
        Investing investing = context.getBean(Investing.class);
        UUID live = campaign(jdbc, org, owner, "bench-hot", "active");
        UUID tier = tier(jdbc, live, "0");
        UUID twin = tier(jdbc, campaign(jdbc, org, owner, "bench-pg", "active"), "0");
        List<CurrentUser> investors = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            UUID id = jdbc.sql("insert into users (email, name) values (?, ?) returning id")
                    .params("bench-investor-" + i + "@example.id", "Investor " + i).query(UUID.class).single();
            investors.add(new CurrentUser(UserId.of(id), null, "bench-investor-" + i + "@example.id", "Investor " + i, PlatformRole.USER, null));
        }
        Path script = Files.createTempFile("invest-claim-", ".sql");
        Files.writeString(script, ("UPDATE investment_tiers SET sold_quantity = sold_quantity + 1 WHERE id = '%s' "
                + "AND (limit_quantity IS NULL OR sold_quantity < limit_quantity);\n").formatted(twin));
        run(investors, 3, "warm-up", investor -> investing.invest(investor, CampaignId.of(live), tier, "100000", null));
        double before = CreditBench.pgbench(url, data, script, seconds);
        String commits = "select xact_commit from pg_stat_database where datname = current_database()";
        long commitsBefore = jdbc.sql(commits).query(Long.class).single();
        AtomicLong invested = new AtomicLong();
        double rate = run(investors, seconds, "Investing.invest, one tier (hot row)", investor -> {
            investing.invest(investor, CampaignId.of(live), tier, "100000", null);
            invested.incrementAndGet();
        });
        // The statistics collector reports a little late; a second's wait lets it count the run's last commits.
        Thread.sleep(1000);
        System.out.printf("commits per investment (pg_stat_database, whole app): %.2f%n",
                (jdbc.sql(commits).query(Long.class).single() - commitsBefore) / (double) Math.max(1, invested.get()));
        double after = CreditBench.pgbench(url, data, script, seconds);
        double pg = (before + after) / 2;
        int sold = jdbc.sql("select sold_quantity from investment_tiers where id = ?").param(tier).query(Integer.class).single();
        int pending = jdbc.sql("select count(*) from investments where tier_id = ? and status = 'pending'").param(tier).query(Integer.class).single();
        System.out.printf("pgbench, the tier's conditional UPDATE, %d clients: %.0f and %.0f/s (mean %.0f)%n", CALLERS, before, after, pg);
        System.out.printf("ratio Investing.invest / pgbench UPDATE, hot tier: %.2f (goal >= 0.8)%n", rate / pg);
        System.out.printf("check: sold_quantity %d = pending investments %d: %s%n", sold, pending, sold == pending ? "ok" : "WRONG");
    }

    interface Operation {
        void apply(CurrentUser investor);
    }

    static double run(List<CurrentUser> investors, int seconds, String label, Operation operation) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (CurrentUser investor : investors) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (!stop.get()) {
                    try {
                        operation.apply(investor);
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
        System.out.printf("%s, %d callers: %d in %.1f s = %.0f/s (%d refused)%n", label, investors.size(), done.get(), elapsed, rate,
                refused.get());
        return rate;
    }

    static void distribution(ConfigurableApplicationContext context, JdbcClient jdbc, UUID owner, UUID org, int count) {
        UUID funded = campaign(jdbc, org, owner, "bench-funded", "funded");
        UUID tier = tier(jdbc, funded, "5.00");
        long began = System.nanoTime();
        // 1,000 investors with 100 investments each at most, amounts varying so the remainders differ.
        jdbc.sql("""
                insert into users (email, name) select 'bench-backer-' || i || '@example.id', 'Backer ' || i from generate_series(1, 1000) i""")
                .update();
        jdbc.sql("""
                insert into investments (campaign_id, user_id, tier_id, amount, currency, payment_status, status, net_amount, confirmed_at)
                select ?, u.id, ?, 100000 + (i * 7919) % 9900000, 'IDR', 'completed', 'confirmed', 100000 + (i * 7919) % 9900000, now()
                from generate_series(1, ?) i
                join users u on u.email = 'bench-backer-' || (1 + i % 1000) || '@example.id'""")
                .params(funded, tier, count).update();
        jdbc.sql("analyze").update();
        System.out.printf("set-up of %d confirmed investments: %.1f s%n", count, (System.nanoTime() - began) / 1e9);

        RevenueDistributions revenue = context.getBean(RevenueDistributions.class);
        began = System.nanoTime();
        DistributionView d = revenue.record(UserId.of(owner), OrganizationId.of(org), CampaignId.of(funded),
                new RevenueDistributions.RevenueRequest("2026-01-01", "2026-01-31", "123456789017", "IDR"));
        double recordSeconds = (System.nanoTime() - began) / 1e9;
        long sum = jdbc.sql("select coalesce(sum(amount), 0)::bigint from investor_payouts where distribution_id = ?").param(d.id())
                .query(Long.class).single();

        // The same rows by a plain INSERT … SELECT into a second period: no split, no weights, one statement.
        UUID plain = jdbc.sql("""
                insert into revenue_distributions (campaign_id, period_start, period_end, total_revenue, platform_share, creator_share,
                    investor_pool, platform_percent, creator_percent, investor_percent)
                values (?, '2026-02-01', '2026-02-28', 0, 0, 0, 0, 0, 100, 0) returning id""").param(funded).query(UUID.class).single();
        began = System.nanoTime();
        int plainRows = jdbc.sql("""
                insert into investor_payouts (distribution_id, investment_id, user_id, share_percent, amount, currency, status)
                select ?, i.id, i.user_id, 0, 1, 'IDR', 'pending' from investments i where i.campaign_id = ? and i.status = 'confirmed'""")
                .params(plain, funded).update();
        double plainSeconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("RevenueDistributions.record over %d investments: %.2f s (%.0f payouts/s), pool %s, payouts sum %d: %s%n",
                count, recordSeconds, d.payoutCount() / recordSeconds, d.investorPool().toPlainString(), sum,
                sum == d.investorPool().longValueExact() ? "exact" : "WRONG");
        System.out.printf("plain INSERT ... SELECT of %d payout rows: %.2f s (%.0f rows/s); ratio record / plain rows per second: %.2f%n",
                plainRows, plainSeconds, plainRows / plainSeconds, (d.payoutCount() / recordSeconds) / (plainRows / plainSeconds));
    }
}
