package id.modo.verse.studio.character;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.media.MediaProblems;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.ai.CharacterPictures;
import id.modo.verse.studio.section.PartForms;
import id.modo.verse.studio.section.PartSave;
import id.modo.verse.studio.section.StudioImages;
import id.modo.verse.studio.section.StudioPartForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

/** The characters tab of a project: cards, the relationship graph, and a form per part of a character. */
@Controller
class CharacterPagesController {

    private final Characters characters;
    private final ProjectAccess access;
    private final StudioImages images;
    private final CharacterImages characterImages;
    private final WorkspaceTabs tabs;
    private final id.modo.verse.studio.ai.StudioAiButtons studioAi;
    private final CharacterPictures pictures;

    CharacterPagesController(Characters characters, ProjectAccess access, StudioImages images, CharacterImages characterImages,
            WorkspaceTabs tabs, id.modo.verse.studio.ai.StudioAiButtons studioAi, CharacterPictures pictures) {
        this.tabs = tabs;
        this.pictures = pictures;
        this.studioAi = studioAi;
        this.characters = characters;
        this.access = access;
        this.images = images;
        this.characterImages = characterImages;
    }

    @GetMapping("/projects/{projectId}/characters")
    String list(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @ModelAttribute("ui") Ui ui,
            @RequestParam(defaultValue = "") String error, Model model) {
        ProjectView view = access.read(caller.id(), project);
        List<CharacterView> all = characters.list(caller.id(), project);
        StudioImages.Pictures pictures = images.pictures(view.organizationId(), all.stream().map(CharacterView::imageUrl).toList());
        List<CharacterPages.Card> cards = all.stream().map(c -> CharacterPages.card(c, ui.locale(), pictures::thumbnailUrl)).toList();
        String svg = characters.graph(all, CharacterPages.graphTexts(ui), "relationship-graph", "/projects/" + project + "/characters/");
        model.addAttribute("page", new CharacterPages.ListPage(view, tabs, cards, svg, view.canEdit(Section.CHARACTERS), roles(ui), types(ui),
                error.isBlank() ? null : ui.t("characters.error." + (error.equals("name") ? "name" : "other"))));
        return "studio/characters";
    }

    @PostMapping("/projects/{projectId}/characters")
    String create(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role) {
        try {
            CharacterView created = characters.create(caller.id(), project,
                    new CharacterChanges(name, role, null, null, Map.of(), null, null, Map.of()));
            return "redirect:/projects/" + project + "/characters/" + created.id();
        } catch (ProblemException e) {
            if (e.type() != ProblemType.VALIDATION) {
                throw e;
            }
            return "redirect:/projects/" + project + "/characters?error=name";
        }
    }

    /** The drag-and-drop reorder of the list page (static/js/characters.js posts the new order). */
    @PostMapping("/projects/{projectId}/characters/order")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reorder(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(name = "character_ids", defaultValue = "") List<String> ids) {
        List<UUID> order = new ArrayList<>();
        for (String id : ids) {
            UUID parsed = ListFilters.pathId(id);
            if (parsed == null) {
                throw new ProblemException(ProblemType.VALIDATION, "character_ids holds something that is not a character id.");
            }
            order.add(parsed);
        }
        characters.reorder(caller.id(), projectId, order);
    }

    @GetMapping("/projects/{projectId}/characters/{characterId}")
    String detail(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable CharacterId characterId,
            @ModelAttribute("ui") Ui ui, @RequestParam(defaultValue = "") String notice, @RequestParam(defaultValue = "") String error,
            Model model) {
        ProjectView view = access.read(caller.id(), project);
        CharacterView character = characters.get(caller.id(), project, characterId.value());
        model.addAttribute("page", detailPage(view, character, characters.list(caller.id(), project), ui, notice, error, null));
        model.addAttribute("ai", studioAi.of(caller.id(), view, java.util.List.of(id.modo.verse.studio.ai.AiFlow.CHARACTER_PROFILE)));
        model.addAttribute("pictureButton", studioAi.picture(caller.id(), view, character.id()));
        model.addAttribute("picture", pictures.of(caller.id(), project, character.id()).orElse(null));
        return "studio/character";
    }

