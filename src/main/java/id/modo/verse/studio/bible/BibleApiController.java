package id.modo.verse.studio.bible;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The IP bible PDF: make one in the background, fetch the latest. */
@RestController
class BibleApiController {

    private final BibleExports exports;

    BibleApiController(BibleExports exports) {
        this.exports = exports;
    }

    /** Which sections, in any order (the PDF keeps its own), and the language of titles and labels; absent: all, English. */
    record BibleRequest(@Schema(nullable = true, description = "cover, overview, story, structure, want_need, characters, universe, "
            + "moodboard, prediction, team; absent: all") @Size(max = 20) List<String> sections,
            @Schema(nullable = true, allowableValues = {"en", "id"}, description = "absent: en") String language) {
    }

    /** Where to follow the job and, once it completed, where the PDF is. */
    record BibleJobResponse(UUID jobId, String state, String eventsUrl, String jobUrl, String downloadUrl) {

        static BibleJobResponse of(Job job, UUID project) {
            String base = "/api/v1/jobs/" + job.id();
            return new BibleJobResponse(job.id(), job.state().dbValue(), base + "/events", base,
                    "/api/v1/projects/" + project + "/bible.pdf");
        }
    }

    @Operation(summary = "Generate the project's IP bible PDF", description = """
            Starts a job (202) that writes the bible with the chosen sections in the chosen language: follow it at \
            `events_url` (server-sent events, progress in percent) or `job_url`; once it completed, `download_url` gives \
            the PDF. Needs the right to edit the project's story (404 when the project is not yours to see, 403 when you \
            see it but may not edit its story); an unknown section or language is 400.""")
    @ApiResponse(responseCode = "202")
    @PostMapping("/api/v1/projects/{projectId}/bible")
    ResponseEntity<BibleJobResponse> generate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Validated @RequestBody BibleRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Set<BibleSection> sections = EnumSet.noneOf(BibleSection.class);
        if (request.sections() == null) {
            sections.addAll(BibleExports.all());
        } else if (request.sections().isEmpty()) {
            errors.add(new FieldError("sections", "must name at least one section"));
        } else {
            for (int i = 0; i < request.sections().size(); i++) {
                String key = request.sections().get(i);
                BibleSection.byKey(key).ifPresentOrElse(sections::add,
                        () -> errors.add(new FieldError("sections", "must be one of " + BibleSection.keys())));
            }
        }
        BibleLanguage language = BibleLanguage.EN;
        if (request.language() != null) {
            language = BibleLanguage.byKey(request.language()).orElse(null);
            if (language == null) {
                errors.add(new FieldError("language", "must be one of en, id"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors.stream().distinct().toList()));
        }
        Job job = exports.request(caller.id(), projectId, sections, language);
        return ResponseEntity.accepted().body(BibleJobResponse.of(job, projectId.value()));
    }

    @Operation(summary = "The project's latest IP bible PDF", description = """
            The most recently finished bible, for everyone who may read the project; 404 (`not-found`) when none was \
            made yet. Its language, page count and date are in the `Bible-Language`, `Bible-Pages` and `Last-Modified` headers.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/projects/{projectId}/bible.pdf")
    ResponseEntity<byte[]> latest(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        BibleExports.Export export = exports.latest(caller.id(), projectId).orElseThrow(BibleExports::noBible);
        byte[] pdf;
        try (InputStream in = exports.open(caller.id(), projectId, export)) {
            pdf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(export), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Bible-Language", export.language().key())
                .header("Bible-Pages", String.valueOf(export.pageCount()))
                .lastModified(export.createdAt())
                .body(pdf);
    }

    static String fileName(BibleExports.Export export) {
        return "bible-" + export.language().key() + "-" + Instant.ofEpochSecond(export.createdAt().getEpochSecond()).toString()
                .replace(":", "").replace("-", "") + ".pdf";
    }
}
