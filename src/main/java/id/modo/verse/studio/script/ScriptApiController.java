package id.modo.verse.studio.script;

import id.modo.verse.common.jobs.Job;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio screenplay", description = "A project's screenplay in Fountain, as text, .fountain and PDF")
@RestController
class ScriptApiController {

    static final String FOUNTAIN = "text/x-fountain";
    static final MediaType FOUNTAIN_UTF8 = new MediaType("text", "x-fountain", StandardCharsets.UTF_8);

    private final Scripts scripts;

    ScriptApiController(Scripts scripts) {
        this.scripts = scripts;
    }

    /** Who saved the current version; {@code id} and {@code name} are null when the account is gone. */
    record SavedBy(UUID id, String name) {}

    record ScriptResponse(UUID projectId, String script, int scriptVersion, @Schema(nullable = true) SavedBy savedBy, Instant savedAt,
            boolean canEdit) {

        static ScriptResponse of(Scripts.ScriptView view) {
            SavedBy savedBy = view.savedAt() == null ? null
                    : new SavedBy(view.savedById() == null ? null : view.savedById().value(), view.savedBy());
            return new ScriptResponse(view.project().id().value(), view.script(), view.version(), savedBy, view.savedAt(),
                    view.editable());
        }
    }

    /** Only the text and the version the edit started from are the client's to set. */
    record SaveRequest(@NotNull String script, @NotNull @PositiveOrZero @Max(Integer.MAX_VALUE) Integer baseVersion) {}

    enum PaperName {
        letter(ScreenplayPdf.Paper.LETTER), a4(ScreenplayPdf.Paper.A4);

        final ScreenplayPdf.Paper paper;

        PaperName(ScreenplayPdf.Paper paper) {
            this.paper = paper;
        }
    }

    @Operation(summary = "The project's screenplay", description = """
            JSON by default; `Accept: text/x-fountain` gives the plain Fountain text (its version in the \
            `Script-Version` header). `script_version` is the number to send back as `base_version` when saving; \
            `saved_by` is null before the first save.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ScriptResponse.class)),
            @Content(mediaType = FOUNTAIN, schema = @Schema(type = "string"))})
    @GetMapping("/api/v1/projects/{projectId}/story/script")
    ResponseEntity<?> get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        // One handler negotiating by hand rather than two with "produces": an error (404, 403) must
        // still be answered as a problem document whatever the client accepts.
        Scripts.ScriptView view = scripts.get(caller.id(), projectId);
        if (prefersFountain(accept)) {
            return ResponseEntity.ok().contentType(FOUNTAIN_UTF8).header("Script-Version", String.valueOf(view.version()))
                    .body(view.script());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ScriptResponse.of(view));
    }

    /** Whether the client ranks text/x-fountain above JSON (anything unreadable means JSON). */
    static boolean prefersFountain(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(types);
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("x-fountain")) {
                return true;
            }
        }
        return false;
    }

    @Operation(summary = "Save the screenplay", description = """
            Needs the story section. `base_version` is the `script_version` the edit started from (0 before the \
            first save); each save that changes the text makes the next version. When someone saved in between, 409 \
            `edit-conflict` with `current_version`, `content` (their text), `saved_by` and `saved_at`. At most 500,000 \
            characters.""")
    @PutMapping("/api/v1/projects/{projectId}/story/script")
    ScriptResponse save(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody SaveRequest request) {
        return ScriptResponse.of(scripts.save(caller.id(), projectId, request.script(), request.baseVersion()));
    }

    @Operation(summary = "The screenplay as a PDF", description = """
            Industry layout: Courier 12 pt, 1.5 in left margin, a title page (the project's title when the script has \
            none), page numbers from page 2, (MORE)/(CONT'D) where a speech breaks across pages.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/projects/{projectId}/story/script.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Parameter(description = "letter (default) or a4") @RequestParam(defaultValue = "letter") PaperName paper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Scripts.ScriptView view = scripts.pdf(caller.id(), projectId, paper.paper, out);
        return download(out.toByteArray(), MediaType.APPLICATION_PDF, fileName(view, "pdf"));
    }

    /** Where to follow the export and fetch the file once the job completed. */
    record ExportResponse(UUID jobId, String eventsUrl, String jobUrl, String outputUrl) {

        static ExportResponse of(Job job) {
            String base = "/api/v1/jobs/" + job.id();
            return new ExportResponse(job.id(), base + "/events", base, base + "/output");
        }
    }

    @Operation(summary = "Export the screenplay PDF in the background", description = """
            Starts a job (202) that writes the same PDF as `GET …/script.pdf`, for scripts too long to wait for: follow \
            its progress in pages at `events_url` (server-sent events) or `job_url`, then download it from `output_url`. \
            Everyone who may read the project may follow and download it.""")
    @ApiResponse(responseCode = "202")
    @PostMapping("/api/v1/projects/{projectId}/story/script/pdf-exports")
    ResponseEntity<ExportResponse> export(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID projectId,
            @Parameter(description = "letter (default) or a4") @RequestParam(defaultValue = "letter") PaperName paper) {
        Job job = scripts.exportPdf(caller.id(), ProjectId.of(projectId), paper.paper);
        return ResponseEntity.accepted().body(ExportResponse.of(job));
    }

    @Operation(summary = "The screenplay as a .fountain file")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = FOUNTAIN, schema = @Schema(type = "string")))
    @GetMapping("/api/v1/projects/{projectId}/story/script.fountain")
    ResponseEntity<byte[]> fountain(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        Scripts.ScriptView view = scripts.get(caller.id(), projectId);
        return download(view.script().getBytes(StandardCharsets.UTF_8), FOUNTAIN_UTF8, fileName(view, "fountain"));
    }

    static String fileName(Scripts.ScriptView view, String extension) {
        String slug = view.project().slug() == null || view.project().slug().isBlank() ? "script" : view.project().slug();
        return slug + "-script." + extension;
    }

    static <T> ResponseEntity<T> download(T body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
