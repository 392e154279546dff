package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * tus 1.0 (core and creation) for large video files, on the API (bearer token) and for the content manager page (session
 * cookie and the CSRF token in {@code X-XSRF-TOKEN}): POST with {@code Upload-Length} opens an upload and answers its
 * {@code Location}; PATCH {@code application/offset+octet-stream} at {@code Upload-Offset} appends; HEAD says the offset
 * to resume from. The last byte starts transcoding, as a multipart upload does.
 */
@Tag(name = "Watch videos", description = "Upload a content's or an episode's video and follow its transcoding")
@RestController
class UploadApiController {

    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_STREAM = "application/offset+octet-stream";
    private static final String API = "/api/v1/organizations/{orgId}";
    private static final String PAGE = "/studio/watch/{orgId}";

    private final ResumableUploads uploads;

    UploadApiController(ResumableUploads uploads) {
        this.uploads = uploads;
    }

    @Operation(summary = "tus: open a resumable upload of a video", description = """
            Headers `Tus-Resumable: 1.0.0`, `Upload-Length` (bytes, within the media upload limit: 413) and optionally \
            `Upload-Metadata: filename <base64>`. 201 with `Location`, the upload's address for HEAD and PATCH. A video still \
            transcoding is 409 `transcoding-in-progress`. Unfinished uploads are removed a day after their last write.""")
    @RequestMapping(method = RequestMethod.POST, path = {API + "/contents/{contentId}/video/uploads",
            API + "/contents/{contentId}/episodes/{episodeId}/video/uploads", PAGE + "/contents/{contentId}/video/uploads",
            PAGE + "/contents/{contentId}/episodes/{episodeId}/video/uploads"})
    @ResponseStatus(HttpStatus.CREATED)
    void create(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @PathVariable(required = false) EpisodeId episodeId, @RequestHeader(name = "Tus-Resumable", required = false) String tus,
            @RequestHeader(name = "Upload-Length", required = false) String length,
            @RequestHeader(name = "Upload-Metadata", required = false) String metadata, HttpServletRequest request,
            HttpServletResponse response) {
        requireTus(tus);
        ResumableUploads.State state = uploads.create(caller.id(), orgId, contentId, episodeId, number("Upload-Length", length),
                fileName(metadata));
        String base = request.getRequestURI().startsWith("/api/") ? "/api/v1/organizations/" : "/studio/watch/";
        response.setHeader(HttpHeaders.LOCATION, base + orgId.value() + "/video-uploads/" + state.id());
        headers(response, state);
    }

    @Operation(summary = "tus: where an upload stands", description = "`Upload-Offset` (bytes received) and `Upload-Length`.")
    @RequestMapping(method = RequestMethod.HEAD, path = {API + "/video-uploads/{uploadId}", PAGE + "/video-uploads/{uploadId}"})
    void head(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable UUID uploadId,
            @RequestHeader(name = "Tus-Resumable", required = false) String tus, HttpServletResponse response) {
        requireTus(tus);
        headers(response, uploads.state(caller.id(), orgId, uploadId));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Operation(summary = "tus: append bytes to an upload", description = """
            `Content-Type: application/offset+octet-stream`, `Upload-Offset` equal to the upload's (else 409 \
            `upload-offset-mismatch`; ask with HEAD). 204 with the new `Upload-Offset`; the last byte starts transcoding \
            (`Modo-Video-Id` names the video).""")
    @RequestMapping(method = RequestMethod.PATCH, path = {API + "/video-uploads/{uploadId}", PAGE + "/video-uploads/{uploadId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void patch(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable UUID uploadId,
            @RequestHeader(name = "Tus-Resumable", required = false) String tus,
            @RequestHeader(name = "Upload-Offset", required = false) String offset, HttpServletRequest request,
            HttpServletResponse response) {
        requireTus(tus);
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(OFFSET_STREAM)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the bytes as " + OFFSET_STREAM + ".");
        }
        long at = number("Upload-Offset", offset);
        ResumableUploads.State state;
        try (InputStream body = request.getInputStream()) {
            state = uploads.append(caller.id(), orgId, uploadId, at, body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an upload", e);
        }
        headers(response, state);
        if (state.videoId() != null) {
            response.setHeader("Modo-Video-Id", state.videoId().toString());
        }
    }

    private static void headers(HttpServletResponse response, ResumableUploads.State state) {
        response.setHeader("Tus-Resumable", TUS_VERSION);
        response.setHeader("Upload-Offset", String.valueOf(state.offset()));
        response.setHeader("Upload-Length", String.valueOf(state.length()));
    }

    private static void requireTus(String version) {
        if (!TUS_VERSION.equals(version)) {
            throw new ProblemException(WatchProblems.TUS_VERSION, "Send Tus-Resumable: " + TUS_VERSION + ".",
                    java.util.Map.of("tus_version", TUS_VERSION));
        }
    }

    private static long number(String header, String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw new ProblemException(ProblemType.VALIDATION, header + " must be a number of bytes.");
        }
        return Long.parseLong(value);
    }

    /** The {@code filename} of tus' {@code Upload-Metadata} (comma-separated keys with base64 values), else a neutral name. */
    static String fileName(String metadata) {
        if (metadata != null) {
            for (String pair : metadata.split(",")) {
                String[] parts = pair.strip().split(" ", 2);
                if (parts[0].equals("filename") && parts.length == 2) {
                    try {
                        String name = new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8).strip();
                        if (!name.isEmpty() && name.length() <= 255 && name.chars().noneMatch(Character::isISOControl)) {
                            return name;
                        }
                    } catch (IllegalArgumentException e) {
                        throw new ProblemException(ProblemType.VALIDATION, "Upload-Metadata's filename is not base64.");
                    }
                }
            }
        }
        return "video";
    }
}
