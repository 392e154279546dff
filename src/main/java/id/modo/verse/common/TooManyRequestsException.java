package id.modo.verse.common;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A rate limit was hit: answered 429 with a {@code Retry-After} header. */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, "Too many attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.",
                Map.of("retry_after_seconds", Math.max(1, retryAfter.toSeconds())));
        this.retryAfter = retryAfter;
    }

    /** A limit of another kind than attempts (a module's own 429 type), with its own members beside the header. */
    public TooManyRequestsException(ProblemType type, String detail, Map<String, Object> properties, Duration retryAfter) {
        super(type, detail, properties);
        this.retryAfter = retryAfter;
    }

    /** Throws when a {@link id.modo.verse.common.RateLimiter} said to wait. */
    public static void throwIfLimited(Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            throw new TooManyRequestsException(retryAfter.get());
        }
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
