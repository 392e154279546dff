package id.modo.verse.ai.provider;

import java.time.Duration;

/**
 * Where and as whom one call goes: a key (blank for a local server that asks for none), the base URL (null for the
 * provider's own) and how long a whole answer may take. A streamed answer is bounded differently: it may be silent
 * for at most {@code timeout} at a time and take at most {@link #streamLimit()} in all, since a long answer that keeps
 * coming is not a provider that stopped answering.
 */
public record Connection(String apiKey, String baseUrl, Duration timeout) {

    /** How many timeouts a streamed answer may take in all. */
    static final int STREAM_TIMEOUTS = 5;

    /** The longest a streamed answer may take from the request to its last byte. */
    public Duration streamLimit() {
        return timeout.multipliedBy(STREAM_TIMEOUTS);
    }

    @Override
    public String toString() {
        // A key must never reach a log line or an error.
        return "Connection[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
    }
}
