package id.modo.verse.ai.provider;

import java.time.Duration;

/**
 * Why a provider call failed, in the few kinds the gateway acts on. The message is the gateway's own words plus
 * the provider's status, never the provider's body, which may echo the request's key.
 */
public class ProviderFailure extends RuntimeException {

    public enum Kind {
        /** 401 or 403: the key is wrong, revoked or not allowed this model. */
        UNAUTHORIZED,
        /** 429: try later, after {@link #retryAfter()} when the provider said. */
        RATE_LIMITED,
        /** 5xx, a timeout or no connection. */
        UNAVAILABLE,
        /** An answer that is not what was asked: malformed JSON, a stream cut off, output outside the schema. */
        BAD_RESPONSE,
        /** Stopped on our side ({@link StopSignal}): the generation was cancelled, so nothing should be tried again. */
        STOPPED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ProviderFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static ProviderFailure badResponse(String message) {
        return new ProviderFailure(Kind.BAD_RESPONSE, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether another try, on this model or the next in the chain, may succeed. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
    }
}
