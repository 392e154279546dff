package id.modo.verse.studio.ai;

import id.modo.verse.ai.StreamedGenerations;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.EditConflictException;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.VersionId;
import id.modo.verse.studio.Versions;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages' side of Studio's AI: a flow's form streams the text as it is written (with a script) and ends on the
 * review page of its proposal, where Accept and Discard are plain forms; without a script the form waits for the whole
 * answer and goes to the same page. The AI tab holds the project's settings and the proposals waiting.
 */
@Controller
class AiFlowPagesController {

    private final AiFlows flows;
    private final Versions versions;
    private final ProjectAiSettings settings;
    private final ProjectAccess access;
    private final StreamedGenerations streams;
    private final WorkspaceTabs tabs;
    private final MessageSource messages;

    AiFlowPagesController(AiFlows flows, Versions versions, ProjectAiSettings settings, ProjectAccess access, StreamedGenerations streams,
            WorkspaceTabs tabs, MessageSource messages) {
        this.flows = flows;
        this.versions = versions;
        this.settings = settings;
        this.access = access;
        this.streams = streams;
        this.tabs = tabs;
        this.messages = messages;
    }

    @PostMapping(path = "/projects/{projectId}/ai/{flow}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    SseEmitter stream(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable String flow,
            @RequestParam(required = false) String idea, @RequestParam(required = false) String beat,
            @RequestParam(required = false) String character, @RequestParam(name = "character_id", required = false) String characterId,
            @RequestParam(required = false) String description) {
        AiFlows.Prepared prepared;
        try {
            prepared = flows.prepare(caller.id(), projectId, AiFlows.flow(flow), new AiFlows.FlowInput(idea, beat, character, characterId, description));
        } catch (ProblemException refused) {
            return streams.refused(new ProblemException(refused.type(), message(refused), refused.properties()));
        }
        return streams.stream(caller.id(), prepared.view().organizationId(), prepared.request(), generation -> {
            AiFlows.Proposal proposal = flows.keep(caller.id(), prepared, generation).getFirst();
            return Map.of("review_url", review(projectId, proposal.version()));
        });
    }

