package id.modo.verse.media;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@Tag(name = "Assets", description = "Uploaded files: images, audio, video and documents, with signed URLs to fetch them")
@RestController
class MediaApiController {

    private final Assets assets;
    private final Uploads uploads;

    MediaApiController(Assets assets, Uploads uploads) {
        this.assets = assets;
        this.uploads = uploads;
    }

    record AssetResponse(UUID id, UUID organizationId, UUID projectId, String type, String mimeType, long sizeBytes,
            String originalName, String category, String visibility, boolean hasThumbnail, Integer width, Integer height,
            Instant createdAt, URI url, URI thumbnailUrl, Instant urlsExpireAt) {
        static AssetResponse of(AssetView v) {
            return new AssetResponse(v.id().value(), v.organizationId().value(), v.projectId(), v.type().dbValue(), v.mimeType(),
                    v.sizeBytes(), v.originalName(), v.category(), v.visibility().dbValue(), v.hasThumbnail(), v.width(), v.height(),
                    v.createdAt(), v.url(), v.thumbnailUrl(), v.urlsExpireAt());
        }
    }

    record SignedUrlResponse(URI url, Instant expiresAt) {
    }

    /** The multipart form as the API documents it; the handler reads the parts itself, after the access check. */
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(description = "a project of this organization") UUID projectId,
            @Schema(description = "lower-case letters, digits, '-' and '_', e.g. character, moodboard, logo") String category,
            @Schema(allowableValues = {"private", "public"}, defaultValue = "private") String visibility) {
    }

    enum TypeName { image, audio, video, document }

    @Operation(summary = "Upload a file", description = """
            Members who may edit content. Multipart with a `file` part and optional `project_id`, `category` and \
            `visibility` (`private`, the default: fetched through signed URLs; `public`: a stable cacheable URL). The type \
            is decided from the content: images, audio, video and documents are accepted, anything else is 415. Images are \
            re-encoded without their metadata (EXIF) and get a thumbnail. 413 `storage-quota-exceeded` says in \
            `remaining_bytes` how much of the organization's storage is left; 413 `file-too-large` is over the upload limit.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = UploadForm.class), encoding = @Encoding(name = "file"))))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AssetResponse.class)))
    @PostMapping("/api/v1/organizations/{orgId}/assets")
    ResponseEntity<AssetResponse> upload(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            HttpServletRequest request) {
        OrganizationId organization = orgId;
        // Who may upload is answered before what was sent: an outsider learns nothing from a malformed form.
        uploads.requireUploader(caller.id(), organization);
        MultipartHttpServletRequest multipart = multipart(request);
        return receive(caller, organization, uuid(multipart.getParameter("project_id"), "project_id"), multipart);
    }

    @Operation(summary = "Upload a file to a project", description = """
            As the organization's upload, filed under the project. Who may: those who edit the section the `category` \
            names (`story`; `character` or `characters`; `universe`); files of any other category (logos, brand \
            material, none) by the project's producer and the organization's owners and admins. 404 for a project the \
            caller cannot see.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = ProjectUploadForm.class), encoding = @Encoding(name = "file"))))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AssetResponse.class)))
    @PostMapping("/api/v1/projects/{projectId}/assets")
    ResponseEntity<AssetResponse> uploadToProject(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID projectId,
            HttpServletRequest request) {
        OrganizationId organization = uploads.projectOrganization(caller.id(), projectId);
        uploads.requireUploader(caller.id(), organization);
        return receive(caller, organization, projectId, multipart(request));
    }

    /** The project upload form as the API documents it. */
    record ProjectUploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(description = "story, character, universe, or anything else for files of the whole project (e.g. logo)") String category,
            @Schema(allowableValues = {"private", "public"}, defaultValue = "private") String visibility) {
    }

    private ResponseEntity<AssetResponse> receive(CurrentUser caller, OrganizationId organization, UUID projectId,
            MultipartHttpServletRequest multipart) {
        MultipartFile file = multipart.getFile("file");
        if (file == null) {
            throw invalid("file", "is required");
        }
        AssetVisibility visibility = visibility(multipart.getParameter("visibility"));
        AssetView view = uploads.upload(caller.id(), organization, projectId, multipart.getParameter("category"),
                file.getOriginalFilename(), file, visibility);
        return ResponseEntity.created(URI.create("/api/v1/assets/" + view.id().value())).body(AssetResponse.of(view));
    }

    private static MultipartHttpServletRequest multipart(HttpServletRequest request) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the file as multipart/form-data with a 'file' part.");
        }
        return multipart;
    }

    @Operation(summary = "An organization's files, newest first", description = """
            Any member; files of projects the caller cannot see (private projects they are not on, projects in the \
            trash) are left out. Filters by `project_id` and `type` combine. Pass `next_cursor` back as `cursor`; it is \
            null on the last page. Private files' URLs are signed and expire at `urls_expire_at`.""")
    @GetMapping("/api/v1/organizations/{orgId}/assets")
    Page<AssetResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(name = "project_id", required = false) UUID projectId,
            @RequestParam(required = false) TypeName type,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return page(caller, orgId, projectId, type, limit, cursor);
    }

    @Operation(summary = "A project's files, newest first", description = """
            Anyone who can see the project; 404 for everyone else. Filter by `type`; pass `next_cursor` back as \
            `cursor`.""")
    @GetMapping("/api/v1/projects/{projectId}/assets")
    Page<AssetResponse> listOfProject(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID projectId,
            @RequestParam(required = false) TypeName type,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return page(caller, uploads.projectOrganization(caller.id(), projectId), projectId, type, limit, cursor);
    }

    private Page<AssetResponse> page(CurrentUser caller, OrganizationId organization, UUID projectId, TypeName type, Integer limit,
            String cursor) {
        int size = Keyset.limit(limit, "Some fields are not valid.");
        return assets.page(caller.id(), organization, projectId,
                type == null ? null : AssetType.valueOf(type.name().toUpperCase(Locale.ROOT)), cursor, size).map(AssetResponse::of);
    }

    @Operation(summary = "One file", description = "Any member of its organization; 404 for everyone else.")
    @GetMapping("/api/v1/assets/{id}")
    AssetResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        return AssetResponse.of(assets.get(caller.id(), AssetId.of(id)));
    }

    @Operation(summary = "Delete a file", description = """
            Members who may edit content; a project's file only by those who may change the project's files of its \
            category (see the project upload). Its bytes are given back to the quota.""")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/api/v1/assets/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        assets.delete(caller.id(), AssetId.of(id));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Delete a project's file", description = "As deleting a file; 404 when the file is not this project's.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/api/v1/projects/{projectId}/assets/{id}")
    ResponseEntity<Void> deleteOfProject(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID projectId,
            @PathVariable UUID id) {
        assets.delete(caller.id(), ofProject(caller, projectId, id).id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A short-lived URL to a file's bytes", description = """
            Anyone who may see the file. The URL works without credentials until `expires_at` (default validity \
            `modo.media.signed-url-validity`, at most `modo.media.signed-url-max-validity`), then answers 410.""")
    @RequestMapping(path = "/api/v1/assets/{id}/signed-url", method = {RequestMethod.GET, RequestMethod.POST})
    SignedUrlResponse signedUrl(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
            @Parameter(description = "seconds the URL works") @RequestParam(name = "expires_in", required = false) Long expiresIn) {
        return signedUrl(assets.get(caller.id(), AssetId.of(id)), expiresIn);
    }

    @Operation(summary = "A short-lived URL to a project's file", description = "As for any file; 404 when the file is not this project's.")
    @RequestMapping(path = "/api/v1/projects/{projectId}/assets/{id}/signed-url", method = {RequestMethod.GET, RequestMethod.POST})
    SignedUrlResponse signedUrlOfProject(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID projectId,
            @PathVariable UUID id,
            @Parameter(description = "seconds the URL works") @RequestParam(name = "expires_in", required = false) Long expiresIn) {
        return signedUrl(ofProject(caller, projectId, id), expiresIn);
    }

    private SignedUrlResponse signedUrl(AssetView asset, Long expiresIn) {
        Duration validity = expiresIn == null ? uploads.defaultValidity() : Duration.ofSeconds(Math.max(0, Math.min(expiresIn, 10_000_000L)));
        URI url = assets.signedUrl(asset.id(), validity);
        return new SignedUrlResponse(url, assets.signedUrlExpiry(url));
    }

    /** A file of the project, when the caller may see the project; the same 404 for a file filed elsewhere. */
    private AssetView ofProject(CurrentUser caller, UUID projectId, UUID id) {
        uploads.projectOrganization(caller.id(), projectId);
        AssetView asset = assets.get(caller.id(), AssetId.of(id));
        if (!projectId.equals(asset.projectId())) {
            throw Assets.notFound();
        }
        return asset;
    }

    private static AssetVisibility visibility(String value) {
        if (value == null || value.isBlank()) {
            return AssetVisibility.PRIVATE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "private" -> AssetVisibility.PRIVATE;
            case "public" -> AssetVisibility.PUBLIC;
            default -> throw invalid("visibility", "must be private or public");
        };
    }

    private static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = value.strip();
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be a UUID");
        }
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                Map.of("errors", List.of(new FieldError(field, message))));
    }
}
