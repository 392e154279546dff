package id.modo.verse.studio.ai;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.character.CharacterView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio AI", description = "AI flows across a project's bible, kept as proposals to accept or discard, and the project's AI settings")
@RestController
class CharacterPictureApiController {

    private final CharacterPictures pictures;

    CharacterPictureApiController(CharacterPictures pictures) {
        this.pictures = pictures;
    }

    /**
     * @param characterId the character to draw
     * @param description what it looks like, when not its physiological part
     */
    record PictureRequest(String characterId, @Schema(nullable = true) String description) {
    }

    record PictureProposalResponse(UUID id, UUID characterId,
            @Schema(allowableValues = {"pending", "running", "completed", "failed", "cancelled"}) String status,
            @Schema(nullable = true, description = "the job making it: follow /api/v1/jobs/{id}/events") UUID jobId,
            @Schema(nullable = true, description = "the reference the character takes on accept") String reference,
            @Schema(nullable = true, description = "where the picture can be fetched now") String imageUrl,
            @Schema(nullable = true) String error, int creditsPrice, @Schema(nullable = true) Integer creditsCharged) {

        static PictureProposalResponse of(CharacterPictures.Proposal p) {
            return new PictureProposalResponse(p.generationId(), p.characterId(), p.statusKey(), p.jobId(), p.reference(), p.imageUrl(),
                    p.error(), p.creditsPrice(), p.creditsCharged());
        }
    }

    record AcceptedPicture(UUID characterId, String imageUrl) {
    }

    @Operation(summary = "Generate a character's picture from its profile, as a proposal", description = """
            The picture is drawn from the character's looks (its physiological part), or from `description` when sent, \
            with the project's genre and tone, by the gateway's image model as a job: the answer (202) names the \
            generation (the proposal's id) and, once it runs, its job, whose progress streams at \
            `/api/v1/jobs/{job_id}/events`. The credits are held as for every image and charged when it is made. \
            Nothing changes on the character until the proposal is accepted. 400 without a description or looks; 409 \
            while another picture is proposed for the character; the gateway's problems (409 `ai-not-configured`, 402, \
            429, 409 `project-allotment-exceeded`) with nothing held.""")
    @PostMapping("/api/v1/projects/{projectId}/ai/character_image")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PictureProposalResponse start(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestBody(required = false) PictureRequest body) {
        UUID characterId = characterId(body == null ? null : body.characterId());
        return PictureProposalResponse.of(pictures.start(caller.id(), projectId, characterId, body.description()));
    }

    @Operation(summary = "A character's picture proposal", description = "How far it is, and the picture once made. 404 once accepted or discarded.")
    @GetMapping("/api/v1/projects/{projectId}/ai/picture-proposals/{proposalId}")
    PictureProposalResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID proposalId) {
        return PictureProposalResponse.of(pictures.get(caller.id(), projectId, proposalId));
    }

    @Operation(summary = "Accept a picture proposal", description = """
            The character's main picture becomes the proposal's `/media/{assetId}` reference; the picture it replaces is \
            removed from the media library, as an upload would. 409 while it is not made yet.""")
    @PostMapping("/api/v1/projects/{projectId}/ai/picture-proposals/{proposalId}/accept")
    AcceptedPicture accept(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID proposalId) {
        CharacterView character = pictures.accept(caller.id(), projectId, proposalId);
        return new AcceptedPicture(character.id(), character.imageUrl());
    }

    @Operation(summary = "Discard a picture proposal", description = """
            The character keeps its picture. A picture still being made is cancelled (its credits come back); a made one \
            is deleted from the media library.""")
    @PostMapping("/api/v1/projects/{projectId}/ai/picture-proposals/{proposalId}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID proposalId) {
        pictures.discard(caller.id(), projectId, proposalId);
    }

    private static UUID characterId(String value) {
        try {
            if (value != null) {
                return UUID.fromString(value.strip());
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                Map.of("errors", List.of(new FieldError("character_id", "must be a character's id"))));
    }
}
