package id.modo.verse.ai;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems the AI gateway answers with. */
public final class AiProblems {

    /** No provider serves this organization: no platform key, no own key its plan allows, no local server. */
    public static final ProblemType NOT_CONFIGURED = ProblemType.of(HttpStatus.CONFLICT, "ai-not-configured", "No AI provider is configured");
    /** Every provider along the fallback chain was rate limited, failing or too slow. */
    public static final ProblemType PROVIDER_UNAVAILABLE = ProblemType.of(HttpStatus.SERVICE_UNAVAILABLE, "ai-provider-unavailable",
            "The AI provider is unavailable");
    /** The provider refused the key or answered something unusable. */
    public static final ProblemType PROVIDER_FAILED = ProblemType.of(HttpStatus.BAD_GATEWAY, "ai-provider-failed", "The AI provider failed");

    /** The organization already runs as many generations as its plan allows at once; answered to requests that wait for the answer. */
    public static final ProblemType CONCURRENCY_LIMIT = ProblemType.of(HttpStatus.TOO_MANY_REQUESTS, "ai-concurrency-limit",
            "Too many generations at once");

    private AiProblems() {
    }

    static ProblemException notConfigured() {
        return new ProblemException(NOT_CONFIGURED, "No AI provider is configured, so nothing can be generated. An administrator "
                + "sets a platform key (MODO_AI_OPENAI_API_KEY, MODO_AI_ANTHROPIC_API_KEY or MODO_AI_GEMINI_API_KEY) or a local "
                + "OpenAI-compatible server (MODO_AI_COMPATIBLE_BASE_URL, such as Ollama's http://localhost:11434/v1); on a plan "
                + "that allows it, an owner or admin adds the organization's own key.",
                Map.of("settings", java.util.List.of("MODO_AI_OPENAI_API_KEY", "MODO_AI_ANTHROPIC_API_KEY", "MODO_AI_GEMINI_API_KEY",
                        "MODO_AI_COMPATIBLE_BASE_URL")));
    }
}