    /** The same form without a script: the whole answer, then its review page (or the page saying why there is none). */
    @PostMapping("/projects/{projectId}/ai/{flow}")
    String generate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable String flow,
            @RequestParam(required = false) String idea, @RequestParam(required = false) String beat,
            @RequestParam(required = false) String character, @RequestParam(name = "character_id", required = false) String characterId,
            @RequestParam(required = false) String description, Model model) {
        try {
            AiFlows.Proposal proposal = flows.propose(caller.id(), projectId, AiFlows.flow(flow),
                    new AiFlows.FlowInput(idea, beat, character, characterId, description)).getFirst();
            return "redirect:" + review(projectId, proposal.version());
        } catch (ProblemException problem) {
            ProjectView view = access.read(caller.id(), projectId);
            model.addAttribute("page", new AiPageModels.ReviewPage(view, tabs, null, null, 0, List.of(), false, null, 0,
                    message(problem), story(projectId)));
            return "studio/ai-review";
        }
    }

    @GetMapping("/projects/{projectId}/ai/proposals/{versionId}")
    String review(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId, Model model) {
        return reviewPage(caller, projectId, flows.get(caller.id(), projectId, versionId.value()), null, model);
    }

    @PostMapping("/projects/{projectId}/ai/proposals/{versionId}/accept")
    String accept(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId,
            @RequestParam(name = "base_version") int baseVersion, Model model) {
        Version accepted;
        try {
            accepted = versions.acceptProposal(caller.id(), projectId, versionId.value(), baseVersion);
        } catch (EditConflictException lost) {
            return reviewPage(caller, projectId, flows.get(caller.id(), projectId, versionId.value()), lost, model);
        }
        return "redirect:" + page(projectId, accepted) + "?ai=accepted";
    }

    @PostMapping("/projects/{projectId}/ai/proposals/{versionId}/discard")
    String discard(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable VersionId versionId) {
        Version proposal = versions.proposal(caller.id(), projectId, versionId.value());
        versions.discardProposal(caller.id(), projectId, versionId.value());
        return "redirect:" + page(projectId, proposal) + "?ai=discarded";
    }

    @GetMapping("/projects/{projectId}/ai")
    String aiPage(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(defaultValue = "false") boolean saved, Model model) {
        return aiPage(caller, projectId, settings.get(caller.id(), projectId), saved, List.of(), model);
    }

    @PostMapping("/projects/{projectId}/ai/settings")
    String saveSettings(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(required = false) String tone, @RequestParam(required = false) String audience,
            @RequestParam(required = false) String language, @RequestParam(name = "monthly_credit_allotment", required = false) String allotment,
            Model model) {
        ProjectAiSettings.Settings asked;
        try {
            asked = new ProjectAiSettings.Settings(tone, audience, language, allotment == null || allotment.isBlank() ? null : Integer.valueOf(allotment.strip()));
        } catch (NumberFormatException e) {
            access.manage(caller.id(), projectId);
            return aiPage(caller, projectId, new ProjectAiSettings.Settings(tone, audience, language, null), false,
                    List.of(new FieldError("monthly_credit_allotment", "must be a whole number of at least 1")), model);
        }
        try {
            settings.put(caller.id(), projectId, asked);
        } catch (ProblemException problem) {
            if (problem.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
                return aiPage(caller, projectId, asked, false, errors.stream().map(FieldError.class::cast).toList(), model);
            }
            throw problem;
        }
        return "redirect:/projects/" + projectId + "/ai?saved=true";
    }

    private String aiPage(CurrentUser caller, ProjectId projectId, ProjectAiSettings.Settings shown, boolean saved, List<FieldError> errors,
            Model model) {
        ProjectView view = access.read(caller.id(), projectId);
        List<Version> pending = versions.pendingProposals(caller.id(), projectId);
        model.addAttribute("page", new AiPageModels.AiPage(view, tabs, shown, flows.creditsThisMonth(projectId), view.manager(), pending,
                versions.sectionLabels(pending, LocaleContextHolder.getLocale()), saved, errors));
        return "studio/ai-settings";
    }

    private String reviewPage(CurrentUser caller, ProjectId projectId, AiFlows.Proposal proposal, EditConflictException lost, Model model) {
        ProjectView view = access.read(caller.id(), projectId);
        Version version = proposal.version();
        Locale locale = LocaleContextHolder.getLocale();
        String label = versions.sectionLabels(List.of(version), locale).get(version.id());
        model.addAttribute("page", new AiPageModels.ReviewPage(view, tabs, version, label, proposal.baseVersion(), proposal.diff(),
                view.canEdit(section(version)), lost == null ? null : String.valueOf(lost.savedByName()),
                lost == null ? 0 : lost.currentVersion(), null, page(projectId, version)));
        return "studio/ai-review";
    }

    /**
     * Why a flow could not start, in the reader's language when it is something to write first (the beats need the
     * synopsis): the problem's own detail names no field, and its field errors are the API's English.
     */
    private String message(ProblemException problem) {
        if (problem.properties().get("errors") instanceof List<?> errors && !errors.isEmpty() && errors.getFirst() instanceof FieldError first) {
            String raw = first.field() + ": " + first.message();
            return first.message().startsWith("must be") ? raw
                    : messages.getMessage("studio.ai.needs." + first.field(), null, raw, LocaleContextHolder.getLocale());
        }
        return problem.getMessage();
    }

    private static String review(ProjectId project, Version version) {
        return "/projects/" + project + "/ai/proposals/" + version.id();
    }

    /** The workspace page a proposal's part is written on. */
    private static String page(ProjectId project, Version version) {
        return switch (version.entityType()) {
            case "script" -> "/projects/" + project + "/script";
            case "character" -> "/projects/" + project + "/characters/" + version.entityId();
            case "universe" -> "/projects/" + project + "/universe";
            case "moodboard" -> "/projects/" + project + "/moodboard";
            default -> story(project);
        };
    }

    private static Section section(Version version) {
        return switch (version.entityType()) {
            case "character" -> Section.CHARACTERS;
            case "universe" -> Section.UNIVERSE;
            default -> Section.STORY;
        };
    }

    private static String story(ProjectId project) {
        return "/projects/" + project + "/story";
    }
}
