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
    /** The catalogue already has this provider's model. */
    public static final ProblemType MODEL_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "ai-model-taken", "The model is already in the catalogue");
    /** Each kind keeps one enabled default model; the default cannot be turned off before another takes its place. */
    public static final ProblemType DEFAULT_REQUIRED = ProblemType.of(HttpStatus.CONFLICT, "ai-default-required",
            "A kind of model keeps its default");
    /** The provider's platform key comes from the settings (MODO_AI_*), which the admin page cannot change. */
    public static final ProblemType KEY_FROM_SETTINGS = ProblemType.of(HttpStatus.CONFLICT, "ai-key-from-settings",
            "The provider is configured by the settings");

    /** The organization's plan does not allow its own provider keys (bring your own key). */
    public static final ProblemType BYOK_NOT_ALLOWED = ProblemType.of(HttpStatus.CONFLICT, "byok-not-allowed",
            "Your plan does not allow your own AI keys");

    /** The organization already runs as many generations as its plan allows at once; answered to requests that wait for the answer. */
    public static final ProblemType CONCURRENCY_LIMIT = ProblemType.of(HttpStatus.TOO_MANY_REQUESTS, "ai-concurrency-limit",
            "Too many generations at once");

    /** A generation for a project whose monthly credit allotment it would exceed; {@code remaining} says what is left. */
    public static final ProblemType PROJECT_ALLOTMENT_EXCEEDED = ProblemType.of(HttpStatus.CONFLICT, "project-allotment-exceeded",
            "The project's monthly AI credits are used up");

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

    /** Names the plan the organization is on, the first plan on sale that allows own keys, and where to upgrade. */
    static ProblemException byokNotAllowed(id.modo.verse.organization.OrganizationId organization, String plan, String planName,
            String allowingPlan, String allowingPlanName) {
        String upgrade = "/organizations/" + organization.value() + "/billing";
        return new ProblemException(BYOK_NOT_ALLOWED, "The " + planName + " plan does not allow the organization's own AI keys; the "
                + allowingPlanName + " plan does. Upgrade on " + upgrade + ".",
                Map.of("plan", plan, "required_plan", allowingPlan, "upgrade_url", upgrade));
    }
}
