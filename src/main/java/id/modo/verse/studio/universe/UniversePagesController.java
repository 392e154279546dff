package id.modo.verse.studio.universe;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.media.MediaProblems;
import id.modo.verse.studio.EditConflictException;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.ai.AiFlow;
import id.modo.verse.studio.ai.StudioAiButtons;
import id.modo.verse.studio.section.PartForms;
import id.modo.verse.studio.section.PartSave;
import id.modo.verse.studio.section.SectionField;
import id.modo.verse.studio.section.StudioImages;
import id.modo.verse.studio.section.StudioPartForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/** The universe tab of a project: a form per part and the pictures of each section. */
@Controller
class UniversePagesController {

    private final Universes universes;
    private final UniverseImages universeImages;
    private final ProjectAccess access;
    private final StudioImages images;
    private final WorkspaceTabs tabs;
    private final StudioAiButtons studioAi;

    UniversePagesController(Universes universes, UniverseImages universeImages, ProjectAccess access, StudioImages images,
            WorkspaceTabs tabs, StudioAiButtons studioAi) {
        this.tabs = tabs;
        this.studioAi = studioAi;
        this.universes = universes;
        this.universeImages = universeImages;
        this.access = access;
        this.images = images;
    }

    @GetMapping("/projects/{projectId}/universe")
    String page(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @ModelAttribute("ui") Ui ui,
            @RequestParam(defaultValue = "") String notice, @RequestParam(defaultValue = "") String error, Model model) {
        ProjectView view = access.read(caller.id(), project);
        UniverseView universe = universes.get(caller.id(), project);
        model.addAttribute("page", page(view, universe, ui, notice, error, null));
        model.addAttribute("ai", studioAi.of(caller.id(), view, List.of(AiFlow.UNIVERSE)));
        return "studio/universe";
    }

    @PostMapping("/projects/{projectId}/universe/parts/{part}")
    String savePart(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable String part,
            @RequestParam MultiValueMap<String, String> posted, @ModelAttribute("ui") Ui ui, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!Universes.partKeys().contains(part)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "A universe has no such part.");
        }
        ProjectView view = access.read(caller.id(), project);
        return new PartSave<>(() -> universes.update(caller.id(), project, changes(part, posted)), () -> universes.get(caller.id(), project),
                universe -> partForm(view, universe, part, ui),
                UriComponentsBuilder.fromPath("/projects/{p}/universe").queryParam("notice", "saved").fragment("part-" + part)
                        .buildAndExpand(project).toUriString(),
                (current, refused) -> {
                    model.addAttribute("page", page(view, current, ui, "", "", refused));
                    return "studio/universe";
                }).answer(posted, ui, request, response, model);
    }

    @PostMapping(path = "/projects/{projectId}/universe/images/{section}/{field}", consumes = "multipart/form-data")
    String uploadImage(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable String section,
            @PathVariable String field, @RequestParam(name = "base_version", defaultValue = "0") String base,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        String target = "/projects/" + project + "/universe";
        if (file == null || file.isEmpty()) {
            return "redirect:" + target + "?error=image#pictures";
        }
        int baseVersion;
        try {
            baseVersion = Math.max(0, Integer.parseInt(base.strip()));
        } catch (NumberFormatException e) {
            baseVersion = 0;
        }
        try (InputStream content = file.getInputStream()) {
            universeImages.upload(caller.id(), project, section, field, baseVersion, file.getOriginalFilename(), content);
            return "redirect:" + target + "?notice=image#pictures";
        } catch (ProblemException e) {
            if (e instanceof EditConflictException) {
                return "redirect:" + target + "?error=conflict#pictures";
            }
            if (!MediaProblems.FILE_REFUSED.contains(e.type())) {
                throw e;
            }
            return "redirect:" + target + "?error=" + (MediaProblems.TOO_LARGE.contains(e.type()) ? "quota" : "image") + "#pictures";
        }
    }

    private UniversePages.UniversePage page(ProjectView view, UniverseView universe, Ui ui, String notice, String error, StudioPartForm replaced) {
        List<StudioPartForm> parts = new ArrayList<>();
        for (String part : Universes.partKeys()) {
            parts.add(replaced != null && replaced.id().equals("part-" + part) ? replaced : partForm(view, universe, part, ui));
        }
        List<UniversePages.Picture> pictures = new ArrayList<>();
        for (UniverseSection section : UniverseSection.values()) {
            for (SectionField field : section.fields()) {
                if (field.kind() == SectionField.Kind.IMAGE) {
                    String label = section.label(ui.locale()) + (section == UniverseSection.VISUALIZATIONS ? ": " + field.label(ui.locale()) : "");
                    pictures.add(new UniversePages.Picture(section.key(), field.key(), label,
                            images.url(view.organizationId(), universe.section(section).get(field.key())), universe.baseVersion(section.key())));
                }
            }
        }
        return new UniversePages.UniversePage(view, tabs, parts, pictures, view.canEdit(Section.UNIVERSE),
                notice.isBlank() ? null : ui.t("universe.notice." + safe(notice)), error.isBlank() ? null : ui.t("universe.error." + safe(error)));
    }

    private StudioPartForm partForm(ProjectView view, UniverseView universe, String part, Ui ui) {
        List<StudioPartForm.Input> inputs;
        String title;
        if (Universes.DETAILS.equals(part)) {
            title = ui.t("universe.part.details");
            inputs = List.of(
                    new StudioPartForm.Input("name", ui.t("universe.field.name"), nz(universe.name()), StudioPartForm.Kind.LINE, Universes.NAME_MAX,
                            List.of()),
                    new StudioPartForm.Input("description", ui.t("universe.field.description"), nz(universe.description()),
                            StudioPartForm.Kind.TEXT, Universes.DESCRIPTION_MAX, List.of()));
        } else {
            UniverseSection section = UniverseSection.byKey(part).orElseThrow();
            title = section.label(ui.locale());
            inputs = PartForms.sectionInputs(section, universe.section(section), ui, reference -> images.url(view.organizationId(), reference));
        }
        return PartForms.form(part, "/projects/" + view.id() + "/universe/parts/" + part, title, inputs, universe.versions().get(part),
                view.canEdit(Section.UNIVERSE), ui);
    }

    private static UniverseChanges changes(String part, MultiValueMap<String, String> posted) {
        Map<String, Integer> base = Map.of(part, PartForms.baseVersion(posted));
        if (Universes.DETAILS.equals(part)) {
            return new UniverseChanges(nz(posted.getFirst("name")), nz(posted.getFirst("description")), Map.of(), base);
        }
        UniverseSection section = UniverseSection.byKey(part).orElseThrow();
        return new UniverseChanges(null, null, Map.of(section, PartForms.sectionValues(section, posted)), base);
    }

    private static String safe(String key) {
        return key.matches("[a-z]{1,20}") ? key : "other";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
