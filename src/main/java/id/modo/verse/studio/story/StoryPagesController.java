package id.modo.verse.studio.story;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.EditConflictException;
import id.modo.verse.studio.ai.AiFlow;
import id.modo.verse.studio.ai.StudioAiButtons;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.SaveStatus;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.CustomBeat;
import id.modo.verse.studio.story.StoryContent.Details;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The story tab: details, beat board with the tension curve, want/need matrix. The forms save with htmx: the answer is
 * the save status fragment (the version and who saved it, or the conflict with links to reload or compare); without
 * JavaScript they post and come back to the page.
 */
@Controller
class StoryPagesController {

    static final List<String> DETAIL_FIELDS = List.of("premise", "logline", "synopsis", "global_synopsis", "duration", "format",
            "episode_count", "episode_duration", "genre", "sub_genre", "tone", "intensity", "theme", "sub_theme", "moral_values",
            "local_values", "plot", "twist", "conflict_type", "target_audience", "target_market", "age_rating");

    private final Stories stories;
    private final WorkspaceTabs tabs;
    private final org.springframework.context.MessageSource messages;
    private final id.modo.verse.ai.AiFieldButtons aiButtons;
    private final StudioAiButtons studioAi;

    StoryPagesController(Stories stories, WorkspaceTabs tabs, org.springframework.context.MessageSource messages,
            id.modo.verse.ai.AiFieldButtons aiButtons, StudioAiButtons studioAi) {
        this.studioAi = studioAi;
        this.stories = stories;
        this.tabs = tabs;
        this.messages = messages;
        this.aiButtons = aiButtons;
    }

    @GetMapping("/projects/{projectId}/story")
    String story(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @org.springframework.web.bind.annotation.RequestParam(name = "ai", defaultValue = "") String aiOutcome, Model model) {
        Stories.Story story = stories.get(caller.id(), projectId);
        model.addAttribute("page", page(story));
        model.addAttribute("ai", studioAi.of(caller.id(), story.project(), java.util.List.of(AiFlow.values())));
        model.addAttribute("aiNotice", switch (aiOutcome) {
            case "accepted" -> "studioai.accepted";
            case "discarded" -> "studioai.discarded";
            default -> null;
        });
        model.addAttribute("aiSynopsis", aiButtons.forField(caller.id(), story.project().organizationId(), projectId.value(),
                id.modo.verse.ai.GenerationType.SYNOPSIS).orElse(null));
        return "studio/story";
    }

    @PostMapping("/projects/{projectId}/story/details")
    String saveDetails(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @Valid StoryApiController.DetailsRequest form, BindingResult binding, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        int base = base(form.baseVersion());
        return save(request, response, model, id, StoryContent.DETAILS, "base-details", base, binding,
                () -> stories.saveDetails(caller.id(), id, form.change(), base));
    }

    @PostMapping("/projects/{projectId}/story/beats")
    String saveBeats(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @RequestParam Map<String, String> form,
            @RequestParam(name = "custom_key", required = false) List<String> customKeys,
            @RequestParam(name = "custom_title", required = false) List<String> customTitles, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
        int base = base(integer(form.get("base_version")));
        String structure = form.getOrDefault("structure", "hero");
        List<CustomBeat> custom = new ArrayList<>();
        if (customKeys != null && customTitles != null) {
            for (int i = 0; i < Math.min(customKeys.size(), customTitles.size()); i++) {
                custom.add(new CustomBeat(customKeys.get(i), customTitles.get(i)));
            }
        }
        // Only the beats of the structure being saved: switching structure leaves the old text in the previous version.
        BeatSet shape = new BeatSet(structure, custom, Map.of(), Map.of(), Map.of());
        Map<String, String> beats = new LinkedHashMap<>();
        Map<String, Integer> intensities = new LinkedHashMap<>();
        boolean known = StoryStructure.fromKey(structure).isPresent();
        if (known) {
            for (StoryStructure.Beat beat : Stories.beatsOf(shape)) {
                String text = form.get("beat." + beat.key());
                if (text != null) {
                    beats.put(beat.key(), text);
                }
                Integer level = integer(form.get("intensity." + beat.key()));
                if (level != null) {
                    intensities.put(beat.key(), level);
                }
            }
        }
        BeatSet set = new BeatSet(structure, custom, beats, intensities, Map.of());
        return save(request, response, model, id, StoryContent.BEATS, "base-beats", base, null, () -> {
            Stories.Story current = stories.get(caller.id(), id);
            BeatSet withActions = new BeatSet(set.structure(), set.customBeats(), set.beats(), set.intensities(),
                    set.structure().equals(current.beats().structure()) ? current.beats().keyActions() : Map.of());
            return stories.saveBeats(caller.id(), id, withActions, base);
        });
    }

