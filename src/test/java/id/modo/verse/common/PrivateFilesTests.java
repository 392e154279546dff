package id.modo.verse.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Folders 0700 and files 0600, whatever the umask, and writes that nobody sees half done. */
class PrivateFilesTests {

    @TempDir
    Path temp;

    @Test
    void everyMissingFolderIsCreatedOwnerOnlyAndExistingOnesAreLeftAlone() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path deep = temp.resolve("data/media/files");

        PrivateFiles.createDirectories(deep);

        assertThat(mode(temp.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(temp.resolve("data/media"))).isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwx------");
        assertThat(mode(temp)).as("a parent that existed").isEqualTo("rwxr-xr-x");
        PrivateFiles.createDirectories(deep); // again: nothing to do
        assertThat(Files.isDirectory(deep)).isTrue();
    }

    @Test
    void restrictTightensAFolderOrAFileAnOlderVersionMadeReadableByOthers() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("logs"));
        Path file = Files.writeString(folder.resolve("modo.log"), "old lines");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.restrict(folder);
        PrivateFiles.restrict(file);
        PrivateFiles.restrict(temp.resolve("missing")); // nothing to do

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("old lines");
    }

    @Test
    void filesAreCreatedAndWrittenOwnerOnly() throws Exception {
        Path created = PrivateFiles.createFile(temp.resolve("logs/modo.log"));
        Path scratch = PrivateFiles.createTempFile(temp.resolve("media/incoming"), "upload-", ".bin");
        Path written = temp.resolve("keys/signing-key");
        PrivateFiles.write(written, "first".getBytes(StandardCharsets.UTF_8));
        PrivateFiles.write(written, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(mode(created)).isEqualTo("rw-------");
        assertThat(mode(created.getParent())).isEqualTo("rwx------");
        assertThat(mode(scratch)).isEqualTo("rw-------");
        assertThat(mode(scratch.getParent())).isEqualTo("rwx------");
        assertThat(mode(written)).isEqualTo("rw-------");
        assertThat(Files.readString(written)).isEqualTo("second");
        try (var left = Files.list(written.getParent())) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).as("no temporary file left").containsExactly("signing-key");
        }
    }

    @Test
    void createFileKeepsWhatAnExistingFileHolds() throws Exception {
        Path file = Files.writeString(temp.resolve("modo.log"), "kept");
        PrivateFiles.createFile(file);
        assertThat(Files.readString(file)).isEqualTo("kept");
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void ofManyWritersRacingForANewFileExactlyOneWinsAndEveryoneReadsItsBytes() throws Exception {
        Path file = temp.resolve("secret");
        int writers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> wrote = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                byte[] bytes = ("writer-" + i).getBytes(StandardCharsets.UTF_8);
                wrote.add(threads.submit(() -> {
                    start.await();
                    return PrivateFiles.writeIfAbsent(file, bytes);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : wrote) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(Files.readString(file)).matches("writer-\\d");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(PrivateFiles.writeIfAbsent(file, new byte[] {1})).isFalse();
        try (var left = Files.list(temp)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).containsExactly("secret");
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
