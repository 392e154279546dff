package id.modo.verse.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.modo.verse.common.ModoProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link DataSource} for the whole app. With {@code modo.db.url} set it points at that
 * PostgreSQL; without it the app starts its own PostgreSQL under {@code modo.data-dir}/postgres.
 * The embedded server starts in the background as soon as the context starts refreshing, while
 * the web server and the rest of the app are set up, and the pool waits for it. It is stopped by
 * {@link EmbeddedDatabaseLauncher}, the first bean created and so the last one destroyed: after
 * everything using the database (the event publication registry, the scheduler, JPA) has shut down.
 * The embedded server lets nobody in without its superuser's password (see {@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String EMBEDDED_DATABASE = "modo";

    @Bean
    @ConditionalOnExpression("'${modo.db.url:}'.isBlank()")
    static EmbeddedDatabaseLauncher embeddedDatabaseLauncher() {
        return new EmbeddedDatabaseLauncher();
    }

    /** Closed by the launcher, not here: see the class comment. */
    @Bean(destroyMethod = "")
    @ConditionalOnExpression("'${modo.db.url:}'.isBlank()")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseLauncher launcher, ModoProperties properties) {
        if (properties.env() == ModoProperties.Environment.PRODUCTION) {
            log.warn("MODO_ENV=production on the embedded PostgreSQL: fine for a single small node, but set MODO_DB_URL to "
                    + "a managed PostgreSQL with backups for real use");
        }
        return launcher.await();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(ModoProperties properties, Optional<EmbeddedDatabase> embedded) {
        ModoProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("modo");
        config.setMaximumPoolSize(db.poolSize());
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            log.info("Using the external PostgreSQL at {}", db.url());
        } else {
            EmbeddedDatabase server = embedded.orElseThrow();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(EmbeddedDatabase.SUPERUSER);
            config.setPassword(server.password());
        }
        return new HikariDataSource(config);
    }

    /**
     * The embedded PostgreSQL and the lock that keeps a second app off its files. Only the app's
     * own OS user gets in: the server listens on localhost over TCP only (no Unix socket, which
     * PostgreSQL would put in the world-writable /tmp), and every connection, local ones included,
     * must sign in with SCRAM-SHA-256 and the superuser's password, which only the data directory's
     * owner can read ({@link SuperuserPassword}). A cluster made by an earlier version, which trusted
     * every local connection, is given the password on its first start here ({@link #requirePasswords}).
     */
    static final class EmbeddedDatabase implements AutoCloseable {

        static final String SUPERUSER = "postgres";
        private static final Duration PASSWORD_RULES_TAKE_EFFECT = Duration.ofSeconds(10);

        private final DataDirectoryLock lock;
        private final EmbeddedPostgres postgres;
        private final String password;

        private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres, String password) {
            this.lock = lock;
            this.postgres = postgres;
            this.password = password;
        }

        static EmbeddedDatabase start(Path dataDir, int port) {
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Path passwordFile = dataDir.resolve(SuperuserPassword.FILE_NAME).toAbsolutePath();
            try {
                stopOrphanedServer(pgData);
                refuseBusyPort(port);
                boolean exists = Files.exists(pgData.resolve("postgresql.conf"));
                boolean trusting = exists && PgHba.trusts(pgData.resolve("pg_hba.conf"));
                String password = SuperuserPassword.readOrCreate(passwordFile, exists && !trusting);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .setLocaleConfig("locale", "C.UTF-8")
                        // Options of initdb (the library names them all "locale config"); they come after its
                        // "-A trust", so they win: the superuser gets the password, every connection must give it.
                        .setLocaleConfig("pwfile", passwordFile.toString())
                        .setLocaleConfig("auth-host", PgHba.SCRAM)
                        .setLocaleConfig("auth-local", PgHba.SCRAM)
                        // The library's readiness check and every connection it hands out sign in with it.
                        .setConnectConfig("password", password)
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("unix_socket_directories", "")
                        .setServerConfig("password_encryption", PgHba.SCRAM)
                        .setServerConfig("max_connections", "100")
                        // The library starts PostgreSQL with -F (no fsync) for throw-away test data;
                        // this is the user's data, so every commit is made durable.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
                try {
                    if (trusting) {
                        requirePasswords(postgres, pgData, password);
                    }
                    createDatabaseIfMissing(postgres);
                    refuseForeignServer(postgres, pgData);
                } catch (IOException | SQLException | RuntimeException e) {
                    postgres.close();
                    throw e;
                }
                log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pgData);
                return new EmbeddedDatabase(lock, postgres, password);
            } catch (RuntimeException e) {
                closeQuietly(lock);
                throw e;
            } catch (IOException | SQLException e) {
                closeQuietly(lock);
                throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + pgData
                        + " (modo.data-dir / MODO_DATA_DIR): " + e.getMessage(), e);
            }
        }

        /**
         * Upgrades a cluster an earlier version made, which let every local connection in as the
         * superuser without a password: gives the superuser the kept password, then rewrites
         * pg_hba.conf to ask for it and reloads it, and waits until a connection without it is turned
         * away. Each step can be repeated, so an app killed halfway finishes the job on its next start:
         * the password file was written before, the password is set again to the same value, and
         * pg_hba.conf is replaced in one step. Until then the server is as open as it always was, and
         * only on localhost.
         */
        private static void requirePasswords(EmbeddedPostgres postgres, Path pgData, String password)
                throws SQLException, IOException {
            log.warn("The embedded PostgreSQL in {} let every local connection in without a password (made by an earlier "
                    + "version of MODO): giving its superuser the password kept in the data directory", pgData);
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                // The SCRAM verifier is computed here, so the password itself never reaches the server or its log.
                c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), PgHba.SCRAM);
                PgHba.requirePasswords(pgData.resolve("pg_hba.conf"));
                try (var reload = c.createStatement()) {
                    reload.execute("select pg_reload_conf()");
                }
            }
            // The reload is a signal the server acts on a moment later; the start goes on once it has.
            long deadline = System.nanoTime() + PASSWORD_RULES_TAKE_EFFECT.toNanos();
            DataSource withoutPassword = postgres.getDatabase(SUPERUSER, "postgres", Map.of());
            while (true) {
                try (Connection ignored = withoutPassword.getConnection()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " still lets connections in "
                                + "without a password after pg_hba.conf was rewritten; see its log");
                    }
                } catch (SQLException refused) {
                    log.info("The embedded PostgreSQL in {} now asks every connection for the password", pgData);
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while securing the embedded PostgreSQL", e);
                }
            }
        }

        /**
         * A PostgreSQL still running on our directory although we hold the lock was left behind by
         * an app that was killed without shutting down: stop it so this start can take over.
         */
        private static void stopOrphanedServer(Path pgData) throws IOException {
            Path pidFile = pgData.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            if (!firstLine.matches("\\d+")) {
                return;
            }
            Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().map(cmd -> cmd.contains(pgData.toString())).orElse(false));
            if (orphan.isPresent()) {
                log.warn("Stopping the embedded PostgreSQL (pid {}) left running by an app that did not shut down", firstLine);
                orphan.get().destroy();
                try {
                    orphan.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException("The PostgreSQL left running in " + pgData + " (pid " + firstLine + ") did not stop", e);
                }
            }
        }

        /** A fixed port someone else listens on would connect us to their server, or hang the start. */
        private static void refuseBusyPort(int port) {
            if (port == 0) {
                return;
            }
            try (var socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new IllegalStateException("modo.db.embedded-port (MODO_DB_EMBEDDED_PORT) " + port
                        + " is already in use on 127.0.0.1; choose another port, or 0 for any free one");
            }
        }

        /** The server answering on our port must be the one running on our data directory. */
        private static void refuseForeignServer(EmbeddedPostgres postgres, Path pgData) throws SQLException, IOException {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); var query = c.createStatement();
                 var rs = query.executeQuery("show data_directory")) {
                rs.next();
                Path served = Path.of(rs.getString(1)).toRealPath();
                if (!served.equals(pgData.toRealPath())) {
                    postgres.close();
                    throw new IllegalStateException("The PostgreSQL on port " + postgres.getPort() + " serves " + served
                            + ", not " + pgData + "; check modo.db.embedded-port (MODO_DB_EMBEDDED_PORT)");
                }
            }
        }

        private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                 var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, EMBEDDED_DATABASE);
                if (!exists.executeQuery().next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + EMBEDDED_DATABASE + " encoding 'UTF8'");
                    }
                }
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl(SUPERUSER, EMBEDDED_DATABASE);
        }

        /** The superuser's password, for the app's pool; never logged. */
        String password() {
            return password;
        }

        int port() {
            return postgres.getPort();
        }

        @Override
        public void close() {
            try {
                postgres.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                closeQuietly(lock);
            }
        }

        private static void closeQuietly(DataDirectoryLock lock) {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Could not release the data directory lock: {}", e.getMessage());
            }
        }
    }
}
