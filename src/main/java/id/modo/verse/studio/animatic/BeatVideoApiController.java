package id.modo.verse.studio.animatic;

import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio animatics")
@RestController
class BeatVideoApiController {

    private final BeatVideos videos;

    BeatVideoApiController(BeatVideos videos) {
        this.videos = videos;
    }

    record NewVideo(@Schema(description = "the beat's key in the story's structure, such as catalyst") @NotBlank @Size(max = 100) String beatKey,
            @Schema(description = "one of the lengths the video model makes (sora-2: 4, 8 or 12)") @NotNull @Min(1) @Max(600) Integer seconds) {
    }

    record VideoResponse(UUID id, String beatKey, int seconds,
            @Schema(allowableValues = {"generating", "completed", "failed", "cancelled"}) String status, UUID generationId,
            @Schema(nullable = true, description = "the generation's job, to follow at /api/v1/jobs/{job_id}/events") UUID jobId,
            @Schema(nullable = true) UUID assetId, @Schema(nullable = true, description = "plays the MP4 for a while") String videoUrl,
            @Schema(nullable = true) String errorMessage, @Schema(description = "the credits held; 0 for who may not edit") int creditsPrice,
            @Schema(nullable = true) Integer creditsCharged, Instant createdAt) {

        static VideoResponse of(BeatVideos.BeatVideo video) {
            return new VideoResponse(video.id(), video.beatKey(), video.seconds(), video.status(), video.generationId(), video.jobId(),
                    video.assetId(), video.videoUrl(), video.errorMessage(), video.creditsPrice(), video.creditsCharged(), video.createdAt());
        }
    }

    record Length(int seconds, int credits) {
    }

    record VideosResponse(boolean canGenerate, @Schema(description = "a video model serves the organization (for who may generate)") boolean configured,
            @Schema(description = "the lengths a video may have, each with its price in credits") List<Length> lengths, List<VideoResponse> videos) {
    }

    @Operation(summary = "Make an AI video of a beat", description = """
            For those who may edit the story. Asks the AI gateway's video model for a video of the beat (`beat_key`), \
            `seconds` long, from the beat's title and text, its moodboard items' prompts and look, and the project's AI \
            settings; answers 202 with the video `generating` and the job to follow. Its price is held, then charged once \
            when the video is made, or released when it fails or is cancelled. 400 for a beat the story does not have or \
            a length the model does not make; 409 while the beat's last video is being made; 409 `ai-not-configured` \
            without a video model; 402 without the credits.""")
    @ApiResponse(responseCode = "202")
    @PostMapping("/api/v1/projects/{projectId}/animatics/ai-videos")
    ResponseEntity<VideoResponse> start(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody NewVideo body) {
        return ResponseEntity.accepted().body(VideoResponse.of(videos.start(caller.id(), projectId, body.beatKey(), body.seconds())));
    }

    @Operation(summary = "The project's AI videos of beats", description = """
            Newest first, for everyone who may read the project. For those who may make one: whether a video model is \
            configured and the lengths with their prices.""")
    @GetMapping("/api/v1/projects/{projectId}/animatics/ai-videos")
    VideosResponse list(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        BeatVideos.Overview overview = videos.overview(caller.id(), projectId);
        List<Length> lengths = overview.offer().map(offer -> offer.creditsBySeconds().entrySet().stream()
                .map(e -> new Length(e.getKey(), e.getValue())).toList()).orElse(List.of());
        return new VideosResponse(overview.canGenerate(), overview.offer().isPresent(), lengths,
                overview.videos().stream().map(VideoResponse::of).toList());
    }

    @GetMapping("/api/v1/projects/{projectId}/animatics/ai-videos/{videoId}")
    VideoResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID videoId) {
        return VideoResponse.of(videos.get(caller.id(), projectId, videoId));
    }

    @Operation(summary = "Cancel an AI video being made", description = """
            Its held credits come back; it stays listed as cancelled. 409 `illegal-transition` once it has ended.""")
    @PostMapping("/api/v1/projects/{projectId}/animatics/ai-videos/{videoId}/cancel")
    VideoResponse cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID videoId) {
        return VideoResponse.of(videos.cancel(caller.id(), projectId, videoId));
    }

    @Operation(summary = "Discard an AI video", description = """
            Removes it: one being made is cancelled (its held credits come back), a made one's MP4 leaves the media library.""")
    @ApiResponse(responseCode = "204")
    @DeleteMapping("/api/v1/projects/{projectId}/animatics/ai-videos/{videoId}")
    ResponseEntity<Void> discard(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID videoId) {
        videos.discard(caller.id(), projectId, videoId);
        return ResponseEntity.noContent().build();
    }
}
