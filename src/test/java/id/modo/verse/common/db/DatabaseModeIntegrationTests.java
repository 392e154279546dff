package id.modo.verse.common.db;

import id.modo.verse.ModoApplication;
import id.modo.verse.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The app as a user starts it: on its own embedded PostgreSQL under the data directory, or on
 * an external server named by MODO_DB_URL, and refusing to start on a wrong setting.
 */
class DatabaseModeIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void embeddedDatabaseKeepsDataAcrossRestartsAndRefusesASecondAppOnTheSameDirectory() {
        try (var first = start(embedded())) {
            assertThat(first.getBeansOfType(DatabaseConfiguration.EmbeddedDatabase.class)).hasSize(1);
            assertThat(Files.exists(dataDir.resolve("postgres/postgresql.conf"))).isTrue();
            jdbc(first).sql("insert into system_settings (key, value) values ('test.survives_restart', '\"yes\"')").update();
            assertThat(jdbc(first).sql("show fsync").query(String.class).single()).as("user data is durable").isEqualTo("on");
            assertThat(jdbc(first).sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc(first).sql("select email from users order by email").query(String.class).list())
                    .as("a new database gets the demo").containsExactly("admin@modo.demo", "ani@fans.demo", "budi@kancil.demo", "dewi@layar.demo",
                            "joko@fans.demo", "raka@kancil.demo", "sinta@kancil.demo");
            assertThat(jdbc(first).sql("""
                    select o.slug || ':' || u.email || ':' || m.role from organization_members m
                    join organizations o on o.id = m.organization_id join users u on u.id = m.user_id order by 1""")
                    .query(String.class).list()).containsExactly("layar-nusantara:dewi@layar.demo:owner",
                            "studio-kancil:budi@kancil.demo:viewer", "studio-kancil:raka@kancil.demo:owner",
                            "studio-kancil:sinta@kancil.demo:editor");
            // Layar's free subscription comes from billing's listener to the organization's creation, after its commit.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc(first).sql("""
                    select o.slug || ':' || s.plan || ':' || s.status from subscriptions s
                    join organizations o on o.id = s.organization_id order by 1""")
                    .query(String.class).list()).containsExactly("layar-nusantara:free:active", "studio-kancil:pro:trialing"));
            assertThat(jdbc(first).sql("""
                    select o.slug || ':' || p.slug || ':' || p.visibility from projects p
                    join organizations o on o.id = p.organization_id""")
                    .query(String.class).list()).containsExactly("studio-kancil:si-kancil:public");
            assertThat(jdbc(first).sql("""
                    select distinct o.slug || ':' || l.provider || ':' || l.status || ':' || l.credits_used from ai_usage_logs l
                    join organizations o on o.id = l.organization_id order by 1""")
                    .query(String.class).list()).as("three weeks of AI history: the local model priced 0, and Kancil's platform models")
                    .containsExactly("layar-nusantara:compatible:error:0", "layar-nusantara:compatible:success:0",
                            "layar-nusantara:compatible:timeout:0", "studio-kancil:anthropic:success:2", "studio-kancil:compatible:error:0",
                            "studio-kancil:compatible:success:0", "studio-kancil:compatible:timeout:0", "studio-kancil:gemini:success:2",
                            "studio-kancil:openai:success:3");
            assertThat(jdbc(first).sql("""
                    select l.request_metadata ->> 'generation_id' || ':' || l.credits_used from ai_usage_logs l where l.credits_used > 0
                    order by 1""").query(String.class).list()).as("every credit the usage log shows was spent on the ledger for its generation")
                    .isEqualTo(jdbc(first).sql("""
                            select reference_id || ':' || -sum(amount) from credit_transactions where reference_type = 'ai_generation'
                            group by reference_id order by 1""")
                            .query(String.class).list());
            assertThat(jdbc(first).sql("""
                    select c.slug || ':' || c.status || ':' || c.raised_amount || ':' || c.backer_count || ':' || (c.project_id = p.id)
                    from campaigns c join projects p on p.slug = 'si-kancil' where c.slug = 'si-kancil-film'""")
                    .query(String.class).list()).as("Kancil's live campaign with the two fans' backing")
                    .containsExactly("si-kancil-film:active:15150000.00:2:true");
            assertThat(jdbc(first).sql("""
                    select c.status || ':' || d.investor_pool || ':' || coalesce(sum(o.amount), 0) from campaigns c
                    join revenue_distributions d on d.campaign_id = c.id left join investor_payouts o on o.distribution_id = d.id
                    where c.slug = 'kancil-dan-buaya-pilot' group by c.status, d.id, d.investor_pool order by d.period_start""")
                    .query(String.class).list()).as("the funded pilot's two revenue months, each pool paid out to the rupiah")
                    .hasSize(2).allSatisfy(row -> {
                        String[] parts = row.split(":");
                        assertThat(parts[0]).isEqualTo("funded");
                        assertThat(new java.math.BigDecimal(parts[1])).isPositive().isEqualByComparingTo(parts[2]);
                    });
            assertThat(jdbc(first).sql("""
                    select i.status || ':' || i.amount || ':' || i.platform_fee || ':' || i.net_amount from investments i
                    join campaigns c on c.id = i.campaign_id where c.slug = 'si-kancil-film' order by i.amount""")
                    .query(String.class).list()).as("fees on each, and Joko's cancelled one refunded (he still backs it)")
                    .containsExactly("confirmed:150000.00:7500.00:142500.00", "refunded:200000.00:10000.00:190000.00",
                            "confirmed:5000000.00:250000.00:4750000.00", "confirmed:10000000.00:500000.00:9500000.00");
            assertThat(jdbc(first).sql("""
                    select u.visibility from campaign_updates u join campaigns c on c.id = u.campaign_id
                    where c.slug = 'si-kancil-film' order by 1""").query(String.class).list()).containsExactly("backers_only", "public");

            assertThatThrownBy(() -> start(embedded()))
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause().hasMessageContaining("is in use by another MODO process");
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("PostgreSQL stopped cleanly with the app").isFalse();
        try (var second = start(embedded())) {
            assertThat(jdbc(second).sql("select value::text from system_settings where key = 'test.survives_restart'")
                    .query(String.class).single()).isEqualTo("\"yes\"");
            assertThat(jdbc(second).sql("select count(*) from users").query(Long.class).single()).as("seeded once").isEqualTo(7);
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledAppIsStoppedAndTakenOver() throws Exception {
        try (var first = start(embedded())) {
            jdbc(first).sql("insert into system_settings (key, value) values ('test.orphan', '1')").update();
        }
        // What a JVM killed with SIGKILL leaves behind: the server still running on the directory.
        Path pgData = dataDir.resolve("postgres");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // As root, PostgreSQL only runs inside a user namespace, which is how the embedded library starts it too.
        List<String> command = new ArrayList<>(isRoot() ? List.of("unshare", "-U") : List.of());
        command.addAll(List.of(postgresBinary().toString(), "-D", pgData.toString(), "-p", String.valueOf(port)));
        Process orphan = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("orphan.log").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pgData.resolve("postmaster.pid"))
                && Files.readString(pgData.resolve("postmaster.pid")).contains("ready"));
        long orphanPid = orphan.pid();

        try (var second = start(embedded())) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(jdbc(second).sql("select value::text from system_settings where key = 'test.orphan'")
                    .query(String.class).single()).isEqualTo("1");
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The server binary the embedded PostgreSQL library unpacked for this machine. */
    private static Path postgresBinary() throws java.io.IOException {
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        try (var versions = Files.list(binaries)) {
            return versions.map(dir -> dir.resolve("bin/postgres")).filter(Files::isExecutable).findFirst().orElseThrow();
        }
    }

    @Test
    void externalDatabaseUrlStartsNoEmbeddedServer() {
        TestDatabase db = TestDatabase.get();
        List<String> args = new ArrayList<>(common());
        args.add("--modo.db.url=" + db.url());
        args.add("--modo.db.user=" + db.user());
        args.add("--modo.db.password=" + (db.password() == null ? "" : db.password()));
        args.add("--modo.demo.enabled=false"); // the shared test database is not a new user's
        try (var app = start(args)) {
            assertThat(app.getBeansOfType(DatabaseConfiguration.EmbeddedDatabase.class)).isEmpty();
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
            String url = jdbc(app).sql("select 'jdbc:postgresql://localhost:' || current_setting('port') || '/' || current_database()")
                    .query(String.class).single();
            assertThat(db.url()).startsWith(url);
        }
    }

    @Test
    void wrongSettingsFailAtStartNamingTheKey() {
        assertStartFails("--modo.web.default-currency=RUPIAH", "modo.web.default-currency");
        assertStartFails("--modo.web.default-time-zone=Mars/Olympus", "modo.web.default-time-zone");
        assertStartFails("--modo.db.url=mysql://localhost/modo", "modo.db.url");
        assertStartFails("--modo.web.default-locale=fr", "modo.web.default-locale");
        assertStartFails("--modo.env=staging", "modo.env");
        assertStartFails("--modo.web.max-body-size=-1MB", "modo.web.max-body-size");
        assertStartFails("--modo.events.retention=-1d", "modo.events.retention");
        assertStartFails("--modo.events.cleanup-interval=-1h", "modo.events.cleanup-interval");
    }

    @Test
    void anEmbeddedPortSomeoneElseListensOnIsRefusedNamingTheKey() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<String> args = new ArrayList<>(embedded());
            args.add("--modo.db.embedded-port=" + taken.getLocalPort());
            assertThatThrownBy(() -> start(args)).satisfies(e -> assertThat(messages(e)).contains("modo.db.embedded-port"));
        }
    }

    @Test
    void anUnreachableExternalDatabaseFailsWithAReportNamingTheSetting() {
        List<String> args = new ArrayList<>(common());
        args.add("--modo.db.url=jdbc:postgresql://127.0.0.1:1/modo");
        args.add("--spring.datasource.hikari.initialization-fail-timeout=1");
        var analyzer = new DatabaseUnreachableFailureAnalyzer();
        assertThatThrownBy(() -> start(args)).satisfies(e -> {
            var analysis = analyzer.analyze(e);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("Cannot connect to the PostgreSQL server");
            assertThat(analysis.getAction()).contains("MODO_DB_URL");
        });
    }

    private void assertStartFails(String setting, String key) {
        List<String> args = new ArrayList<>(embedded());
        args.add(setting);
        assertThatThrownBy(() -> start(args))
                .satisfies(e -> assertThat(messages(e)).contains(key));
        assertThat(Files.exists(dataDir.resolve("postgres"))).as("no database started for " + setting).isFalse();
    }

    private List<String> embedded() {
        List<String> args = new ArrayList<>(common());
        args.add("--modo.db.url=");
        return args;
    }

    private List<String> common() {
        return List.of("--server.port=0", "--modo.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(ModoApplication.class).run(args.toArray(String[]::new));
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
