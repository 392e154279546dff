package id.modo.verse.studio.moodboard;

import id.modo.verse.ai.AiFieldButtons;
import id.modo.verse.ai.AiProblems;
import id.modo.verse.ai.GenerationType;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.media.AssetType;
import id.modo.verse.media.Assets;
import id.modo.verse.media.MediaProblems;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.section.StudioImages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

/**
 * The moodboard tab of a project: the story's acts and beats with their items as cards, an edit form per item, move
 * buttons that work without scripts (and drag and drop with them), picture upload or pick, and the AI buttons. Every
 * action goes through the same service and permission (the story's) as the API.
 */
@Controller
class MoodboardPagesController {

    static final List<String> FIELDS = List.of("description", "ai_prompt", "image", "animation_style", "color_mood", "lighting",
            "references", "notes", "status");
    private static final int LIBRARY_SIZE = 12;

    private final Moodboards moodboards;
    private final MoodboardAi ai;
    private final StudioImages images;
    private final Assets assets;
    private final AiFieldButtons aiButtons;
    private final WorkspaceTabs tabs;

    MoodboardPagesController(Moodboards moodboards, MoodboardAi ai, StudioImages images, Assets assets, AiFieldButtons aiButtons,
            WorkspaceTabs tabs) {
        this.moodboards = moodboards;
        this.ai = ai;
        this.images = images;
        this.assets = assets;
        this.aiButtons = aiButtons;
        this.tabs = tabs;
    }

    @GetMapping("/projects/{projectId}/moodboard")
    String page(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @ModelAttribute("ui") Ui ui,
            @RequestParam(defaultValue = "") String notice, @RequestParam(defaultValue = "") String error, Model model) {
        model.addAttribute("page", page(caller, projectId, ui, notice, error, null, Map.of(), Map.of()));
        return "studio/moodboard";
    }

    @PostMapping("/projects/{projectId}/moodboard/items")
    String add(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @RequestParam("beat_key") String beatKey,
            @RequestParam(name = "key_action_index", required = false) Integer keyActionIndex) {
        MoodboardItem item = moodboards.create(caller.id(), projectId, beatKey, keyActionIndex,
                new MoodboardChanges(null, null, null, null, null, null, null, null, null));
        return "redirect:/projects/" + projectId + "/moodboard?notice=added#item-" + item.id();
    }

