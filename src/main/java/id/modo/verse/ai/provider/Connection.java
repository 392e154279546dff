package id.modo.verse.ai.provider;

import java.time.Duration;

/**
 * Where and as whom one call goes: a key (blank for a local server that asks for none), the base URL (null for the
 * provider's own) and how long the whole call may take.
 */
public record Connection(String apiKey, String baseUrl, Duration timeout) {

    @Override
    public String toString() {
        // A key must never reach a log line or an error.
        return "Connection[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
    }
}
