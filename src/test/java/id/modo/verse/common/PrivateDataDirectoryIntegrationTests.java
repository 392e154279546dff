package id.modo.verse.common;

import id.modo.verse.ModoApplication;
import id.modo.verse.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as a user starts it keeps its data directory to its own OS user: the log (captured mails
 * with their links), the keys and the uploads folder, from their first byte; and tightens what an
 * earlier version left readable by everyone.
 */
class PrivateDataDirectoryIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryAndEverythingTheAppWritesInItAreOwnerOnly() throws Exception {
        Path dataDir = temp.resolve("data");
        try (var app = start(dataDir)) {
            assertThat(dataDir.resolve("logs/modo.log")).isNotEmptyFile();
            assertThat(dataDir.resolve("media/signing-key")).isNotEmptyFile();
            assertThat(dataDir.resolve("payments/sandbox-secret")).isNotEmptyFile();
            assertThat(dataDir.resolve("media/incoming")).isDirectory();
            try (Stream<Path> all = Files.walk(dataDir)) {
                assertThat(all.toList()).allSatisfy(path -> assertThat(mode(path)).as(dataDir.relativize(path).toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
            }
        }
    }

    @Test
    void whatAnEarlierVersionLeftReadableByEveryoneIsTightenedOnStartWithoutLosingIt() throws Exception {
        Path dataDir = temp.resolve("data");
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Path log = Files.writeString(logs.resolve("modo.log"), "{\"message\":\"a line from before\"}\n");
        Path key = Files.writeString(Files.createDirectories(dataDir.resolve("media")).resolve("signing-key"),
                "c2lnbmluZy1rZXktZnJvbS1iZWZvcmUtMzItYnl0ZXMhIQ==");
        for (Path folder : List.of(dataDir, logs, dataDir.resolve("media"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        try (var app = start(dataDir)) {
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(logs)).isEqualTo("rwx------");
            assertThat(mode(log)).isEqualTo("rw-------");
            assertThat(mode(key)).isEqualTo("rw-------");
            assertThat(Files.readString(log)).startsWith("{\"message\":\"a line from before\"}\n").contains("Tomcat started on port");
            assertThat(key).hasContent("c2lnbmluZy1rZXktZnJvbS1iZWZvcmUtMzItYnl0ZXMhIQ==");
        }
    }

    /** On the suite's shared database, so the data directory holds what the app writes besides the database. */
    private static ConfigurableApplicationContext start(Path dataDir) {
        TestDatabase db = TestDatabase.get();
        return new SpringApplicationBuilder(ModoApplication.class).run("--server.port=0", "--spring.main.banner-mode=off",
                "--modo.data-dir=" + dataDir, "--modo.db.url=" + db.url(), "--modo.db.user=" + db.user(),
                "--modo.db.password=" + (db.password() == null ? "" : db.password()), "--modo.demo.enabled=false");
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
