package id.modo.verse.support;

import id.modo.verse.common.PrivateFiles;
import id.modo.verse.common.SecureTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;

/**
 * The one PostgreSQL every Spring test context of this JVM shares: an embedded server in a
 * fresh temporary directory, started on first use and stopped when the JVM exits. Set
 * {@code MODO_TEST_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) to run the suite against an
 * external server instead.
 */
public final class TestDatabase {

    private static volatile TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;
    private final Path dataDir;

    private TestDatabase(String url, String user, String password, Path dataDir) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static TestDatabase start() {
        try {
            Path dataDir = Files.createTempDirectory("modo-test-data");
            String external = System.getenv("MODO_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                return new TestDatabase(external, System.getenv("MODO_TEST_DB_USER"), System.getenv("MODO_TEST_DB_PASSWORD"), dataDir);
            }
            // Secured as the app's own embedded server is: a password for every connection, no socket in /tmp.
            String password = SecureTokens.newToken();
            Path passwordFile = dataDir.resolve("postgres-password");
            PrivateFiles.write(passwordFile, password.getBytes(StandardCharsets.UTF_8));
            // Stopped by Spring's shutdown hook after it has closed every cached test context, not by a JVM hook of its
            // own: JVM hooks run at once, and the contexts closing against a stopped server waited 10 s each for a
            // connection (surefire then killed the fork after 30 s).
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setRegisterShutdownHook(false)
                    .start();
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot stop the test PostgreSQL", e);
                }
            });
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", password, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A data directory for logs and files of test contexts; the database itself lives elsewhere. */
    public Path dataDir() {
        return dataDir;
    }
}
