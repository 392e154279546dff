package id.modo.verse.studio.script;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.StudioProblems;
import id.modo.verse.studio.WorkspaceTabs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Script tab: a monospace Fountain editor that autosaves (static/js/script-editor.js posts the
 * form with {@code Accept: application/json}; without JavaScript the Save button posts it), the
 * version and who saved it, and the exports. Downloads go through page addresses because pages
 * sign in with the session cookie and the API with bearer tokens.
 */
@Controller
class ScriptPagesController {

    private final Scripts scripts;
    private final WorkspaceTabs tabs;

    private final id.modo.verse.studio.ai.StudioAiButtons studioAi;
    private final id.modo.verse.studio.story.StoryDrafts stories;

    ScriptPagesController(Scripts scripts, WorkspaceTabs tabs, id.modo.verse.studio.ai.StudioAiButtons studioAi,
            id.modo.verse.studio.story.StoryDrafts stories) {
        this.scripts = scripts;
        this.tabs = tabs;
        this.studioAi = studioAi;
        this.stories = stories;
    }

    /** The autosave's answer: the new version to edit from and the status line to show. */
    record AutosaveResponse(int scriptVersion, String status) {}

    @GetMapping("/projects/{projectId}/script")
    String page(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @ModelAttribute("ui") Ui ui,
            @RequestParam(defaultValue = "") String notice, Model model) {
        Scripts.ScriptView view = scripts.get(caller.id(), projectId);
        model.addAttribute("page", page(view, view.script(), view.version(), ui,
                notice.equals("saved") ? ui.t("script.notice.saved") : null, null));
        model.addAttribute("ai", studioAi.of(caller.id(), view.project(), List.of(id.modo.verse.studio.ai.AiFlow.SCRIPT_SCENE)));
        model.addAttribute("aiBeats", stories.writtenBeats(caller.id(), projectId, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "studio/script";
    }

    @PostMapping("/projects/{projectId}/script")
    Object save(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @ModelAttribute("ui") Ui ui,
            @RequestParam(required = false) String script, @RequestParam(name = "base_version", required = false) String baseVersion,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean autosave = acceptsJson(request);
        int base = baseVersion(baseVersion);
        if (script == null) {
            throw new ProblemException(ProblemType.VALIDATION, "script is required.",
                    Map.of("errors", List.of(Map.of("field", "script", "message", "is required"))));
        }
        try {
            Scripts.ScriptView saved = scripts.save(caller.id(), project, script, base);
            if (autosave) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(new AutosaveResponse(saved.version(), status(saved, ui)));
            }
            return "redirect:/projects/" + project + "/script?notice=saved";
        } catch (ProblemException e) {
            if (autosave || !e.type().equals(StudioProblems.EDIT_CONFLICT)) {
                throw e; // the autosave reads the problem document; 403/404 are the error page
            }
            // a plain form post that lost the race: keep the writer's text and say who saved first
            response.setStatus(409);
            Scripts.ScriptView current = scripts.get(caller.id(), project);
            // the form now edits from their version: saving again is a deliberate "keep mine" (theirs stays in the history)
            model.addAttribute("page", page(current, script, current.version(), ui, null, conflict(current, ui)));
            return "studio/script";
        }
    }

    @GetMapping("/projects/{projectId}/script.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(defaultValue = "letter") String paper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Scripts.ScriptView view = scripts.pdf(caller.id(), projectId, paper(paper), out);
        return ScriptApiController.download(out.toByteArray(), MediaType.APPLICATION_PDF, ScriptApiController.fileName(view, "pdf"));
    }

    /** The export started in the background; the page follows it at {@code /jobs/{job_id}/events}. */
    record ExportStarted(UUID jobId) {}

    /** Starts the PDF as a job (static/js/jobs.js: the button, then a progress bar, then the download link). */
    @PostMapping("/projects/{projectId}/script/exports")
    ResponseEntity<ExportStarted> export(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(defaultValue = "letter") String paper) {
        Job job = scripts.exportPdf(caller.id(), projectId, paper(paper));
        return ResponseEntity.accepted().body(new ExportStarted(job.id()));
    }

    @GetMapping("/projects/{projectId}/script.fountain")
    ResponseEntity<byte[]> fountain(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        Scripts.ScriptView view = scripts.get(caller.id(), projectId);
        return ScriptApiController.download(view.script().getBytes(StandardCharsets.UTF_8), ScriptApiController.FOUNTAIN_UTF8,
                ScriptApiController.fileName(view, "fountain"));
    }

    private ScriptPage page(Scripts.ScriptView view, String text, int version, Ui ui, String notice, String error) {
        return new ScriptPage(view.project(), tabs, text, version, status(view, ui),
                view.editable(), notice, error);
    }

    static String status(Scripts.ScriptView view, Ui ui) {
        if (view.savedAt() == null) {
            return ui.t("script.status.never");
        }
        String who = view.savedBy() == null ? ui.t("script.status.someone") : view.savedBy();
        return ui.t("script.status.saved", view.version(), who, ui.dateTime(view.savedAt()));
    }

    private static String conflict(Scripts.ScriptView current, Ui ui) {
        String who = current.savedBy() == null ? ui.t("script.status.someone") : current.savedBy();
        return ui.t("script.conflict", who, current.version());
    }

    private static ScreenplayPdf.Paper paper(String paper) {
        return switch (paper) {
            case "letter" -> ScreenplayPdf.Paper.LETTER;
            case "a4" -> ScreenplayPdf.Paper.A4;
            default -> throw new ProblemException(ProblemType.VALIDATION, "paper must be letter or a4.");
        };
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html");
    }

    private static int baseVersion(String value) {
        try {
            int base = value == null ? -1 : Integer.parseInt(value.strip());
            if (base >= 0) {
                return base;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(ProblemType.VALIDATION, "base_version must be a whole number, 0 or more.",
                Map.of("errors", List.of(Map.of("field", "base_version", "message", "must be a whole number, 0 or more"))));
    }
}
