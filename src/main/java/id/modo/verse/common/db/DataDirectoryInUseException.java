package id.modo.verse.common.db;

import java.nio.file.Path;

/** Another MODO process holds the data directory. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDir;

    DataDirectoryInUseException(Path dataDir) {
        super("The data directory " + dataDir.toAbsolutePath() + " is in use by another MODO process. "
                + "Stop that process, or start this one with another MODO_DATA_DIR.");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
