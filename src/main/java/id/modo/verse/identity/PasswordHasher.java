package id.modo.verse.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and verifies passwords with Argon2id, m=19456 KiB, t=2, p=1 (OWASP ASVS 5.0 and the OWASP
 * Password Storage Cheat Sheet), a 16-byte random salt and a 32-byte hash, stored in the PHC string
 * format: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
 */
@Component
class PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;

    /** {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}, salt and hash in unpadded standard Base64. */
    private static final Pattern PHC = Pattern.compile(
            "\\$(argon2(?:id|i|d))\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final String TYPE = "argon2id";
    private static final int VERSION = 19;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);

    /** A hash, with the current settings, of a random password nobody knows. */
    private final String dummyHash;

    PasswordHasher() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(secret));
    }

    /** The PHC string to store for this password; a new random salt every time. */
    String hash(String raw) {
        Objects.requireNonNull(raw, "raw password");
        return encoder.encode(raw);
    }

    /** Whether the password is the one this stored hash was made from; false for an empty password or a malformed hash. */
    boolean matches(String raw, String hash) {
        // Spring Security's decoder fails with an ArrayIndexOutOfBoundsException on some malformed
        // strings (too few '$' parts), so only well-formed Argon2 PHC strings reach it.
        if (hash == null || !PHC.matcher(hash).matches()) {
            return false;
        }
        return encoder.matches(raw, hash);
    }

    /**
     * Does the work of {@link #matches} against a hash that no password matches, and returns
     * false: for a sign-in with an unknown email, so the answer takes as long as for a known one
     * and its timing does not tell whether an account exists.
     */
    boolean matchesDummy(String raw) {
        encoder.matches(raw, dummyHash);
        return false;
    }

    /** The hash {@link #matchesDummy} verifies against (for tests: it must carry the current settings). */
    String dummyHash() {
        return dummyHash;
    }

    /**
     * Whether a stored hash was made with other settings than the current ones (another Argon2
     * variant or version, memory, iterations, parallelism, salt or hash length), or is not an
     * Argon2 hash at all: after a successful sign-in the password should then be hashed again.
     */
    boolean needsRehash(String hash) {
        if (hash == null) {
            return true;
        }
        Matcher phc = PHC.matcher(hash);
        if (!phc.matches()) {
            return true;
        }
        try {
            return !TYPE.equals(phc.group(1))
                    || Integer.parseInt(phc.group(2)) != VERSION
                    || Integer.parseInt(phc.group(3)) != MEMORY_KIB
                    || Integer.parseInt(phc.group(4)) != ITERATIONS
                    || Integer.parseInt(phc.group(5)) != PARALLELISM
                    || Base64.getDecoder().decode(phc.group(6)).length != SALT_BYTES
                    || Base64.getDecoder().decode(phc.group(7)).length != HASH_BYTES;
        } catch (IllegalArgumentException e) { // a number too large, or Base64 of an impossible length
            return true;
        }
    }
}