    @PostMapping("/projects/{projectId}/characters/{characterId}/parts/{part}")
    String savePart(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable CharacterId characterId,
            @PathVariable String part, @RequestParam MultiValueMap<String, String> posted, @ModelAttribute("ui") Ui ui,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        UUID id = characterId.value();
        if (!Characters.partKeys().contains(part)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "A character has no such part.");
        }
        ProjectView view = access.read(caller.id(), project);
        return new PartSave<>(() -> characters.update(caller.id(), project, id, changes(part, posted)),
                () -> characters.get(caller.id(), project, id), character -> partForm(view, character, part, ui),
                UriComponentsBuilder.fromPath("/projects/{p}/characters/{c}").queryParam("notice", "saved").fragment("part-" + part)
                        .buildAndExpand(project, id).toUriString(),
                (current, refused) -> {
                    model.addAttribute("page", detailPage(view, current, characters.list(caller.id(), project), ui, "", "", refused));
                    return "studio/character";
                }).answer(posted, ui, request, response, model);
    }

    @PostMapping("/projects/{projectId}/characters/{characterId}/relationships")
    String relate(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable CharacterId characterId,
            @RequestParam(name = "character_id", defaultValue = "") String other,
            @RequestParam(name = "relationship_type", defaultValue = "") String type,
            @RequestParam(defaultValue = "") String description) {
        UUID id = characterId.value();
        String target = "/projects/" + project + "/characters/" + id;
        try {
            characters.relate(caller.id(), project, id, ListFilters.pathId(other), RelationshipType.byKey(type).orElse(null), description);
            return "redirect:" + target + "?notice=related#relationships";
        } catch (ProblemException e) {
            if (e.type() != ProblemType.VALIDATION) {
                throw e;
            }
            return "redirect:" + target + "?error=relationship#relationships";
        }
    }

    @PostMapping("/projects/{projectId}/characters/{characterId}/relationships/{otherId}/delete")
    String unrelate(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable CharacterId characterId,
            @PathVariable CharacterId otherId) {
        UUID id = characterId.value();
        characters.unrelate(caller.id(), project, id, otherId.value());
        return "redirect:/projects/" + project + "/characters/" + id + "?notice=unrelated#relationships";
    }

    @PostMapping(path = "/projects/{projectId}/characters/{characterId}/image", consumes = "multipart/form-data")
    String uploadImage(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable CharacterId characterId,
            @RequestParam(defaultValue = "") String pose, @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        UUID id = characterId.value();
        String target = "/projects/" + project + "/characters/" + id;
        if (file == null || file.isEmpty()) {
            return "redirect:" + target + "?error=image#images";
        }
        try (InputStream content = file.getInputStream()) {
            characterImages.upload(caller.id(), project, id, CharacterApiController.pose(pose), file.getOriginalFilename(), content);
            return "redirect:" + target + "?notice=image#images";
        } catch (ProblemException e) {
            if (!MediaProblems.FILE_REFUSED.contains(e.type())) {
                throw e;
            }
            return "redirect:" + target + "?error=" + (MediaProblems.TOO_LARGE.contains(e.type()) ? "quota" : "image") + "#images";
        }
    }

    @PostMapping("/projects/{projectId}/characters/{characterId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId project, @PathVariable CharacterId characterId) {
        characters.delete(caller.id(), project, characterId.value());
        return "redirect:/projects/" + project + "/characters";
    }

    private CharacterPages.DetailPage detailPage(ProjectView view, CharacterView character, List<CharacterView> all, Ui ui, String notice,
            String error, StudioPartForm replaced) {
        List<StudioPartForm> parts = new ArrayList<>();
        for (String part : Characters.partKeys()) {
            parts.add(replaced != null && replaced.id().equals("part-" + part) ? replaced : partForm(view, character, part, ui));
        }
        List<CharacterPages.Pose> poses = Arrays.stream(ImagePose.values())
                .map(p -> new CharacterPages.Pose(p.key(), p.label(ui.locale()),
                        images.url(view.organizationId(), character.imagePoses().get(p.key())))).toList();
        List<CharacterPages.Relation> relations = CharacterPages.relations(character, ui.locale());
        List<StudioPartForm.Choice> others = all.stream().filter(c -> !c.id().equals(character.id()))
                .map(c -> new StudioPartForm.Choice(c.id().toString(), c.name())).toList();
        return new CharacterPages.DetailPage(view, tabs, character, parts, poses, images.url(view.organizationId(), character.imageUrl()),
                view.canEdit(Section.CHARACTERS), relations, others, types(ui), true, notice.isBlank() ? null : ui.t("characters.notice." + safe(notice)),
                error.isBlank() ? null : ui.t("characters.error." + safe(error)));
    }

    private static String safe(String key) {
        return key.matches("[a-z]{1,20}") ? key : "other";
    }

    StudioPartForm partForm(ProjectView view, CharacterView character, String part, Ui ui) {
        List<StudioPartForm.Input> inputs;
        String title;
        if (Characters.PROFILE.equals(part)) {
            title = ui.t("characters.part.profile");
            List<StudioPartForm.Choice> roles = new ArrayList<>();
            roles.add(new StudioPartForm.Choice("", ui.t("characters.role.none")));
            roles.addAll(roles(ui));
            inputs = List.of(
                    new StudioPartForm.Input("name", ui.t("characters.field.name"), nz(character.name()), StudioPartForm.Kind.LINE, Characters.NAME_MAX, List.of()),
                    new StudioPartForm.Input("role", ui.t("characters.field.role"), character.role() == null ? "" : character.role().dbValue(),
                            StudioPartForm.Kind.CHOICE, 20, roles),
                    new StudioPartForm.Input("archetype", ui.t("characters.field.archetype"), nz(character.archetype()), StudioPartForm.Kind.LINE,
                            Characters.ARCHETYPE_MAX, List.of()),
                    new StudioPartForm.Input("cast_reference", ui.t("characters.field.cast_reference"), nz(character.castReference()),
                            StudioPartForm.Kind.LINE, Characters.CAST_MAX, List.of()));
        } else if (Characters.ARC.equals(part)) {
            title = ui.t("characters.part.arc");
            inputs = List.of(
                    new StudioPartForm.Input("character_arc", ui.t("characters.field.character_arc"), nz(character.characterArc()),
                            StudioPartForm.Kind.TEXT, Characters.ARC_MAX, List.of()),
                    new StudioPartForm.Input("transformation", ui.t("characters.field.transformation"), nz(character.transformation()),
                            StudioPartForm.Kind.TEXT, Characters.ARC_MAX, List.of()));
        } else {
            CharacterSection section = CharacterSection.byKey(part).orElseThrow();
            title = section.label(ui.locale());
            inputs = PartForms.sectionInputs(section, character.section(section), ui, reference -> images.url(view.organizationId(), reference));
        }
        return PartForms.form(part, "/projects/" + view.id() + "/characters/" + character.id() + "/parts/" + part, title, inputs,
                character.versions().get(part), view.canEdit(Section.CHARACTERS), ui);
    }

    private static CharacterChanges changes(String part, MultiValueMap<String, String> posted) {
        Map<String, Integer> base = Map.of(part, PartForms.baseVersion(posted));
        if (Characters.PROFILE.equals(part)) {
            return new CharacterChanges(nz(posted.getFirst("name")), nz(posted.getFirst("role")), nz(posted.getFirst("archetype")),
                    nz(posted.getFirst("cast_reference")), Map.of(), null, null, base);
        }
        if (Characters.ARC.equals(part)) {
            return new CharacterChanges(null, null, null, null, Map.of(), nz(posted.getFirst("character_arc")),
                    nz(posted.getFirst("transformation")), base);
        }
        CharacterSection section = CharacterSection.byKey(part).orElseThrow();
        return new CharacterChanges(null, null, null, null, Map.of(section, PartForms.sectionValues(section, posted)), null, null, base);
    }

    private static List<StudioPartForm.Choice> roles(Ui ui) {
        return Arrays.stream(CharacterRole.values()).map(r -> new StudioPartForm.Choice(r.dbValue(), r.label(ui.locale()))).toList();
    }

    static List<StudioPartForm.Choice> types(Ui ui) {
        return Arrays.stream(RelationshipType.values()).map(t -> new StudioPartForm.Choice(t.key(), t.label(ui.locale()))).toList();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
