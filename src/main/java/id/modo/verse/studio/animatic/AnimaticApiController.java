package id.modo.verse.studio.animatic;

import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.web.FormList;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio animatics", description = "Animatics of a project's beats and whole story, rendered with ffmpeg from the moodboard's pictures")
@RestController
class AnimaticApiController {

    static final String CAPTIONS = "burned|webvtt|none";

    private final Animatics animatics;

    AnimaticApiController(Animatics animatics) {
        this.animatics = animatics;
    }

    /** What to render; the page's form posts the same fields. */
    record RenderRequest(
            @Schema(description = "beat (default) or story") @Pattern(regexp = "^(beat|story)$", message = "must be beat or story") String scope,
            @Schema(description = "the beat's place in the structure; required for a beat, absent for the story") @Min(0) @Max(200) Integer beatIndex,
            @Schema(description = "seconds each picture shows unless durations says otherwise; 3 by default")
            @DecimalMin(value = "1", message = "must be between 1 and 20") @DecimalMax(value = "20", message = "must be between 1 and 20")
            Double secondsPerImage,
            @Schema(description = "a beat's seconds per picture, in the moodboard's order, one per picture")
            @FormList(commas = true) @Size(max = 200) List<@NotNull @DecimalMin(value = "1", message = "must be between 1 and 20")
                    @DecimalMax(value = "20", message = "must be between 1 and 20") Double> durations,
            @Schema(description = "burned (default): in the picture; webvtt: a captions track beside the video; none")
            @Pattern(regexp = "^(" + CAPTIONS + ")$", message = "must be burned, webvtt or none") String captions,
            @Schema(description = "a sound of the organization's media library, cut or padded to the video") UUID audioAssetId) {

        Animatics.Order order(Locale locale) {
            boolean story = "story".equals(scope);
            if (story && beatIndex != null) {
                throw Animatics.invalid("beat_index", "must be absent for the story's animatic");
            }
            if (story && durations != null && !durations.isEmpty()) {
                throw Animatics.invalid("durations", "must be absent for the story's animatic; use seconds_per_image");
            }
            if (!story && beatIndex == null) {
                throw Animatics.invalid("beat_index", "is required (or send \"scope\": \"story\")");
            }
            AnimaticSettings.Captions mode = captions == null ? AnimaticSettings.Captions.BURNED
                    : AnimaticSettings.Captions.valueOf(captions.toUpperCase(Locale.ROOT));
            String language = "id".equals(locale.getLanguage()) ? "id" : "en";
            return new Animatics.Order(story, beatIndex, new AnimaticSettings(secondsPerImage == null ? AnimaticSettings.DEFAULT_SECONDS
                    : secondsPerImage, durations, mode, audioAssetId, language));
        }
    }

    record RenderResponse(UUID animaticId, UUID jobId, String eventsUrl, String jobUrl) {

        static RenderResponse of(Animatics.Started started) {
            Job job = started.job();
            String base = "/api/v1/jobs/" + job.id();
            return new RenderResponse(started.animaticId(), job.id(), base + "/events", base);
        }
    }

    record AnimaticResponse(UUID id, @Schema(allowableValues = {"beat", "story"}) String scope, Integer beatIndex, String beatName,
            @Schema(allowableValues = {"pending", "processing", "completed", "failed", "cancelled"}) String status, UUID jobId,
            String failureReason, String videoUrl, String posterUrl, String captionsUrl,
            @Schema(allowableValues = {"burned", "webvtt", "none"}) String captions, Double durationSeconds, Integer width, Integer height,
            Instant createdAt, Instant updatedAt) {

        static AnimaticResponse of(ProjectId project, Animatics.Animatic a) {
            if (a == null) {
                return null;
            }
            String captionsUrl = a.hasCaptionsTrack() ? "/api/v1/projects/" + project.value() + "/animatics/" + a.id() + "/captions.vtt" : null;
            return new AnimaticResponse(a.id(), a.scope(), a.beatIndex(), a.beatName(), a.status(), a.jobId(), a.failureReason(),
                    a.videoUrl(), a.posterUrl(), captionsUrl, a.captions(), a.durationSeconds(), a.width(), a.height(), a.createdAt(),
                    a.updatedAt());
        }
    }

    record BeatResponse(int beatIndex, String beatName, String title, int pictureCount, @Schema(nullable = true) AnimaticResponse animatic) {
    }

    record AnimaticsResponse(@Schema(nullable = true) AnimaticResponse story, List<BeatResponse> beats, boolean canRender) {
    }

    @Operation(summary = "Render an animatic", description = """
            For those who may edit the story. Starts a job (202) that renders a beat's moodboard pictures (`beat_index`), \
            or every beat that has pictures joined in story order (`"scope": "story"`), into an H.264/AAC MP4 with a poster: \
            each picture moves slowly (Ken Burns) for `seconds_per_image` (1-20, default 3) or its entry in `durations`, \
            the beat's title and text are captions, and `audio_asset_id` is the sound. Follow it at `events_url`; cancel \
            and retry with the jobs API. 409 `animatic-no-pictures` when there is no picture to animate; 503 without ffmpeg.""")
    @ApiResponse(responseCode = "202")
    @PostMapping("/api/v1/projects/{projectId}/animatics")
    ResponseEntity<RenderResponse> render(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody RenderRequest request, Locale locale) {
        return ResponseEntity.accepted().body(RenderResponse.of(animatics.start(caller.id(), projectId, request.order(locale))));
    }

    @Operation(summary = "The project's animatics", description = """
            The newest animatic of the story and of each beat (with how many moodboard pictures it has), with playable \
            URLs that work for a while (`video_url`, `poster_url`, and `captions_url` for WebVTT captions). For everyone \
            who may read the project; `can_render` says whether the caller may render.""")
    @GetMapping("/api/v1/projects/{projectId}/animatics")
    AnimaticsResponse list(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, Locale locale) {
        Animatics.Overview overview = animatics.overview(caller.id(), projectId, locale);
        return new AnimaticsResponse(AnimaticResponse.of(projectId, overview.story()), overview.beats().stream()
                .map(b -> new BeatResponse(b.beatIndex(), b.beatName(), b.title(), b.pictureCount(), AnimaticResponse.of(projectId, b.animatic())))
                .toList(), overview.canRender());
    }

    @Operation(summary = "An animatic's WebVTT captions", description = "For a render made with `webvtt` captions; 404 otherwise.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/vtt", schema = @Schema(type = "string")))
    @GetMapping("/api/v1/projects/{projectId}/animatics/{animaticId}/captions.vtt")
    ResponseEntity<String> captions(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable UUID animaticId) {
        return vtt(animatics.captions(caller.id(), projectId, animaticId));
    }

    static ResponseEntity<String> vtt(String cues) {
        return ResponseEntity.ok().contentType(new MediaType("text", "vtt", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "private, max-age=300").body(cues);
    }
}