    @PostMapping("/projects/{projectId}/moodboard/items/{itemId}")
    String save(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @RequestParam MultiValueMap<String, String> form, @ModelAttribute("ui") Ui ui, HttpServletResponse response, Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, Objects.requireNonNullElse(form.getFirst(field), "")));
        MoodboardChanges changes = new MoodboardChanges(typed.get("description"), typed.get("ai_prompt"), typed.get("image"),
                typed.get("animation_style"), typed.get("color_mood"), typed.get("lighting"),
                Arrays.stream(typed.get("references").split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                // A picture being made keeps its status: the form shows it but only Generate image sets it.
                typed.get("notes"), MoodboardItem.GENERATING.equals(typed.get("status")) ? null : typed.get("status"));
        try {
            moodboards.update(caller.id(), projectId, itemId, version(form.getFirst("version")), changes);
            return "redirect:/projects/" + projectId + "/moodboard?notice=saved#item-" + itemId;
        } catch (ProblemException e) {
            boolean stale = e.type() == ProblemType.CONCURRENT_CHANGE;
            if (e.type() != ProblemType.VALIDATION && !stale) {
                throw e;
            }
            response.setStatus(e.type().status().value());
            Map<String, String> errors = stale ? Map.of() : MoodboardChanges.fieldErrors(e);
            model.addAttribute("page", page(caller, projectId, ui, "", stale ? "conflict" : "invalid", itemId, typed, errors));
            return "studio/moodboard";
        }
    }

    @PostMapping("/projects/{projectId}/moodboard/items/{itemId}/move")
    String move(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @RequestParam(defaultValue = "") String direction, @RequestParam(defaultValue = "") String version) {
        return redirect(projectId, itemId, () -> moodboards.move(caller.id(), projectId, itemId, version(version), "up".equals(direction)), "moved");
    }

    @PostMapping("/projects/{projectId}/moodboard/items/{itemId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @RequestParam(defaultValue = "") String version) {
        return redirect(projectId, null, () -> moodboards.delete(caller.id(), projectId, itemId, version(version)), "deleted");
    }

    @PostMapping("/projects/{projectId}/moodboard/beats/{beatKey}/split")
    String split(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable String beatKey) {
        moodboards.split(caller.id(), projectId, beatKey);
        return "redirect:/projects/" + projectId + "/moodboard?notice=split#beat-" + beatKey;
    }

    @PostMapping(path = "/projects/{projectId}/moodboard/items/{itemId}/image", consumes = "multipart/form-data")
    String upload(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return "redirect:/projects/" + projectId + "/moodboard?error=image#item-" + itemId;
        }
        try (InputStream content = file.getInputStream()) {
            moodboards.upload(caller.id(), projectId, itemId, file.getOriginalFilename(), content);
            return "redirect:/projects/" + projectId + "/moodboard?notice=image#item-" + itemId;
        } catch (ProblemException e) {
            if (!MediaProblems.FILE_REFUSED.contains(e.type())) {
                throw e;
            }
            return "redirect:/projects/" + projectId + "/moodboard?error=" + (MediaProblems.TOO_LARGE.contains(e.type()) ? "quota" : "image")
                    + "#item-" + itemId;
        }
    }

    @PostMapping("/projects/{projectId}/moodboard/items/{itemId}/prompt")
    String writePrompt(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @ModelAttribute("ui") Ui ui) {
        return redirect(projectId, itemId, () -> ai.writePrompt(caller.id(), projectId, itemId, "id".equals(ui.lang()) ? "id" : "en"), "prompt");
    }

    @PostMapping("/projects/{projectId}/moodboard/items/{itemId}/generate")
    String generate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId) {
        return redirect(projectId, itemId, () -> ai.generateImage(caller.id(), projectId, itemId), "generating");
    }

    /** The new order after a drag and drop ({@code static/js/moodboard.js}): each {@code item} is {@code id:version:beat[:key action]}. */
    @PostMapping("/projects/{projectId}/moodboard/order")
    ResponseEntity<Void> order(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @RequestParam(name = "item", required = false) List<String> order) {
        List<Moodboards.Placement> placements = new ArrayList<>();
        for (String entry : order == null ? List.<String>of() : order) {
            String[] parts = entry.split(":", -1);
            UUID id;
            try {
                id = UUID.fromString(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "An item of the order is not an item id.");
            }
            placements.add(new Moodboards.Placement(id, parts.length > 1 ? version(parts[1]) : null, parts.length > 2 ? parts[2] : null,
                    parts.length > 3 ? version(parts[3]) : null));
        }
        moodboards.reorder(caller.id(), projectId, placements);
        return ResponseEntity.noContent().build();
    }

    private String redirect(ProjectId project, UUID item, Runnable action, String notice) {
        String anchor = item == null ? "" : "#item-" + item;
        try {
            action.run();
            return "redirect:/projects/" + project + "/moodboard?notice=" + notice + anchor;
        } catch (ProblemException e) {
            String error = switch (e.type().status().value()) {
                case 400 -> "invalid";
                case 402 -> "credits";
                case 409 -> e.type() == ProblemType.CONCURRENT_CHANGE ? "conflict" : e.type() == AiProblems.NOT_CONFIGURED ? "ai" : "busy";
                case 429 -> "busy";
                case 502, 503 -> "provider";
                default -> null;
            };
            if (error == null) {
                throw e;
            }
            return "redirect:/projects/" + project + "/moodboard?error=" + error + anchor;
        }
    }

    private MoodboardPage page(CurrentUser caller, ProjectId projectId, Ui ui, String notice, String error, UUID refused,
            Map<String, String> typed, Map<String, String> errors) {
        Moodboards.Board board = moodboards.board(caller.id(), projectId, ui.locale());
        boolean editable = board.project().canEdit(Section.STORY);
        List<MoodboardPage.LibraryPicture> library = editable ? library(caller, board) : List.of();
        List<String> references = new ArrayList<>(MoodboardApiController.references(board.items()));
        Map<String, String> thumbnails = images.thumbnailUrls(board.project().organizationId(), references);
        Map<Integer, List<MoodboardPage.BeatRow>> acts = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (MoodboardBeats.Beat beat : board.structure().beats()) {
            keys.add(beat.key());
            List<MoodboardItem> items = board.items().stream().filter(i -> i.beatKey().equals(beat.key())).toList();
            List<MoodboardPage.Card> cards = cards(items, beat, thumbnails, refused, typed, errors);
            acts.computeIfAbsent(beat.act(), a -> new ArrayList<>()).add(new MoodboardPage.BeatRow(beat.key(), beat.title(), beat.text(),
                    beat.keyActions().stream().map(MoodboardBeats.KeyAction::text).toList(), cards));
        }
        List<MoodboardPage.Card> unplaced = cards(board.items().stream().filter(i -> !keys.contains(i.beatKey())).toList(), null, thumbnails,
                refused, typed, errors);
        var organization = board.project().organizationId();
        return new MoodboardPage(board.project(), tabs, editable, board.structure().name(),
                acts.entrySet().stream().map(e -> new MoodboardPage.Act(e.getKey(), e.getValue())).toList(), unplaced, library,
                editable ? aiButtons.forField(caller.id(), organization, projectId.value(), GenerationType.MOODBOARD_PROMPT).orElse(null) : null,
                editable ? aiButtons.forField(caller.id(), organization, projectId.value(), GenerationType.MOODBOARD_IMAGE).orElse(null) : null,
                notice.isBlank() ? null : ui.t("moodboard.notice." + safe(notice)), error.isBlank() ? null : ui.t("moodboard.error." + safe(error)),
                moodboards.promptProposals(caller.id(), projectId));
    }

    private static List<MoodboardPage.Card> cards(List<MoodboardItem> items, MoodboardBeats.Beat beat, Map<String, String> thumbnails,
            UUID refused, Map<String, String> typed, Map<String, String> errors) {
        List<MoodboardPage.Card> cards = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MoodboardItem item = items.get(i);
            Integer action = item.keyActionIndex();
            boolean firstOfGroup = i == 0 || !Objects.equals(items.get(i - 1).keyActionIndex(), action);
            boolean lastOfGroup = i == items.size() - 1 || !Objects.equals(items.get(i + 1).keyActionIndex(), action);
            String keyAction = beat != null && action != null && action < beat.keyActions().size() ? beat.keyActions().get(action).text() : null;
            boolean isRefused = item.id().equals(refused);
            cards.add(new MoodboardPage.Card(item, item.image() == null ? null : thumbnails.get(item.image()), keyAction, firstOfGroup,
                    lastOfGroup, isRefused ? typed : values(item), isRefused ? errors : Map.of(), isRefused));
        }
        return cards;
    }

    private static Map<String, String> values(MoodboardItem item) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("description", nz(item.description()));
        values.put("ai_prompt", nz(item.aiPrompt()));
        values.put("image", nz(item.image()));
        values.put("animation_style", nz(item.animationStyle()));
        values.put("color_mood", nz(item.colorMood()));
        values.put("lighting", nz(item.lighting()));
        values.put("references", String.join("\n", item.references()));
        values.put("notes", nz(item.notes()));
        values.put("status", item.status());
        return values;
    }

    /** The project's latest pictures, to pick one for an item without uploading it again. */
    private List<MoodboardPage.LibraryPicture> library(CurrentUser caller, Moodboards.Board board) {
        return assets.page(caller.id(), board.project().organizationId(), board.project().id().value(), AssetType.IMAGE, null, LIBRARY_SIZE)
                .items().stream()
                .map(a -> new MoodboardPage.LibraryPicture("/media/" + a.id().value(),
                        local(a.thumbnailUrl() != null ? a.thumbnailUrl() : a.url()), a.originalName()))
                .toList();
    }

    private static String local(java.net.URI url) {
        if (url == null) {
            return null;
        }
        return url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
    }

    private static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String safe(String key) {
        return key.matches("[a-z]{1,20}") ? key : "other";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
