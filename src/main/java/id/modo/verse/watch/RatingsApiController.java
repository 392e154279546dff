package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.RichText;
import id.modo.verse.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Watch ratings", description = "Fans' 1–5 ratings and reviews of published titles, and helpful votes on reviews")
@RestController
class RatingsApiController {

    static final int MAX_REVIEW = 5000;

    private final Ratings ratings;

    RatingsApiController(Ratings ratings) {
        this.ratings = ratings;
    }

    record RateRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = MAX_REVIEW) String review) {
    }

    record RatingResponse(UUID id, int rating, String review, String reviewHtml, String authorName, int helpfulCount, boolean mine,
            boolean votedHelpful, Instant createdAt, Instant updatedAt) {

        static RatingResponse of(Ratings.Review r) {
            return new RatingResponse(r.id(), r.rating(), r.review(), r.review() == null ? null : RichText.toHtml(r.review()), r.authorName(),
                    r.helpfulCount(), r.mine(), r.votedHelpful(), r.createdAt(), r.updatedAt());
        }
    }

    record HelpfulResponse(UUID ratingId, int helpfulCount, boolean votedHelpful) {
    }

    @Operation(summary = "A title's ratings and reviews, newest first", description = "Pass `next_cursor` back as `cursor`.")
    @GetMapping("/api/v1/contents/{contentId}/ratings")
    Page<RatingResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return ratings.page(caller.id(), contentId, cursor, limit).map(RatingResponse::of);
    }

    @Operation(summary = "My rating of a title", description = "404 when I have not rated it.")
    @GetMapping("/api/v1/contents/{contentId}/ratings/mine")
    RatingResponse mine(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId) {
        return ratings.mine(caller.id(), contentId).map(RatingResponse::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "You have not rated this title."));
    }

    @Operation(summary = "Rate a title 1–5, with an optional review", description = """
            One rating per fan and title: sending it again replaces the rating and review. The review is Markdown \
            (`review_html` is the sanitized HTML); an empty review removes it. The title's `average_rating` and `rating_count` \
            change in the same transaction.""")
    @PutMapping("/api/v1/contents/{contentId}/ratings/mine")
    RatingResponse rate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId, @Valid @RequestBody RateRequest request) {
        return RatingResponse.of(ratings.rate(caller.id(), contentId, request.rating(), request.review()));
    }

    @Operation(summary = "Remove my rating and review", description = "Removing one that is not there changes nothing.")
    @DeleteMapping("/api/v1/contents/{contentId}/ratings/mine")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId) {
        ratings.remove(caller.id(), contentId);
    }

    @Operation(summary = "Mark another fan's review helpful", description = "Once per fan: voting again changes nothing. Not on your own review (409 `own-review`).")
    @PostMapping("/api/v1/contents/{contentId}/ratings/{ratingId}/helpful")
    HelpfulResponse helpful(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId, @PathVariable UUID ratingId) {
        return new HelpfulResponse(ratingId, ratings.helpful(caller.id(), contentId, ratingId, true), true);
    }

    @Operation(summary = "Take back my helpful vote", description = "Taking back a vote that is not there changes nothing.")
    @DeleteMapping("/api/v1/contents/{contentId}/ratings/{ratingId}/helpful")
    HelpfulResponse unhelpful(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId, @PathVariable UUID ratingId) {
        return new HelpfulResponse(ratingId, ratings.helpful(caller.id(), contentId, ratingId, false), false);
    }
}
