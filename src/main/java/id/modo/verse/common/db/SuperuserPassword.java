package id.modo.verse.common.db;

import id.modo.verse.common.PrivateFiles;
import id.modo.verse.common.SecureTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The password of the embedded PostgreSQL's superuser {@code postgres}: 256 random bits made once,
 * kept in {@code <data dir>/postgres-password} (0600), beside the cluster rather than in it because
 * initdb wants an empty folder and takes the password from this file ({@code --pwfile}).
 */
final class SuperuserPassword {

    static final String FILE_NAME = "postgres-password";

    private SuperuserPassword() {
    }

    /**
     * The kept password, made first if there is none yet. {@code clusterHasOne} says the cluster
     * already asks for a password: then a missing file cannot be made up, only restored.
     */
    static String readOrCreate(Path file, boolean clusterHasOne) throws IOException {
        if (!Files.exists(file)) {
            if (clusterHasOne) {
                throw new IllegalStateException("The embedded PostgreSQL in " + file.resolveSibling("postgres")
                        + " asks for a password, but the file that keeps it, " + file + ", is missing. Restore it from a "
                        + "backup of the data directory (modo.data-dir / MODO_DATA_DIR).");
            }
            // Written whole before initdb or the upgrade use it, so a start cut short finds it on the next try.
            PrivateFiles.writeIfAbsent(file, SecureTokens.newToken().getBytes(StandardCharsets.UTF_8));
        }
        PrivateFiles.restrict(file);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("The embedded PostgreSQL's password file " + file + " is empty");
        }
        return password;
    }
}
