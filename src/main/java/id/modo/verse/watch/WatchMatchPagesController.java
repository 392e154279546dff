package id.modo.verse.watch;

import id.modo.verse.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The signed-in reader's match scores on the pages: the "For you" row and a title's match line, each an htmx fragment
 * the catalogue home and the title page load, so those pages need no more than the element that asks for it.
 */
@Controller
class WatchMatchPagesController {

    private static final int ROW = 12;

    private final MatchScores scores;
    private final MatchLabels labels;

    WatchMatchPagesController(MatchScores scores, MatchLabels labels) {
        this.scores = scores;
        this.labels = labels;
    }

    @GetMapping("/watch/for-you")
    String forYou(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("tiles", scores.recommendations(viewer.id(), null, ROW).items().stream()
                .map(r -> labels.tile(r.item(), r.match())).toList());
        return "watch/for-you";
    }

    /** Empty for a title without a score, and for one the reader may not see (scores are kept for published titles only). */
    @GetMapping("/watch/contents/{contentId}/match")
    String match(@AuthenticationPrincipal CurrentUser viewer, @PathVariable ContentId contentId, Model model) {
        MatchScores.Match match = scores.of(viewer.id(), contentId).orElse(null);
        model.addAttribute("score", match == null ? null : labels.score(match));
        model.addAttribute("reason", match == null ? null : labels.reason(match));
        return "watch/match-line";
    }
}
