package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.RichText;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The title page's rating form and helpful buttons: the same rules as the ratings API, answered with a redirect back. */
@Controller
class RatingPagesController {

    /** The problems the title page explains, each with a watch.rating.error.* message. */
    private static final Set<String> ERRORS = Set.of("form", "own-review");

    private final Ratings ratings;

    RatingPagesController(Ratings ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/watch/contents/{contentId}/rating")
    String rate(@AuthenticationPrincipal CurrentUser viewer, @PathVariable ContentId contentId, @RequestParam(defaultValue = "") String rating,
            @RequestParam(defaultValue = "") String review) {
        int stars = rating.matches("[1-5]") ? Integer.parseInt(rating) : 0;
        if (stars == 0 || review.length() > RatingsApiController.MAX_REVIEW) {
            if (!ratings.rateable(viewer.id(), contentId)) {
                throw Catalogue.notFound();
            }
            return back(contentId, "form");
        }
        ratings.rate(viewer.id(), contentId, stars, review);
        return back(contentId, null);
    }

    @PostMapping("/watch/contents/{contentId}/rating/delete")
    String remove(@AuthenticationPrincipal CurrentUser viewer, @PathVariable ContentId contentId) {
        ratings.remove(viewer.id(), contentId);
        return back(contentId, null);
    }

    @PostMapping("/watch/contents/{contentId}/ratings/{ratingId}/helpful")
    String helpful(@AuthenticationPrincipal CurrentUser viewer, @PathVariable ContentId contentId, @PathVariable UUID ratingId,
            @RequestParam(defaultValue = "add") String action) {
        try {
            ratings.helpful(viewer.id(), contentId, ratingId, !"remove".equals(action));
        } catch (ProblemException e) {
            if (e.type() != WatchProblems.OWN_REVIEW) {
                throw e;
            }
            return back(contentId, "own-review");
        }
        return back(contentId, null) + "#reviews";
    }

    /** What the title page shows of its ratings; closed (no form, no list) where the title takes none. */
    static WatchPageModels.RatingsBlock block(Ratings ratings, UserId viewer, ContentId content, String error) {
        if (!ratings.rateable(viewer, content)) {
            return new WatchPageModels.RatingsBlock(false, null, 0, null, null, java.util.List.of(), null);
        }
        Ratings.Summary summary = ratings.summary(content);
        var mine = ratings.mine(viewer, content);
        var reviews = ratings.page(viewer, content, null, 20).items().stream()
                .map(r -> new WatchPageModels.ReviewLine(r.id().toString(), r.authorName(), r.rating(),
                        r.review() == null ? null : RichText.toHtml(r.review()), r.helpfulCount(), r.mine(), r.votedHelpful(), r.updatedAt()))
                .toList();
        return new WatchPageModels.RatingsBlock(true, summary.average() == null ? null : summary.average().toPlainString(), summary.count(),
                mine.map(Ratings.Review::rating).orElse(null), mine.map(Ratings.Review::review).orElse(null), reviews,
                error != null && ERRORS.contains(error) ? "watch.rating.error." + error : null);
    }

    private static String back(ContentId contentId, String error) {
        return "redirect:/watch/contents/" + contentId.value() + (error == null ? "" : "?rating_error=" + error + "#rate");
    }
}
