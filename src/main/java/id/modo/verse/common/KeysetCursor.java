package id.modo.verse.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The position after the last row of a keyset-paginated list: its {@code (created_at, id)}, or
 * whatever time and id pair the list is ordered by (an organization's members use
 * {@code (joined_at, user_id)}). Clients get it as an opaque base64url string with a check value, so a
 * cursor that was cut, edited or made up is refused (400 {@code invalid-cursor}) instead of
 * silently starting elsewhere. The check is not a secret: a made-up cursor can only move the
 * position within a list the caller may read anyway.
 */
public record KeysetCursor(Instant createdAt, UUID id) {

    public static final ProblemType INVALID_CURSOR = ProblemType.of(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor");

    private static final byte VERSION = 1;
    private static final int PAYLOAD = 1 + Long.BYTES + 2 * Long.BYTES;
    private static final int CHECK = 4;
    private static final byte[] SALT = "modo-keyset-cursor".getBytes(StandardCharsets.US_ASCII);

    public KeysetCursor {
        // The database keeps microseconds; so does the cursor.
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The position in a list ordered by a whole number and an id (a search ordered by its rank): the number travels
     * where the time would, as microseconds from the epoch, so the cursor keeps its one format and its check.
     */
    public static KeysetCursor ofNumber(long number, UUID id) {
        return new KeysetCursor(Instant.EPOCH.plus(number, ChronoUnit.MICROS), id);
    }

    /** The whole number of a cursor made by {@link #ofNumber}. */
    public long number() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    }

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD + CHECK);
        buffer.put(VERSION)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt))
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        buffer.put(check(Arrays.copyOf(buffer.array(), PAYLOAD)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public static KeysetCursor decode(String cursor) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor.strip());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length != PAYLOAD + CHECK || bytes[0] != VERSION
                || !MessageDigest.isEqual(check(Arrays.copyOf(bytes, PAYLOAD)), Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + CHECK))) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        long micros = buffer.getLong();
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        try {
            return new KeysetCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static byte[] check(byte[] payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(SALT);
            return Arrays.copyOf(sha256.digest(payload), CHECK);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(INVALID_CURSOR, "This cursor is not one this list gave out. Start again without a cursor.");
    }
}
