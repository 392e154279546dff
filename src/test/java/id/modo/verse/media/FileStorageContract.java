package id.modo.verse.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every storage adapter does; each adapter's test class runs these against a real store. */
abstract class FileStorageContract {

    @TempDir
    Path scratch;

    abstract FileStorage storage();

    @Test
    void storesTakesTheFileOverAndReadsItBackWholeAndInRanges() throws IOException {
        byte[] content = random(300_000, 1);
        Path file = write(content);
        String key = key("original");

        storage().put(key, file, "application/octet-stream");

        assertThat(file).doesNotExist();
        assertThat(storage().size(key)).isEqualTo(content.length);
        assertThat(read(key, 0, -1)).isEqualTo(content);
        assertThat(read(key, 1000, 500)).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 1500));
        assertThat(read(key, content.length - 10, -1)).isEqualTo(java.util.Arrays.copyOfRange(content, content.length - 10, content.length));
    }

    @Test
    void replacingAKeyKeepsTheNewBytes() throws IOException {
        String key = key("thumbnail");
        storage().put(key, write(random(100, 2)), "image/png");
        byte[] second = random(50, 3);
        storage().put(key, write(second), "image/png");
        assertThat(read(key, 0, -1)).isEqualTo(second);
    }

    @Test
    void deletingRemovesTheBytesAndAMissingKeyIsNoError() throws IOException {
        String key = key("original");
        storage().put(key, write(random(10, 4)), "text/plain");
        storage().delete(key);
        assertThat(storage().size(key)).isEqualTo(-1);
        storage().delete(key);
        storage().delete(key("original"));
    }

    @Test
    void deletingAnOrganizationRemovesAllItsKeysAndNoOtherOrganizations() throws IOException {
        UUID gone = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        String a = gone + "/" + UUID.randomUUID() + "/original";
        String b = gone + "/" + UUID.randomUUID() + "/thumbnail";
        String c = kept + "/" + UUID.randomUUID() + "/original";
        for (String key : java.util.List.of(a, b, c)) {
            storage().put(key, write(random(20, key.hashCode())), "text/plain");
        }
        storage().deleteOrganization(gone);
        assertThat(storage().size(a)).isEqualTo(-1);
        assertThat(storage().size(b)).isEqualTo(-1);
        assertThat(storage().size(c)).isEqualTo(20);
        storage().deleteOrganization(UUID.randomUUID());
    }

    @Test
    void keysThatCouldEscapeTheStoreAreRefused() {
        assertThatThrownBy(() -> storage().size("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().delete(UUID.randomUUID() + "/../x/original")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String key(String variant) {
        return UUID.randomUUID() + "/" + UUID.randomUUID() + "/" + variant;
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(scratch, "in", ".bin");
        Files.write(file, content);
        return file;
    }

    private byte[] read(String key, long offset, long length) throws IOException {
        try (InputStream in = storage().open(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
