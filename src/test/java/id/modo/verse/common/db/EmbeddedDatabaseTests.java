package id.modo.verse.common.db;

import id.modo.verse.common.db.DatabaseConfiguration.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL lets in only who knows the superuser's password, which only the data
 * directory's owner can read; and a cluster an earlier version made, open to every local
 * connection, is locked the same way on its next start, with its data.
 */
class EmbeddedDatabaseTests {

    @TempDir
    Path temp;

    @Test
    void aNewClusterAsksEveryConnectionForThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
        Path dataDir = temp.resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            Path passwordFile = dataDir.resolve("postgres-password");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).as("256 random bits").hasSizeGreaterThanOrEqualTo(43);
            assertThat(mode(passwordFile)).isEqualTo("rw-------");
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("postgres"))).isEqualTo("rwx------");
            assertThat(Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf"))).noneMatch(PgHbaTests::isTrustRule)
                    .anyMatch(line -> line.startsWith("host") && line.endsWith("scram-sha-256"));

            assertRefused(db.port(), null);
            assertThatThrownBy(() -> connect(db.port(), "wrong-" + password).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (Connection c = connect(db.port(), password); var query = c.createStatement()) {
                var rs = query.executeQuery("""
                        select current_setting('unix_socket_directories'), current_setting('listen_addresses'),
                               (select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres')""");
                rs.next();
                assertThat(rs.getString(1)).as("no Unix socket (it would be in /tmp)").isEmpty();
                assertThat(rs.getString(2)).isEqualTo("localhost");
                assertThat(rs.getBoolean(3)).as("the password is kept as a SCRAM verifier").isTrue();
            }
            assertThat(Path.of("/tmp/.s.PGSQL." + db.port())).doesNotExist();
        }
    }

    @Test
    void aClusterAnEarlierVersionMadeOpenToEveryoneGetsThePasswordOnItsNextStartAndKeepsItsData() throws Exception {
        Path dataDir = temp.resolve("data");
        Path pgData = dataDir.resolve("postgres");
        // What earlier versions made: the library's defaults, initdb -A trust, and no password file.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); var sql = c.createStatement()) {
            sql.execute("create table kept (line text)");
            sql.execute("insert into kept values ('written by an earlier version')");
        }
        assertThat(Files.readAllLines(pgData.resolve("pg_hba.conf"))).anyMatch(PgHbaTests::isTrustRule);
        assertThat(dataDir.resolve("postgres-password")).doesNotExist();

        for (int start = 1; start <= 2; start++) {
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
                String password = Files.readString(dataDir.resolve("postgres-password")).strip();
                assertRefused(db.port(), null);
                assertThat(kept(db.port(), password)).as("start " + start).isEqualTo("written by an earlier version");
                assertThat(Files.readAllLines(pgData.resolve("pg_hba.conf"))).noneMatch(PgHbaTests::isTrustRule);
                assertThat(mode(dataDir.resolve("postgres-password"))).isEqualTo("rw-------");
                assertThat(mode(pgData.resolve("pg_hba.conf"))).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anUpgradeCutShortAfterThePasswordWasSetIsFinishedByTheNextStart() throws Exception {
        Path dataDir = temp.resolve("data");
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("postgres-password"), "kept-by-the-interrupted-start");
        // Killed after ALTER ROLE, before pg_hba.conf was rewritten: the role has the password, the rules still trust.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); var sql = c.createStatement()) {
            sql.execute("create table kept (line text)");
            sql.execute("insert into kept values ('still here')");
            sql.execute("alter role postgres password 'kept-by-the-interrupted-start'");
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            assertRefused(db.port(), null);
            assertThat(kept(db.port(), "kept-by-the-interrupted-start")).isEqualTo("still here");
        }
    }

    @Test
    void aPasswordProtectedClusterWhosePasswordFileIsGoneStopsTheStartNamingTheFile() throws Exception {
        Path dataDir = temp.resolve("data");
        EmbeddedDatabase.start(dataDir, 0).close();
        Files.delete(dataDir.resolve("postgres-password"));

        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, 0))
                .hasMessageContaining(dataDir.resolve("postgres-password").toAbsolutePath().toString())
                .hasMessageContaining("is missing");
        assertThat(dataDir.resolve("postgres-password")).as("no new password made up").doesNotExist();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("no server left running").doesNotExist();
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> connect(port, password).close()).as("a connection without the password")
                .isInstanceOf(SQLException.class);
    }

    private static String kept(int port, String password) throws SQLException {
        try (Connection c = connect(port, password); var query = c.createStatement();
             var rs = query.executeQuery("select line from kept")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
