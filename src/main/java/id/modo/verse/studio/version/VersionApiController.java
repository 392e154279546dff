package id.modo.verse.studio.version;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.VersionId;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio versions", description = "The history of every saved section of a project: list, read, compare and restore")
@RestController
class VersionApiController {

    private final Versions versions;

    VersionApiController(Versions versions) {
        this.versions = versions;
    }

    record VersionResponse(UUID id, String entityType, UUID entityId, String section, int number, String source, UUID authorId,
            String authorName, Instant createdAt, boolean current, UUID restoredFrom, String content) {
        static VersionResponse of(Version v) {
            return new VersionResponse(v.id(), v.entityType(), v.entityId(), v.section(), v.number(), v.source().dbValue(),
                    v.author() == null ? null : v.author().value(), v.authorName(), v.createdAt(), v.current(), v.restoredFrom(),
                    v.content());
        }
    }

    record SegmentResponse(String kind, String text) {
    }

    record DiffResponse(VersionResponse from, VersionResponse to, List<SegmentResponse> segments) {
    }

    @Operation(summary = "The project's versions, newest first", description = """
            Optionally of one `entity_type` (story, character, universe, script…), `entity_id` and `section`. `content` is \
            null in the list; get one version for it. Pass `next_cursor` back as `cursor`.""")
    @GetMapping("/api/v1/projects/{projectId}/versions")
    Page<VersionResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(name = "entity_type", required = false) @Pattern(regexp = "^[a-z_]{1,50}$", message = "must be a lowercase entity type") String entityType,
            @RequestParam(name = "entity_id", required = false) UUID entityId,
            @RequestParam(required = false) @Pattern(regexp = "^[a-z_]{1,100}$", message = "must be a lowercase section name") String section,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return versions.list(caller.id(), projectId, entityType, entityId, section, cursor, limit).map(VersionResponse::of);
    }

    @Operation(summary = "Word-level difference between two versions of the project", description = """
            Runs of `equal`, `delete` (only in `from`) and `insert` (only in `to`) text that rebuild both versions. Both must \
            be versions of the same part (entity and section); two parts are 400 `different-parts`.""")
    @GetMapping("/api/v1/projects/{projectId}/versions/diff")
    DiffResponse diff(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @RequestParam UUID from,
            @RequestParam UUID to) {
        Versions.VersionDiff diff = versions.diff(caller.id(), projectId, from, to);
        return new DiffResponse(VersionResponse.of(diff.from()), VersionResponse.of(diff.to()), diff.segments().stream()
                .map(s -> new SegmentResponse(s.kind().name().toLowerCase(java.util.Locale.ROOT), s.text())).toList());
    }

    @GetMapping("/api/v1/projects/{projectId}/versions/{versionId}")
    VersionResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId) {
        return VersionResponse.of(versions.get(caller.id(), projectId, versionId.value()));
    }

    @Operation(summary = "Restore an older version", description = """
            Makes it current again as a new version (source `restore`) and writes it back; the history is never rewritten. \
            Needs the right to edit the version's section.""")
    @PostMapping("/api/v1/projects/{projectId}/versions/{versionId}/restore")
    VersionResponse restore(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId) {
        return VersionResponse.of(versions.restore(caller.id(), projectId, versionId.value()));
    }
}
