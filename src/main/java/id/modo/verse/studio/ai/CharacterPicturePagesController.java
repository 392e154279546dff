package id.modo.verse.studio.ai;

import id.modo.verse.ai.AiProblems;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The character page's picture proposal as plain forms: Generate, then Accept or Discard; each goes back to the
 * character's pictures with a notice, or with the reason it could not (the page's {@code characters.error.*} words).
 */
@Controller
class CharacterPicturePagesController {

    private final CharacterPictures pictures;

    CharacterPicturePagesController(CharacterPictures pictures) {
        this.pictures = pictures;
    }

    @PostMapping("/projects/{projectId}/characters/{characterId}/ai/image")
    String start(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID characterId,
            @RequestParam(required = false) String description) {
        return back(projectId, characterId, "drawing", "drawing", () -> pictures.start(caller.id(), projectId, characterId, description).characterId());
    }

    @PostMapping("/projects/{projectId}/ai/picture-proposals/{proposalId}/accept")
    String accept(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID proposalId) {
        UUID characterId = pictures.get(caller.id(), projectId, proposalId).characterId();
        return back(projectId, characterId, "accepted", "notready", () -> pictures.accept(caller.id(), projectId, proposalId).id());
    }

    @PostMapping("/projects/{projectId}/ai/picture-proposals/{proposalId}/discard")
    String discard(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID proposalId) {
        UUID characterId = pictures.get(caller.id(), projectId, proposalId).characterId();
        return back(projectId, characterId, "discarded", "drawing", () -> pictures.discard(caller.id(), projectId, proposalId));
    }

    private static String back(ProjectId project, UUID characterId, String notice, String conflict, Supplier<UUID> action) {
        String page = "redirect:/projects/" + project + "/characters/" + characterId;
        try {
            action.get();
            return page + "?notice=" + notice + "#images";
        } catch (ProblemException e) {
            String error = switch (e.type().status().value()) {
                case 400 -> "looks";
                case 402 -> "credits";
                case 409 -> e.type() == AiProblems.NOT_CONFIGURED ? "ai" : e.type() == AiProblems.PROJECT_ALLOTMENT_EXCEEDED ? "allotment" : conflict;
                case 429 -> "busy";
                case 502, 503 -> "provider";
                default -> null;
            };
            if (error == null) {
                throw e;
            }
            return page + "?error=" + error + "#images";
        }
    }
}