    /**
     * The form names its fields as the API's JSON nests them ({@code want.external}); its {@code _want.achieved} markers make
     * an unticked box false rather than missing.
     */
    @PostMapping("/projects/{projectId}/story/want-need")
    String saveWantNeed(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @Valid StoryApiController.WantNeedRequest form, BindingResult binding, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        int base = base(form.baseVersion());
        return save(request, response, model, id, StoryContent.WANT_NEED, "base-want-need", base, binding,
                () -> stories.saveWantNeed(caller.id(), id, form.wantNeed(), base));
    }

    private interface Save {
        Stories.Story run();
    }

    /** Saves unless {@code binding} (null for a form bound by hand) refused a field, which the status then names. */
    private String save(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model, ProjectId project,
            String section, String baseInput, int base, BindingResult binding, Save save) {
        boolean htmx = request.getHeader("HX-Request") != null;
        SaveStatus status;
        if (binding != null && binding.getFieldError() != null) {
            org.springframework.validation.FieldError error = binding.getFieldError();
            // A value missing or not of the field's type (letters for a number) has Spring's wording, not a message for people.
            String problem = !error.isBindingFailure() ? error.getDefaultMessage()
                    : error.getRejectedValue() == null || error.getRejectedValue().toString().isBlank() ? "is required" : "must be a number";
            model.addAttribute("status", SaveStatus.error(fieldMessage(error.getField(), problem), base, baseInput));
            return "studio/save-status";
        }
        try {
            Stories.Story saved = save.run();
            if (!htmx) {
                return "redirect:/projects/" + project + "/story";
            }
            if (section.equals(StoryContent.BEATS)) {
                // The board and the tension curve follow the saved beats: htmx reloads the page.
                response.setHeader("HX-Refresh", "true");
            }
            status = SaveStatus.of(saved.current(section), baseInput);
        } catch (EditConflictException e) {
            String diff = "/projects/" + project + "/versions?entity_type=story&section=" + section;
            status = SaveStatus.conflict(e.currentVersion(), e.savedByName(), "/projects/" + project + "/story", diff);
        } catch (ProblemException e) {
            if (e.type() == ProblemType.VALIDATION) {
                status = SaveStatus.error(message(e), base, baseInput);
            } else {
                throw e;
            }
        }
        model.addAttribute("status", status);
        return "studio/save-status";
    }

    private String message(ProblemException e) {
        Object errors = e.properties().get("errors");
        if (errors instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof FieldError error) {
            return fieldMessage(error.field(), error.message());
        }
        return e.getMessage();
    }

    private String fieldMessage(String field, String message) {
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {"studio.error.field"},
                new Object[] {field, message}, field + ": " + message), LocaleContextHolder.getLocale());
    }

    private StoryPageModels.StoryPage page(Stories.Story story) {
        Locale locale = LocaleContextHolder.getLocale();
        Details d = story.details();
        Map<String, String> details = new LinkedHashMap<>();
        Object[] values = {d.premise(), d.logline(), d.synopsis(), d.globalSynopsis(), d.duration(), d.format(), d.episodeCount(),
                d.episodeDuration(), d.genre(), d.subGenre(), d.tone(), d.intensity(), d.theme(), d.subTheme(), d.moralValues(),
                d.localValues(), d.plot(), d.twist(), d.conflictType(), d.targetAudience(), d.targetMarket(), d.ageRating()};
        for (int i = 0; i < DETAIL_FIELDS.size(); i++) {
            details.put(DETAIL_FIELDS.get(i), values[i] == null ? "" : values[i].toString());
        }
        List<StoryPageModels.StructureOption> structures = Arrays.stream(StoryStructure.values())
                .map(s -> new StoryPageModels.StructureOption(s.key(), s.name(locale), s.beats().size())).toList();
        return new StoryPageModels.StoryPage(story, tabs, story.project().canEdit(Section.STORY), details, StoryPageModels.cards(story.beats(), locale),
                story.beats().structure(), structures, curve(story, locale), story.wantNeed(),
                SaveStatus.of(story.current(StoryContent.DETAILS), "base-details"),
                SaveStatus.of(story.current(StoryContent.BEATS), "base-beats"),
                SaveStatus.of(story.current(StoryContent.WANT_NEED), "base-want-need"));
    }

    private String curve(Stories.Story story, Locale locale) {
        return StoryPageModels.curve(StoryPageModels.cards(story.beats(), locale), messages.getMessage("studio.curve.title", null, locale),
                messages.getMessage("studio.curve.desc", null, locale));
    }

    private static int base(Integer base) {
        return base == null || base < 0 ? 0 : base;
    }

    private static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed < 0 || parsed > 100_000 ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
