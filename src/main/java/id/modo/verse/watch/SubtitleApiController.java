package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@Tag(name = "Watch subtitles", description = "Subtitle tracks of a content's or an episode's video, listed in its HLS master playlist")
@RestController
class SubtitleApiController {

    private static final String BASE = "/api/v1/organizations/{orgId}/contents/{contentId}";
    private static final String UPLOAD_DESCRIPTION = """
            Multipart: `file` (SRT or WebVTT, UTF-8, at most 1 MB; SRT is converted to WebVTT), `language` (a language tag such as \
            `id`, `en`, `pt-BR`) and `label` (what the player shows, 1 to 60 characters). A track in the same language is \
            replaced. A file without cues, or with a timing that does not parse, is 400 `subtitle-unreadable` naming the line; \
            404 before the video is uploaded.""";

    private final Subtitles subtitles;

    SubtitleApiController(Subtitles subtitles) {
        this.subtitles = subtitles;
    }

    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(example = "id", requiredMode = Schema.RequiredMode.REQUIRED) String language,
            @Schema(example = "Bahasa Indonesia", requiredMode = Schema.RequiredMode.REQUIRED) String label) {
    }

    record SubtitleResponse(UUID id, String language, String label, int cueCount, Instant createdAt) {

        static SubtitleResponse of(Subtitles.Track t) {
            return new SubtitleResponse(t.id(), t.language(), t.label(), t.cueCount(), t.createdAt());
        }
    }

    @Operation(summary = "Add a subtitle track to a movie's, short's or documentary's video", description = UPLOAD_DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = UploadForm.class), encoding = @Encoding(name = "file"))))
    @PostMapping(BASE + "/video/subtitles")
    @ResponseStatus(HttpStatus.CREATED)
    SubtitleResponse upload(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            HttpServletRequest request) {
        return receive(caller, orgId, contentId, null, request);
    }

    @Operation(summary = "Add a subtitle track to an episode's video", description = UPLOAD_DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = UploadForm.class), encoding = @Encoding(name = "file"))))
    @PostMapping(BASE + "/episodes/{episodeId}/video/subtitles")
    @ResponseStatus(HttpStatus.CREATED)
    SubtitleResponse uploadEpisode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @PathVariable EpisodeId episodeId, HttpServletRequest request) {
        return receive(caller, orgId, contentId, episodeId, request);
    }

    @Operation(summary = "The subtitle tracks of a movie's, short's or documentary's video")
    @GetMapping(BASE + "/video/subtitles")
    List<SubtitleResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId) {
        return subtitles.list(caller.id(), orgId, contentId, null).stream().map(SubtitleResponse::of).toList();
    }

    @Operation(summary = "The subtitle tracks of an episode's video")
    @GetMapping(BASE + "/episodes/{episodeId}/video/subtitles")
    List<SubtitleResponse> listEpisode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @PathVariable EpisodeId episodeId) {
        return subtitles.list(caller.id(), orgId, contentId, episodeId).stream().map(SubtitleResponse::of).toList();
    }

    @Operation(summary = "Remove a subtitle track of a movie's, short's or documentary's video")
    @DeleteMapping(BASE + "/video/subtitles/{subtitleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @PathVariable UUID subtitleId) {
        subtitles.delete(caller.id(), orgId, contentId, null, subtitleId);
    }

    @Operation(summary = "Remove a subtitle track of an episode's video")
    @DeleteMapping(BASE + "/episodes/{episodeId}/video/subtitles/{subtitleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteEpisode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @PathVariable EpisodeId episodeId, @PathVariable UUID subtitleId) {
        subtitles.delete(caller.id(), orgId, contentId, episodeId, subtitleId);
    }

    private SubtitleResponse receive(CurrentUser caller, OrganizationId orgId, ContentId contentId, EpisodeId episodeId,
            HttpServletRequest request) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the subtitles as multipart/form-data with 'file', 'language' and 'label' parts.");
        }
        MultipartFile file = multipart.getFile("file");
        try (InputStream in = file == null ? null : file.getInputStream()) {
            return SubtitleResponse.of(subtitles.upload(caller.id(), orgId, contentId, episodeId, multipart.getParameter("language"),
                    multipart.getParameter("label"), in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a subtitle upload", e);
        }
    }
}
