package id.modo.verse.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * Signing keys that work without configuration: the configured value if there is one, else 256
 * random bits generated once and kept in a file under the data directory (0600, in folders only
 * the owner may open), so every node sharing that directory (and every restart) signs with the same key.
 */
public final class KeptSecrets {

    private KeptSecrets() {
    }

    /** {@code configured} if set, else the contents of {@code file}, created on first use. */
    public static byte[] configuredOrKept(@Nullable String configured, Path file) {
        if (StringUtils.hasText(configured)) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                // Two nodes starting at once: the first write wins and both read the winner's key.
                PrivateFiles.writeIfAbsent(file, Base64.getEncoder().encodeToString(random).getBytes(StandardCharsets.UTF_8));
            }
            try {
                PrivateFiles.restrict(file); // kept by an earlier version readable by everyone
            } catch (IOException notOurs) {
                // another OS user's file on a shared data directory: theirs to keep private
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secret in " + file, e);
        }
    }
}
