package id.modo.verse.studio.animatic;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.media.AssetType;
import id.modo.verse.media.Assets;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.WorkspaceTabs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Animatic tab. Its forms post the API's {@link AnimaticApiController.RenderRequest} fields; static/js/animatic.js
 * posts them with {@code Accept: application/json} and follows the job's progress at {@code /jobs/{id}/events}, and
 * without JavaScript the post redirects back to the page, where a render in progress says so. Cancel and retry take
 * the same right as rendering (editing the story), checked here before the jobs module is asked.
 */
@Controller
class AnimaticPagesController {

    private final Animatics animatics;
    private final ProjectAccess access;
    private final Assets assets;
    private final Jobs jobs;
    private final WorkspaceTabs tabs;
    private final BeatVideoPages aiVideos;

    AnimaticPagesController(Animatics animatics, ProjectAccess access, Assets assets, Jobs jobs, WorkspaceTabs tabs, BeatVideoPages aiVideos) {
        this.aiVideos = aiVideos;
        this.animatics = animatics;
        this.access = access;
        this.assets = assets;
        this.jobs = jobs;
        this.tabs = tabs;
    }

    @GetMapping("/projects/{projectId}/animatic")
    String page(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @ModelAttribute("ui") Ui ui,
            @RequestParam(defaultValue = "") String notice, @RequestParam(defaultValue = "") String error,
            @RequestParam(name = "ai_video", defaultValue = "") String aiVideo, Model model) {
        Animatics.Overview overview = animatics.overview(caller.id(), projectId, ui.locale());
        List<AnimaticPage.Sound> sounds = overview.canRender() ? sounds(caller, overview.project()) : List.of();
        List<AnimaticPage.Beat> beats = overview.beats().stream()
                .map(b -> new AnimaticPage.Beat(b.beatIndex(), b.title(), b.pictureCount(), render(projectId, b.animatic(), ui))).toList();
        model.addAttribute("page", new AnimaticPage(overview.project(), tabs, render(projectId, overview.story(), ui), beats,
                overview.canRender(), sounds, notice.equals("started") ? ui.t("animatic.notice.started") : null, message(error, ui)));
        model.addAttribute("aiVideos", aiVideos.page(caller.id(), projectId, aiVideo, ui));
        return "studio/animatic";
    }

    /** The answer to the page's script: the job to follow. */
    record RenderStarted(UUID animaticId, UUID jobId) {
    }

    @PostMapping("/projects/{projectId}/animatic")
    Object render(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @ModelAttribute("ui") Ui ui,
            @Valid AnimaticApiController.RenderRequest form, BindingResult binding, HttpServletRequest request) {
        boolean script = acceptsJson(request);
        if (binding.hasErrors()) {
            if (script) {
                return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("error", ui.t("animatic.error.settings")));
            }
            access.edit(caller.id(), projectId, Section.STORY);
            return "redirect:/projects/" + projectId + "/animatic?error=settings";
        }
        try {
            Animatics.Started started = animatics.start(caller.id(), projectId, form.order(ui.locale()));
            if (script) {
                return ResponseEntity.accepted().body(new RenderStarted(started.animaticId(), started.job().id()));
            }
            return "redirect:/projects/" + projectId + "/animatic?notice=started";
        } catch (ProblemException e) {
            String key = errorKey(e);
            if (key == null) {
                throw e; // 403 and 404 are the error page
            }
            if (script) {
                return ResponseEntity.status(e.type().status()).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("error", ui.t("animatic.error." + key)));
            }
            return "redirect:/projects/" + projectId + "/animatic?error=" + key;
        }
    }

    @PostMapping("/projects/{projectId}/animatic/jobs/{jobId}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID jobId) {
        access.edit(caller.id(), projectId, Section.STORY);
        jobs.cancel(caller.id().value(), ownJob(caller, projectId, jobId));
        return "redirect:/projects/" + projectId + "/animatic";
    }

    @PostMapping("/projects/{projectId}/animatic/jobs/{jobId}/retry")
    String retry(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID jobId) {
        access.edit(caller.id(), projectId, Section.STORY);
        jobs.retry(caller.id().value(), ownJob(caller, projectId, jobId));
        return "redirect:/projects/" + projectId + "/animatic?notice=started";
    }

    @GetMapping("/projects/{projectId}/animatic/{animaticId}/captions.vtt")
    ResponseEntity<String> captions(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable UUID animaticId) {
        return AnimaticApiController.vtt(animatics.captions(caller.id(), projectId, animaticId));
    }

    /** The job, when it is one of this project's animatics (a job of another kind or project is 404 here). */
    private UUID ownJob(CurrentUser caller, ProjectId project, UUID jobId) {
        Job job = jobs.get(caller.id().value(), jobId);
        if (!AnimaticJob.KIND.equals(job.kind()) || !project.value().equals(job.subject())) {
            throw ProjectAccess.notFound();
        }
        return job.id();
    }

    private List<AnimaticPage.Sound> sounds(CurrentUser caller, ProjectView project) {
        return assets.page(caller.id(), project.organizationId(), null, AssetType.AUDIO, null, 100).items().stream()
                .map(a -> new AnimaticPage.Sound(a.id().value(), a.originalName())).toList();
    }

    private static AnimaticPage.Render render(ProjectId project, Animatics.Animatic a, Ui ui) {
        if (a == null) {
            return null;
        }
        String captions = a.hasCaptionsTrack() ? "/projects/" + project + "/animatic/" + a.id() + "/captions.vtt" : null;
        String duration = a.durationSeconds() == null ? null : ui.t("animatic.duration", String.format(ui.locale(), "%.1f", a.durationSeconds()));
        return new AnimaticPage.Render(a.id(), a.status(), a.jobId(), a.failureReason(), a.videoUrl(), a.posterUrl(), captions, duration);
    }

    private static String errorKey(ProblemException e) {
        if (e.type() == AnimaticProblems.NO_PICTURES) {
            return "no_pictures";
        }
        if (e.type().status().value() == 400) {
            return "settings";
        }
        if (e.type().status().value() == 503) {
            return "unavailable";
        }
        return null;
    }

    private static String message(String error, Ui ui) {
        return switch (error) {
            case "no_pictures", "settings", "unavailable" -> ui.t("animatic.error." + error);
            default -> null;
        };
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html");
    }
}
