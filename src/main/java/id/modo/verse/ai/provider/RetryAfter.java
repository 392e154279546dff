package id.modo.verse.ai.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads a {@code Retry-After} header: seconds, or an HTTP date (RFC 9110 allows both). */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the first value asks for, or null when there is none or it cannot be read. */
    static Duration parse(List<String> values, Clock clock) {
        if (values == null || values.isEmpty() || values.getFirst() == null) {
            return null;
        }
        String value = values.getFirst().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
