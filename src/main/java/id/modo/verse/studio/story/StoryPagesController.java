package id.modo.verse.studio.story;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.EditConflictException;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.SaveStatus;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.CustomBeat;
import id.modo.verse.studio.story.StoryContent.Details;
import id.modo.verse.studio.story.StoryContent.Need;
import id.modo.verse.studio.story.StoryContent.Want;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import jakarta.servlet.http.HttpServletRequest;
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

    StoryPagesController(Stories stories, WorkspaceTabs tabs, org.springframework.context.MessageSource messages,
            id.modo.verse.ai.AiFieldButtons aiButtons) {
        this.stories = stories;
        this.tabs = tabs;
        this.messages = messages;
        this.aiButtons = aiButtons;
    }

    @GetMapping("/projects/{projectId}/story")
    String story(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, Model model) {
        Stories.Story story = stories.get(caller.id(), projectId);
        model.addAttribute("page", page(story));
        model.addAttribute("aiSynopsis", aiButtons.forField(caller.id(), story.project().organizationId(), projectId.value(),
                id.modo.verse.ai.GenerationType.SYNOPSIS).orElse(null));
        return "studio/story";
    }

    @PostMapping("/projects/{projectId}/story/details")
    String saveDetails(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @RequestParam Map<String, String> form, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
        int base = base(form);
        Details change = new Details(form.get("premise"), form.get("logline"), form.get("synopsis"), form.get("global_synopsis"),
                form.get("duration"), form.get("format"), integer(form.get("episode_count")), integer(form.get("episode_duration")),
                form.get("genre"), form.get("sub_genre"), form.get("tone"), form.get("intensity"), form.get("theme"), form.get("sub_theme"),
                form.get("moral_values"), form.get("local_values"), form.get("plot"), form.get("twist"), form.get("conflict_type"),
                form.get("target_audience"), form.get("target_market"), form.get("age_rating"));
        return save(request, response, model, id, StoryContent.DETAILS, "base-details", base, () -> {
            checkDetails(change);
            return stories.saveDetails(caller.id(), id, change, base);
        });
    }

    @PostMapping("/projects/{projectId}/story/beats")
    String saveBeats(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @RequestParam Map<String, String> form,
            @RequestParam(name = "custom_key", required = false) List<String> customKeys,
            @RequestParam(name = "custom_title", required = false) List<String> customTitles, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
        int base = base(form);
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
        return save(request, response, model, id, StoryContent.BEATS, "base-beats", base, () -> {
            Stories.Story current = stories.get(caller.id(), id);
            BeatSet withActions = new BeatSet(set.structure(), set.customBeats(), set.beats(), set.intensities(),
                    set.structure().equals(current.beats().structure()) ? current.beats().keyActions() : Map.of());
            return stories.saveBeats(caller.id(), id, withActions, base);
        });
    }

    @PostMapping("/projects/{projectId}/story/want-need")
    String saveWantNeed(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @RequestParam Map<String, String> form, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
        int base = base(form);
        String ending = form.getOrDefault("ending_type", "");
        WantNeed matrix = new WantNeed(
                new Want(blank(form.get("want_external")), blank(form.get("want_known")), blank(form.get("want_specific")),
                        form.containsKey("want_achieved")),
                new Need(blank(form.get("need_internal")), blank(form.get("need_unknown")), blank(form.get("need_universal")),
                        form.containsKey("need_achieved")),
                List.of("happy", "bittersweet", "hollow", "tragic", "open").contains(ending) ? ending : null);
        return save(request, response, model, id, StoryContent.WANT_NEED, "base-want-need", base, () -> {
            for (String value : new String[] {matrix.want().external(), matrix.want().known(), matrix.want().specific(),
                    matrix.need().internal(), matrix.need().unknown(), matrix.need().universal()}) {
                if (value != null && value.length() > 5000) {
                    throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                            Map.of("errors", List.of(new FieldError("want_need", "must be at most 5000 characters"))));
                }
            }
            return stories.saveWantNeed(caller.id(), id, matrix, base);
        });
    }


    private interface Save {
        Stories.Story run();
    }

    private String save(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model, ProjectId project, String section, String baseInput, int base, Save save) {
        boolean htmx = request.getHeader("HX-Request") != null;
        SaveStatus status;
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
            return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {"studio.error.field"},
                    new Object[] {error.field(), error.message()}, error.field() + ": " + error.message()), LocaleContextHolder.getLocale());
        }
        return e.getMessage();
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

    private static void checkDetails(Details change) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "format", change.format(), List.of("feature", "series", "short_movie", "short_video"));
        check(errors, "intensity", change.intensity(), List.of("light", "moderate", "intense"));
        check(errors, "age_rating", change.ageRating(), List.of("G", "PG", "PG-13", "R", "NC-17"));
        for (String text : new String[] {change.genre(), change.subGenre(), change.tone(), change.conflictType(), change.targetAudience(),
                change.targetMarket()}) {
            if (text != null && text.length() > 100) {
                errors.add(new FieldError("details", "a short field is longer than 100 characters"));
            }
        }
        for (String text : new String[] {change.premise(), change.synopsis(), change.globalSynopsis(), change.plot(), change.twist(),
                change.moralValues(), change.localValues(), change.logline(), change.theme(), change.subTheme(), change.duration()}) {
            if (text != null && text.length() > 100_000) {
                errors.add(new FieldError("details", "a text is longer than 100000 characters"));
            }
        }
        if ((change.theme() != null && change.theme().length() > 255) || (change.subTheme() != null && change.subTheme().length() > 255)
                || (change.duration() != null && change.duration().length() > 50)) {
            errors.add(new FieldError("theme", "is too long"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
    }

    private static void check(List<FieldError> errors, String field, String value, List<String> allowed) {
        if (value != null && !value.isEmpty() && !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
        }
    }

    private static int base(Map<String, String> form) {
        Integer base = integer(form.get("base_version"));
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

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
