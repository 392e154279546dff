package id.modo.verse.media;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageTests extends FileStorageContract {

    @TempDir
    Path root;

    @Override
    FileStorage storage() {
        return new LocalFileStorage(root);
    }
}
