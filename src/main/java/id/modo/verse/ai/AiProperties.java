package id.modo.verse.ai;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the AI gateway, under {@code modo.ai.*} (README, "AI"). No provider set is a valid start: every AI
 * action then answers {@code ai-not-configured}.
 *
 * @param masterKey base64 of the 32-byte key that encrypts stored provider keys ({@code MODO_MASTER_KEY}); blank: one
 *     kept in the data directory
 * @param timeout how long one provider call may take
 */
@Validated
@ConfigurationProperties("modo.ai")
record AiProperties(String masterKey, @Valid @NotNull Platform openai, @Valid @NotNull Platform anthropic, @Valid @NotNull Platform gemini,
        @Valid @NotNull Compatible compatible, @NotNull Duration timeout, @Valid @NotNull Fallback fallback) {

    private static final String URL = "^$|^https?://\\S+$";

    /** A provider's platform key and, for a proxy or a test server, its base URL (blank: the provider's own). */
    record Platform(String apiKey, @Pattern(regexp = URL, message = "must be empty or an http(s) URL") String baseUrl) {

        boolean configured() {
            return StringUtils.hasText(apiKey);
        }

        @Override
        public String toString() {
            // A key must never reach a log line or an error page.
            return "Platform[apiKey=" + (configured() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl + "]";
        }
    }

    /** An OpenAI-compatible server (Ollama, LM Studio, vLLM, llama.cpp): configured by its base URL; key optional. */
    record Compatible(@Pattern(regexp = URL, message = "must be empty or an http(s) URL") String baseUrl, String apiKey, String model) {

        boolean configured() {
            return StringUtils.hasText(baseUrl);
        }

        @Override
        public String toString() {
            return "Compatible[baseUrl=" + baseUrl + ", apiKey=" + (StringUtils.hasText(apiKey) ? "(set)" : "(none)") + ", model=" + model + "]";
        }
    }

    /**
     * How hard one request tries along the fallback chain: at most {@code maxAttempts} calls within {@code maxTotal},
     * waiting between them from {@code initialBackoff}, doubling up to {@code maxBackoff}, with jitter.
     */
    record Fallback(@Min(1) @Max(20) int maxAttempts, @NotNull Duration maxTotal, @NotNull Duration initialBackoff,
            @NotNull Duration maxBackoff) {
    }

    @Override
    public String toString() {
        return "AiProperties[masterKey=" + (StringUtils.hasText(masterKey) ? "(set)" : "(kept)") + ", openai=" + openai
                + ", anthropic=" + anthropic + ", gemini=" + gemini + ", compatible=" + compatible + ", timeout=" + timeout
                + ", fallback=" + fallback + "]";
    }
}
