package id.modo.verse.common.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading and rewriting the rules of an older cluster's pg_hba.conf. */
class PgHbaTests {

    /** The rules `initdb -A trust` writes (PostgreSQL 17), with its comments shortened. */
    private static final String OLD = """
            # PostgreSQL Client Authentication Configuration File
            # METHOD can be "trust", "reject", "md5", "password", "scram-sha-256",
            # CAUTION: Configuring the system for local "trust" authentication

            # TYPE  DATABASE        USER            ADDRESS                 METHOD

            # "local" is for Unix domain socket connections only
            local   all             all                                     trust
            # IPv4 local connections:
            host    all             all             127.0.0.1/32            trust
            # IPv6 local connections:
            host    all             all             ::1/128                 trust
            # Allow replication connections from localhost, by a user with the
            # replication privilege.
            local   replication     all                                     trust
            host    replication     all             127.0.0.1/32            trust
            host    replication     all             ::1/128                 trust
            """;

    @TempDir
    Path temp;

    @Test
    void everyTrustRuleAsksForThePasswordAfterwardsAndTheRestIsKept() throws Exception {
        Path file = Files.writeString(temp.resolve("pg_hba.conf"), OLD);
        assertThat(PgHba.trusts(file)).isTrue();

        PgHba.requirePasswords(file);

        List<String> lines = Files.readAllLines(file);
        assertThat(PgHba.trusts(file)).isFalse();
        assertThat(lines).noneMatch(PgHbaTests::isTrustRule).hasSize(OLD.lines().toList().size());
        assertThat(lines).contains(
                "# METHOD can be \"trust\", \"reject\", \"md5\", \"password\", \"scram-sha-256\",",
                "local   all             all                                     scram-sha-256",
                "host    all             all             127.0.0.1/32            scram-sha-256",
                "host    replication     all             ::1/128                 scram-sha-256");
    }

    @Test
    void onlyTheMethodFieldIsRead() {
        assertThat(PgHba.withoutTrust("host trust trust 10.0.0.0/8 trust # trust me"))
                .isEqualTo("host trust trust 10.0.0.0/8 scram-sha-256 # trust me");
        assertThat(PgHba.withoutTrust("host all all 192.168.0.1 255.255.255.255 trust"))
                .isEqualTo("host all all 192.168.0.1 255.255.255.255 scram-sha-256");
        assertThat(PgHba.withoutTrust("local all trust peer")).isEqualTo("local all trust peer");
        assertThat(PgHba.withoutTrust("#host all all ::1/128 trust")).isEqualTo("#host all all ::1/128 trust");
        assertThat(PgHba.withoutTrust("")).isEmpty();
    }

    /** A rule (not a comment) whose method is trust. */
    static boolean isTrustRule(String line) {
        return !line.strip().startsWith("#") && line.strip().matches(".*\\strust(\\s.*)?");
    }
}
