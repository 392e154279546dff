package id.modo.verse.ai.provider;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads how long Gemini asks to wait after a 429, which its SDK does not pass on: the {@code google.rpc.RetryInfo}
 * detail of the error body ({@code "retryDelay": "7s"}, a protobuf Duration in JSON) and the {@code Retry-After}
 * header when it comes too; the longer wins. The 429 is then thrown as {@link RateLimited}, which the adapter turns
 * into a {@link ProviderFailure.Kind#RATE_LIMITED} with that wait, as the other providers' headers are.
 */
final class GeminiRetryInfo implements Interceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final long MAX_BODY = 64 * 1024;

    private final Clock clock;

    GeminiRetryInfo(Clock clock) {
        this.clock = clock;
    }

    /** A 429 and the wait it asked for (null when it named none). */
    static final class RateLimited extends IOException {
        private final transient Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("gemini answered 429");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() != 429) {
            return response;
        }
        try (response) {
            Duration header = RetryAfter.parse(response.headers("Retry-After"), clock);
            Duration body = retryDelay(response.peekBody(MAX_BODY).string());
            throw new RateLimited(header == null ? body : body == null || header.compareTo(body) >= 0 ? header : body);
        }
    }

    /** The body's RetryInfo delay, or null when it has none or is not Google's error JSON. */
    static Duration retryDelay(String body) {
        try {
            for (JsonNode detail : JSON.readTree(body).path("error").path("details")) {
                String delay = detail.path("retryDelay").asString("");
                if (RETRY_INFO.equals(detail.path("@type").asString("")) && delay.endsWith("s")) {
                    BigDecimal seconds = new BigDecimal(delay.substring(0, delay.length() - 1));
                    return seconds.signum() < 0 ? Duration.ZERO : Duration.ofMillis(seconds.movePointRight(3).longValue());
                }
            }
        } catch (RuntimeException unreadable) {
            // Not Google's error JSON: no wait was asked for.
        }
        return null;
    }
}
