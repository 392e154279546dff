package id.modo.verse.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalFileStorageTests extends FileStorageContract {

    @TempDir
    Path root;

    @Override
    FileStorage storage() {
        return new LocalFileStorage(root.resolve("media/files"));
    }

    @Test
    void storedFilesAndTheFoldersMadeForThemAreOwnerOnly() throws Exception {
        // As Tomcat leaves a received part: made with the process's umask, readable by everyone.
        Path part = Files.writeString(scratch.resolve("upload.part"), "a picture");
        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
        UUID organization = UUID.randomUUID();
        UUID asset = UUID.randomUUID();

        storage().put(organization + "/" + asset + "/original", part, "image/png");

        Path stored = root.resolve("media/files").resolve(organization.toString()).resolve(asset.toString()).resolve("original");
        assertThat(stored).hasContent("a picture");
        assertThat(mode(stored)).isEqualTo("rw-------");
        for (Path folder = stored.getParent(); !folder.equals(root); folder = folder.getParent()) {
            assertThat(mode(folder)).as(root.relativize(folder).toString()).isEqualTo("rwx------");
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
