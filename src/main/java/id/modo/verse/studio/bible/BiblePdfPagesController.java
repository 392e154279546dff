package id.modo.verse.studio.bible;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's Bible PDF tab: choose sections and language, make the PDF (a job whose progress static/js/bible.js
 * shows; without JavaScript the form posts and the page says to come back), and download the latest with the session.
 */
@Controller
class BiblePdfPagesController {

    private final BibleExports exports;
    private final ProjectAccess access;
    private final WorkspaceTabs tabs;

    BiblePdfPagesController(BibleExports exports, ProjectAccess access, WorkspaceTabs tabs) {
        this.exports = exports;
        this.access = access;
        this.tabs = tabs;
    }

    record Started(UUID jobId) {
    }

    @GetMapping("/projects/{projectId}/bible")
    String page(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @RequestParam(defaultValue = "false") boolean started, @RequestParam(name = "no_section", defaultValue = "false") boolean noSection,
            @ModelAttribute("ui") Ui ui, Model model) {
        ProjectView view = access.read(caller.id(), id);
        model.addAttribute("page", new BiblePages.BiblePdfPage(view, tabs, List.of(BibleSection.values()), BibleLanguage.of(ui.locale()).key(),
                exports.canMake(view), exports.latest(id).orElse(null), started, noSection));
        return "studio/bible-export";
    }

    /** Starts the job: 202 with its id for the page's script, else back to the page. Same rule as the API's. */
    @PostMapping("/projects/{projectId}/bible")
    Object generate(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @RequestParam(required = false) List<String> sections, @RequestParam(defaultValue = "en") String language,
            @RequestHeader(value = HttpHeaders.ACCEPT, defaultValue = "") String accept) {
        boolean json = accept.contains(MediaType.APPLICATION_JSON_VALUE);
        if (sections == null || sections.isEmpty()) {
            if (json) {
                throw invalid(List.of(new FieldError("sections", "must name at least one section")));
            }
            exports.mayMake(caller.id(), id);
            return "redirect:/projects/" + id + "/bible?no_section=true";
        }
        List<FieldError> errors = new ArrayList<>();
        Set<BibleSection> chosen = EnumSet.noneOf(BibleSection.class);
        sections.forEach(key -> BibleSection.byKey(key).ifPresentOrElse(chosen::add,
                () -> errors.add(new FieldError("sections", "must be one of " + BibleSection.keys()))));
        BibleLanguage lang = BibleLanguage.byKey(language).orElse(null);
        if (lang == null) {
            errors.add(new FieldError("language", "must be one of en, id"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors.stream().distinct().toList());
        }
        Job job = exports.request(caller.id(), id, chosen, lang);
        if (json) {
            return ResponseEntity.accepted().body(new Started(job.id()));
        }
        return "redirect:/projects/" + id + "/bible?started=true";
    }

    @GetMapping("/projects/{projectId}/bible.pdf")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id) {
        BibleExports.Export export = exports.latest(caller.id(), id).orElseThrow(BibleExports::noBible);
        byte[] pdf;
        try (InputStream in = exports.open(caller.id(), id, export)) {
            pdf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(BibleApiController.fileName(export), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
    }
}
