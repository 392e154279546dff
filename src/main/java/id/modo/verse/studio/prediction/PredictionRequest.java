package id.modo.verse.studio.prediction;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fifteen factors of the ERD's {@code input_data} (thirteen scored 1..10 with an optional note, and the two
 * budgets) and the traits the model reads; a trait left out is taken from the project's story where it has one.
 */
@Schema(name = "PredictionRequest", description = """
        Thirteen factors scored 1 (weak) to 10 (strong) with an optional note, the production budget (above 0) and the \
        promotion budget (0 or more) as decimal strings in `currency` (default IDR; converted to US dollars for the \
        model), and optionally the film's traits: `genre`, `mpaa_rating`, `creative_type`, `source` (the values of \
        the film data, listed in the 400 for a wrong one), `running_time` minutes and `release_month`. A trait left out \
        is taken from the project's story (genre, age rating, duration) where it matches. `market` (default IDR) picks \
        the ticket price that turns the gross into an audience.""")
public record PredictionRequest(
        @NotNull @Valid Factor cast, @NotNull @Valid Factor director, @NotNull @Valid Factor producer,
        @NotNull @Valid Factor execProducer, @NotNull @Valid Factor distributor, @NotNull @Valid Factor publisher,
        @NotNull @Valid Factor brandPositioning, @NotNull @Valid Factor theme, @NotNull @Valid Factor usp,
        @NotNull @Valid Factor storyValues, @NotNull @Valid Factor fansLoyalty, @NotNull @Valid Factor socialMedia,
        @NotNull @Valid Factor teaserEngagement,
        @NotNull @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String productionBudget,
        @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String promotionBudget,
        @Pattern(regexp = "[A-Z]{3}", message = "must be a currency code such as IDR") String currency,
        @Size(max = 100) String genre, @Size(max = 20) String mpaaRating, @Size(max = 100) String creativeType,
        @Size(max = 100) String source, @Min(1) @Max(600) Integer runningTime, @Min(1) @Max(12) Integer releaseMonth,
        @Pattern(regexp = "[A-Z]{3}", message = "must be a currency code such as IDR") String market) {

    static final String AMOUNT = "\\d{1,15}(\\.\\d{1,2})?";
    static final String AMOUNT_MESSAGE = "must be a decimal amount of 0 or more with at most two decimals, such as 1500000000";

    /** A factor's score, 1 (weak) to 10 (strong), and why the creator gave it. */
    @Schema(name = "PredictionFactor")
    public record Factor(@NotNull @Min(1) @Max(10) Integer score, @Size(max = 500) String note) {
    }

    /** The scored factors by their ERD key, in the ERD's order. */
    Map<String, Factor> factors() {
        Map<String, Factor> out = new LinkedHashMap<>();
        out.put("cast", cast);
        out.put("director", director);
        out.put("producer", producer);
        out.put("exec_producer", execProducer);
        out.put("distributor", distributor);
        out.put("publisher", publisher);
        out.put("brand_positioning", brandPositioning);
        out.put("theme", theme);
        out.put("usp", usp);
        out.put("story_values", storyValues);
        out.put("fans_loyalty", fansLoyalty);
        out.put("social_media", socialMedia);
        out.put("teaser_engagement", teaserEngagement);
        return out;
    }
}
