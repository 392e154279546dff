package id.modo.verse.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.util.StringUtils;

/**
 * Signing keys that work without configuration: the configured value if there is one, else 256
 * random bits generated once and kept in a file under the data directory, so every node sharing
 * that directory (and every restart) signs with the same key.
 */
public final class KeptSecrets {

    private KeptSecrets() {
    }

    /** {@code configured} if set, else the contents of {@code file}, created on first use. */
    public static byte[] configuredOrKept(String configured, Path file) {
        if (StringUtils.hasText(configured)) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                Files.writeString(temporary, Base64.getEncoder().encodeToString(random));
                try {
                    // Two nodes starting at once: the first move wins and both read the winner's key.
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temporary);
                }
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secret in " + file, e);
        }
    }
}
