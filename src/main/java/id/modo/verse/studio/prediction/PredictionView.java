package id.modo.verse.studio.prediction;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored prediction. Money is a decimal string beside its currency: the gross in US dollars (the model's), the
 * ticket price in the market's currency. {@code grossLowUsd}..{@code grossHighUsd} and {@code audienceLow}..
 * {@code audienceHigh} are the 80 % interval from the held-out residuals.
 */
@Schema(name = "Prediction")
public record PredictionView(UUID id, UUID projectId, UUID createdBy,
        @Schema(description = "The fifteen factors as sent, by the ERD's keys") Map<String, Object> inputData,
        @Schema(description = "The traits the model read, and `from_project`: those taken from the project's story") Map<String, Object> modelInputs,
        String grossUsd, String grossLowUsd, String grossHighUsd, String market, String ticketPrice, Integer predictedAudience,
        Integer audienceLow, Integer audienceHigh,
        @Schema(description = "The median audience of the comparable films in the same market") Integer competitorAudience,
        List<Score> scores, List<Driver> drivers, List<Comparable> comparables, List<String> suggestions,
        @Schema(description = "not_configured (no AI provider serves the organization: no suggestions), pending, ready or failed")
        String suggestionsStatus,
        @Schema(description = "The AI generation writing the suggestions while they are pending (`/api/v1/ai/generations/{id}`)")
        UUID suggestionsGenerationId,
        String modelVersion, Accuracy accuracy, Instant createdAt) {

    PredictionView withSuggestions(List<String> newSuggestions, String status) {
        return new PredictionView(id, projectId, createdBy, inputData, modelInputs, grossUsd, grossLowUsd, grossHighUsd, market, ticketPrice,
                predictedAudience, audienceLow, audienceHigh, competitorAudience, scores, drivers, comparables, List.copyOf(newSuggestions),
                status, suggestionsGenerationId, modelVersion, accuracy, createdAt);
    }

    /**
     * One of the fifteen factors: its score 1..10, the comparable films' score where the film data has one, whether
     * the model reads it, and what drives the score.
     */
    @Schema(name = "PredictionScore")
    public record Score(String name, int score, Integer competitor, boolean inModel, String driver) {
    }

    /** A trait the model read and the factor it multiplies the gross by against the average film of the data. */
    @Schema(name = "PredictionDriver")
    public record Driver(String trait, String value, double effect) {
    }

    /** A real film near the project on the standardized traits, with its actual results. */
    @Schema(name = "PredictionComparable")
    public record Comparable(String title, Integer year, String genre, String mpaaRating, String budgetUsd, String worldwideGrossUsd,
            Integer audience) {
    }

    /** The model's held-out figures against the budget-only baseline (docs/prediction.md). */
    @Schema(name = "PredictionAccuracy")
    public record Accuracy(double r2, double mdape, double baselineR2, double baselineMdape, boolean beatsBaseline, int heldOutFilms,
            double intervalCoverage) {

        static Accuracy of(ModelEvaluation e) {
            return new Accuracy(round(e.r2()), round(e.mdape()), round(e.baselineR2()), round(e.baselineMdape()), e.beatsBaseline(),
                    e.heldOutFilms(), round(e.intervalCoverage()));
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
