package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Watch catalogue")
@RestController
class RecommendationsApiController {

    private final MatchScores scores;

    RecommendationsApiController(MatchScores scores) {
        this.scores = scores;
    }

    record RecommendationResponse(CatalogueApiController.ItemResponse content, int matchScore, String becauseTitle, String becauseKind) {

        static RecommendationResponse of(MatchScores.Recommendation r) {
            MatchScores.Match m = r.match();
            return new RecommendationResponse(CatalogueApiController.ItemResponse.of(r.item()), m.score(), m.becauseTitle(),
                    m.becauseTitle() == null ? null : m.becauseRated() ? "rated" : "watched");
        }
    }

    @Operation(summary = "For you: published titles by my personal match score, best first", description = """
            `match_score` (0–100) is the caller's own, not the public average: it compares each title with what the caller \
            rated and watched (genre, cast, categories) and, where at least 5 other users rated both, with how those users \
            rated the two. `because_title` names the title that weighed most (`because_kind` rated or watched). Scores are \
            recomputed by a job after a rating (within about a minute) and every 10 minutes for recent viewing; a new \
            user has none yet. Pass `next_cursor` back as `cursor`.""")
    @GetMapping("/api/v1/me/recommendations")
    Page<RecommendationResponse> recommendations(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return scores.recommendations(caller.id(), cursor, limit).map(RecommendationResponse::of);
    }
}
