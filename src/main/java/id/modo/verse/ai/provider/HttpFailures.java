package id.modo.verse.ai.provider;

import java.time.Duration;

/** The one mapping from a provider's HTTP status to a {@link ProviderFailure}, shared by every adapter. */
final class HttpFailures {

    private HttpFailures() {
    }

    static ProviderFailure of(ProviderKind provider, int status, Duration retryAfter, Throwable cause) {
        String said = provider.key() + " answered " + status;
        if (status == 401 || status == 403) {
            return new ProviderFailure(ProviderFailure.Kind.UNAUTHORIZED, said + ": the key is not accepted", null, cause);
        }
        if (status == 429) {
            return new ProviderFailure(ProviderFailure.Kind.RATE_LIMITED, said + ": rate limited", retryAfter, cause);
        }
        if (status >= 500 || status == 408) {
            return new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, said + ": unavailable", retryAfter, cause);
        }
        // Another 4xx: the request was refused as asked (an unknown model, a prompt too long); trying again won't help.
        return new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, said + ": the request was refused", null, cause);
    }

    /** A timeout, a refused connection, or a connection that broke before an answer. */
    static ProviderFailure unreachable(ProviderKind provider, Throwable cause) {
        return new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, provider.key() + " did not answer in time or could not be reached", null, cause);
    }
}
