package id.modo.verse.studio.prediction;

import id.modo.verse.ai.Generation;
import id.modo.verse.ai.GenerationId;
import id.modo.verse.ai.GenerationMode;
import id.modo.verse.ai.GenerationRequests;
import id.modo.verse.ai.GenerationRequests.NewGeneration;
import id.modo.verse.ai.GenerationStatus;
import id.modo.verse.ai.GenerationType;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AI suggestions of a prediction, through the AI gateway ({@code performance_suggestions}, a job with its credits):
 * asked for when the prediction is made if a provider serves the organization, and taken into the prediction when a
 * later read finds the generation ended. Without a provider a prediction has none and says {@code not_configured}.
 */
@Component
class PredictionSuggestions {

    static final String NOT_CONFIGURED = "not_configured";
    static final String PENDING = "pending";
    static final String READY = "ready";
    static final String FAILED = "failed";
    private static final Logger log = LoggerFactory.getLogger(PredictionSuggestions.class);
    private static final int MAX_SUGGESTIONS = 10;

    private final GenerationRequests generations;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    PredictionSuggestions(GenerationRequests generations, JdbcClient jdbc, JsonMapper json) {
        this.generations = generations;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What became of asking: the status to store and the generation that will answer, if any. */
    record Started(String status, UUID generationId) {
    }

    Started start(UserId actor, ProjectView project, Map<String, Object> inputData, Map<String, Object> modelInputs,
            AudienceModel.Estimate estimate, String market) {
        if (generations.price(project.organizationId(), GenerationType.PERFORMANCE_SUGGESTIONS).isEmpty()) {
            return new Started(NOT_CONFIGURED, null);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prediction", summary(inputData, modelInputs, estimate, market));
        input.put("title", project.title());
        if (project.genre() != null) {
            input.put("genre", project.genre());
        }
        try {
            Generation generation = generations.begin(actor, project.organizationId(),
                    new NewGeneration(GenerationType.PERFORMANCE_SUGGESTIONS.key(), input, project.id().value(), null), GenerationMode.JOB);
            return new Started(PENDING, generation.id().value());
        } catch (ProblemException e) {
            // Out of credits, over the rate or the plan's limit: the prediction stands without suggestions.
            log.info("Prediction suggestions not asked for project {}: {}", project.id().value(), e.type().slug());
            return new Started("ai-not-configured".equals(e.type().slug()) ? NOT_CONFIGURED : FAILED, null);
        }
    }

    /** The prediction with its suggestions once their generation ended (stored then, so it is read once). */
    PredictionView settle(PredictionView prediction) {
        if (!PENDING.equals(prediction.suggestionsStatus()) || prediction.suggestionsGenerationId() == null || prediction.createdBy() == null) {
            return prediction;
        }
        Generation generation;
        try {
            generation = generations.get(UserId.of(prediction.createdBy()), GenerationId.of(prediction.suggestionsGenerationId()));
        } catch (ProblemException e) {
            return prediction;
        }
        if (!generation.status().terminal()) {
            return prediction;
        }
        List<String> suggestions = generation.status() == GenerationStatus.COMPLETED ? lines(generation.resultText()) : List.of();
        String status = suggestions.isEmpty() ? FAILED : READY;
        jdbc.sql("update performance_predictions set suggestions = cast(? as jsonb), suggestions_status = ? where id = ? and suggestions_status = 'pending'")
                .params(json.writeValueAsString(suggestions), status, prediction.id())
                .update();
        return prediction.withSuggestions(suggestions, status);
    }

    /** The answer's suggestions: its non-empty lines without their list markers. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(line -> line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s*", "").strip())
                .filter(line -> !line.isEmpty()).limit(MAX_SUGGESTIONS).toList();
    }

    private static String summary(Map<String, Object> inputData, Map<String, Object> modelInputs, AudienceModel.Estimate estimate,
            String market) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "Predicted worldwide gross: US$%,.0f (80%% interval US$%,.0f to US$%,.0f); market %s%n",
                estimate.gross(), estimate.low(), estimate.high(), market));
        out.append("Traits read by the model: ").append(modelInputs).append('\n');
        out.append("Creator's factors (scores 1-10, budgets): ").append(inputData).append('\n');
        return out.toString();
    }
}
