package id.modo.verse.watch;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@Tag(name = "Watch videos", description = "Upload a content's or an episode's video and follow its transcoding")
@RestController
class VideoApiController {

    private final Videos videos;

    VideoApiController(Videos videos) {
        this.videos = videos;
    }

    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
    }

    record VideoResponse(UUID id, UUID contentId, UUID episodeId, String state, String failureReason, UUID jobId, String jobEventsUrl,
            BigDecimal durationSeconds, Integer width, Integer height, List<Integer> renditions, String masterPlaylistUrl, String posterUrl,
            Instant updatedAt) {

        static VideoResponse of(VideoView v) {
            return new VideoResponse(v.id().value(), v.contentId().value(), v.episodeId() == null ? null : v.episodeId().value(), v.state(),
                    v.failureReason(), v.jobId(), v.jobId() == null ? null : "/api/v1/jobs/" + v.jobId() + "/events", v.durationSeconds(),
                    v.width(), v.height(), v.renditionHeights(), v.masterPlaylistUrl(), v.posterUrl(), v.updatedAt());
        }
    }

    static final String UPLOAD_DESCRIPTION = """
            The file is streamed into the organization's media library (its upload limit and storage quota apply: 413), then \
            a transcoding job starts (follow `job_events_url`, server-sent events): ffprobe reads it and ffmpeg makes HLS \
            renditions (1080p, 720p, 480p, 360p, never above the source) and a poster. A draft content becomes `processing`. \
            A file that is not a video, is cut short or is empty fails the job with the reason in `failure_reason`; retry \
            with `POST /api/v1/jobs/{id}/retry` or upload again. A video still transcoding is 409 `transcoding-in-progress`.""";

    @Operation(summary = "Upload the video of a movie, short or documentary", description = UPLOAD_DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = UploadForm.class), encoding = @Encoding(name = "file"))))
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = VideoResponse.class)))
    @PostMapping("/api/v1/organizations/{orgId}/contents/{contentId}/video")
    @ResponseStatus(HttpStatus.ACCEPTED)
    VideoResponse upload(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            HttpServletRequest request) {
        return receive(caller, orgId, contentId, null, request);
    }

    @Operation(summary = "Upload the video of an episode", description = UPLOAD_DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = UploadForm.class), encoding = @Encoding(name = "file"))))
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = VideoResponse.class)))
    @PostMapping("/api/v1/organizations/{orgId}/contents/{contentId}/episodes/{episodeId}/video")
    @ResponseStatus(HttpStatus.ACCEPTED)
    VideoResponse uploadEpisode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @PathVariable EpisodeId episodeId, HttpServletRequest request) {
        return receive(caller, orgId, contentId, episodeId, request);
    }

    @Operation(summary = "The video of a movie, short or documentary, and its transcoding state")
    @GetMapping("/api/v1/organizations/{orgId}/contents/{contentId}/video")
    VideoResponse video(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId) {
        return videos.video(caller.id(), orgId, contentId, null).map(VideoResponse::of).orElseThrow(VideoApiController::noVideo);
    }

    @Operation(summary = "The video of an episode and its transcoding state")
    @GetMapping("/api/v1/organizations/{orgId}/contents/{contentId}/episodes/{episodeId}/video")
    VideoResponse episodeVideo(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @PathVariable EpisodeId episodeId) {
        return videos.video(caller.id(), orgId, contentId, episodeId).map(VideoResponse::of).orElseThrow(VideoApiController::noVideo);
    }

    private VideoResponse receive(CurrentUser caller, OrganizationId orgId, ContentId contentId, EpisodeId episodeId,
            HttpServletRequest request) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the file as multipart/form-data with a 'file' part.");
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors",
                    List.of(new FieldError("file", "is required"))));
        }
        try (InputStream in = file.getInputStream()) {
            return VideoResponse.of(videos.upload(caller.id(), orgId, contentId, episodeId, file.getOriginalFilename(), in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an upload", e);
        }
    }

    private static ProblemException noVideo() {
        return new ProblemException(ProblemType.NOT_FOUND, "No video was uploaded here yet.");
    }
}
