package id.modo.verse.studio.animatic;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Animatic tab's AI video forms (make, cancel, discard), which take the API's rights (editing the story) and
 * redirect back to the tab with what happened; the tab itself ({@link AnimaticPagesController}) shows the videos
 * through {@link BeatVideoPages}.
 */
@Controller
class BeatVideoPagesController {

    private final BeatVideos videos;

    BeatVideoPagesController(BeatVideos videos) {
        this.videos = videos;
    }

    @PostMapping("/projects/{projectId}/animatic/ai-videos")
    String start(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @RequestParam(name = "beat_key", defaultValue = "") String beatKey,
            @RequestParam(required = false) Integer seconds) {
        return outcome(projectId, () -> videos.start(caller.id(), projectId, beatKey, seconds), "started");
    }

    @PostMapping("/projects/{projectId}/animatic/ai-videos/{videoId}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID videoId) {
        return outcome(projectId, () -> videos.cancel(caller.id(), projectId, videoId), "cancelled");
    }

    @PostMapping("/projects/{projectId}/animatic/ai-videos/{videoId}/discard")
    String discard(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID videoId) {
        return outcome(projectId, () -> videos.discard(caller.id(), projectId, videoId), "discarded");
    }

    /** Back to the tab with what happened; who may not (403, 404) gets the error page, as on the API. */
    private static String outcome(ProjectId project, Runnable action, String done) {
        String said;
        try {
            action.run();
            said = done;
        } catch (ProblemException e) {
            said = switch (e.type().status().value()) {
                case 400 -> "invalid";
                case 402 -> "credits";
                case 409 -> "ai-not-configured".equals(e.type().slug()) ? "not_configured" : "busy";
                case 429 -> "limited";
                case 502, 503 -> "failed";
                default -> throw e;
            };
        }
        return "redirect:/projects/" + project + "/animatic?ai_video=" + said + "#ai-videos";
    }
}
