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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }

    /** The embedded PostgreSQL and the lock that keeps a second app off its files. */
    static final class EmbeddedDatabase implements AutoCloseable {

        private final DataDirectoryLock lock;
        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres) {
            this.lock = lock;
            this.postgres = postgres;
        }

        static EmbeddedDatabase start(Path dataDir, int port) {
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            try {
                stopOrphanedServer(pgData);
                refuseBusyPort(port);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setServerConfig("max_connections", "100")
                        // The library starts PostgreSQL with -F (no fsync) for throw-away test data;
                        // this is the user's data, so every commit is made durable.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
                createDatabaseIfMissing(postgres);
                refuseForeignServer(postgres, pgData);
                log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pgData);
                return new EmbeddedDatabase(lock, postgres);
            } catch (IOException | SQLException e) {
                closeQuietly(lock);
                throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + pgData
                        + " (modo.data-dir / MODO_DATA_DIR): " + e.getMessage(), e);
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
            return postgres.getJdbcUrl("postgres", EMBEDDED_DATABASE);
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
