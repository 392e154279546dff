package id.modo.verse.ai;

import java.nio.file.Path;

/** Stored provider keys exist, but the master key that opens them is missing or another one. */
class MasterKeyMissingException extends RuntimeException {

    private final Path keptFile;

    MasterKeyMissingException(String message, Path keptFile) {
        super(message);
        this.keptFile = keptFile;
    }

    Path keptFile() {
        return keptFile;
    }
}
