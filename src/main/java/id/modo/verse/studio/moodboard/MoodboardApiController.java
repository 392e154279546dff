package id.modo.verse.studio.moodboard;

import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.section.StudioImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Moodboard", description = "A project's moodboard: pictures per beat and key action, in story order")
@RestController
@RequestMapping("/api/v1/projects/{projectId}/moodboard")
class MoodboardApiController {

    private final Moodboards moodboards;
    private final MoodboardAi ai;
    private final StudioImages images;

    MoodboardApiController(Moodboards moodboards, MoodboardAi ai, StudioImages images) {
        this.moodboards = moodboards;
        this.ai = ai;
        this.images = images;
    }

    @Schema(name = "MoodboardItemCreateRequest", description = """
            `beat_key` must be a beat of the project's structure; `key_action_index` (optional) one of the beat's key \
            actions, from 0. `image` is a picture of the organization's media library (`/media/{asset_id}` or the asset id); \
            `references` are http(s) addresses or such pictures. The item goes last in its beat (or key action).""")
    record CreateRequest(@Size(max = 60) String beatKey, Integer keyActionIndex, String description, String aiPrompt, String image,
            @Schema(allowableValues = {"cartoon", "sketch", "3d", "vector", "realistic", ""}) String animationStyle, String colorMood,
            String lighting, List<String> references, String notes,
            @Schema(allowableValues = {"pending", "completed", "failed"}) String status) {

        MoodboardChanges changes() {
            return new MoodboardChanges(description, aiPrompt, image, animationStyle, colorMood, lighting, references, notes, status);
        }
    }

    @Schema(name = "MoodboardItemPatchRequest", description = """
            Only the members sent change; an empty string clears a text or the picture; `references` sent replaces the list. \
            `version` is the item's version the edit started from: another change since answers 409 `concurrent-change`.""")
    record PatchRequest(@NotNull Integer version, String description, String aiPrompt, String image,
            @Schema(allowableValues = {"cartoon", "sketch", "3d", "vector", "realistic", ""}) String animationStyle, String colorMood,
            String lighting, List<String> references, String notes,
            @Schema(allowableValues = {"pending", "completed", "failed"}) String status) {

        MoodboardChanges changes() {
            return new MoodboardChanges(description, aiPrompt, image, animationStyle, colorMood, lighting, references, notes, status);
        }
    }

    @Schema(name = "MoodboardPlacement")
    record PlacementRequest(UUID id, Integer version, String beatKey, Integer keyActionIndex) {
    }

    @Schema(name = "MoodboardOrderRequest", description = """
            Every item of the moodboard once, in the new order, each with the beat (and key action) it goes to and the version \
            read: a changed item answers 409 `concurrent-change` and nothing moves.""")
    record OrderRequest(@NotNull @Size(max = 2_000) List<PlacementRequest> items) {
    }

    @Schema(name = "MoodboardPromptRequest")
    record PromptRequest(@Schema(allowableValues = {"en", "id"}, nullable = true) String language) {
    }

    @Schema(name = "MoodboardItem")
    record ItemResponse(UUID id, String beatKey, int beatIndex, @Schema(nullable = true) Integer keyActionIndex, int position,
            @Schema(nullable = true) String description, @Schema(nullable = true) String aiPrompt,
            @Schema(nullable = true, description = "The picture's stable reference, `/media/{asset_id}`") String image,
            @Schema(nullable = true, description = "A short-lived URL to fetch the picture now") String imageUrl,
            @Schema(nullable = true) String thumbnailUrl, @Schema(nullable = true) String animationStyle,
            @Schema(nullable = true) String colorMood, @Schema(nullable = true) String lighting, List<String> references,
            @Schema(description = "`references` as URLs to fetch now (pictures signed, addresses as given)") List<String> referenceUrls,
            @Schema(nullable = true) String notes, @Schema(allowableValues = {"pending", "generating", "completed", "failed"}) String status,
            @Schema(nullable = true) UUID generationId, @Schema(nullable = true) UUID promptGenerationId,
            @Schema(nullable = true) String errorMessage, int version, Instant createdAt, Instant updatedAt,
            @Schema(nullable = true, description = "a written prompt waiting to be accepted or discarded at /api/v1/projects/{id}/ai/proposals/{this}")
            UUID promptProposalId) {

        static ItemResponse of(MoodboardItem i, StudioImages.Pictures pictures, Map<UUID, UUID> proposals) {
            List<String> urls = new ArrayList<>();
            for (String reference : i.references()) {
                urls.add(StudioImages.isReference(reference) ? pictures.url(reference) : reference);
            }
            return new ItemResponse(i.id(), i.beatKey(), i.beatIndex(), i.keyActionIndex(), i.position(), i.description(), i.aiPrompt(),
                    i.image(), pictures.url(i.image()), pictures.thumbnailUrl(i.image()), i.animationStyle(), i.colorMood(), i.lighting(),
                    i.references(), urls, i.notes(), i.status(), i.generationId(), i.promptGenerationId(), i.errorMessage(), i.version(),
                    i.createdAt(), i.updatedAt(), proposals.get(i.id()));
        }
    }

    @Schema(name = "MoodboardKeyAction")
    record KeyActionResponse(int index, @Schema(nullable = true) String character, String action) {
    }

    @Schema(name = "MoodboardBeat")
    record BeatResponse(int index, String key, String title, int act, @Schema(nullable = true) String text,
            List<KeyActionResponse> keyActions, List<ItemResponse> items) {
    }

    @Schema(name = "Moodboard", description = """
            The items grouped by the beats of the project's structure, in story order; `unplaced` holds items of beats the \
            structure no longer has (after a change of structure), which a reorder can move back.""")
    record BoardResponse(UUID projectId, String structure, List<BeatResponse> beats, List<ItemResponse> unplaced) {
    }

    @Operation(summary = "The project's moodboard", description = "For anyone who may see the project.")
    @GetMapping
    BoardResponse board(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return board(moodboards.board(caller.id(), projectId, Locale.ENGLISH), moodboards.promptProposals(caller.id(), projectId));
    }

    @Operation(summary = "Put the whole moodboard in a new order", description = "Needs the project's story permission.")
    @PutMapping
    BoardResponse reorder(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody OrderRequest request) {
        moodboards.reorder(caller.id(), projectId, request.items().stream()
                .map(p -> p == null ? null : new Moodboards.Placement(p.id(), p.version(), p.beatKey(), p.keyActionIndex())).toList());
        return board(moodboards.board(caller.id(), projectId, Locale.ENGLISH), moodboards.promptProposals(caller.id(), projectId));
    }

    @Operation(summary = "Add an item to a beat or one of its key actions", description = "Needs the project's story permission.")
    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    ItemResponse create(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @Valid @RequestBody CreateRequest request) {
        return item(moodboards.create(caller.id(), projectId, request.beatKey(), request.keyActionIndex(), request.changes()), caller, projectId);
    }

    @GetMapping("/items/{itemId}")
    ItemResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId) {
        return item(moodboards.get(caller.id(), projectId, itemId), caller, projectId);
    }

    @Operation(summary = "Change an item", description = "Needs the project's story permission; see the body's description.")
    @PatchMapping("/items/{itemId}")
    ItemResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @Valid @RequestBody PatchRequest request) {
        return item(moodboards.update(caller.id(), projectId, itemId, request.version(), request.changes()), caller, projectId);
    }

    @Operation(summary = "Delete an item", description = "With `version`, only when the item is still at that version (else 409).")
    @DeleteMapping("/items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @RequestParam(required = false) Integer version) {
        moodboards.delete(caller.id(), projectId, itemId, version);
    }

    @Operation(summary = "Split a beat into its key actions", description = "Adds an item for each key action of the beat that has none yet.")
    @PostMapping("/beats/{beatKey}/split")
    List<ItemResponse> split(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable String beatKey) {
        List<MoodboardItem> made = moodboards.split(caller.id(), projectId, beatKey);
        StudioImages.Pictures pictures = pictures(caller, projectId, made);
        Map<UUID, UUID> proposals = moodboards.promptProposals(caller.id(), projectId);
        return made.stream().map(i -> ItemResponse.of(i, pictures, proposals)).toList();
    }

    @Operation(summary = "Upload the item's picture", description = """
            Multipart `file` (an image; anything else is 415), stored in the organization's media library; the item is then \
            completed. Counts against the storage quota (413 when it does not fit).""")
    @PostMapping(path = "/items/{itemId}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ItemResponse upload(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return item(moodboards.upload(caller.id(), projectId, itemId, file.getOriginalFilename(), content), caller, projectId);
        }
    }

    @Operation(summary = "Write the item's image prompt with AI", description = """
            Starts a `moodboard_prompt` generation (its price is held, see `/api/v1/ai/generations`) from the beat's text, the \
            item's description, style and mood; `prompt_generation_id` names it. When it ends, the next read of the item or \
            the board keeps the text as a proposal beside `ai_prompt` (`prompt_proposal_id`): accept it at \
            `/api/v1/projects/{id}/ai/proposals/{prompt_proposal_id}/accept` (its word diff there) or discard it; \
            nothing overwrites the prompt without that. The project's AI settings give its tone, audience and language \
            (`language` here overrides the language). 409 `ai-not-configured` without a provider.""")
    @PostMapping("/items/{itemId}/prompt")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ItemResponse writePrompt(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId,
            @Valid @RequestBody(required = false) PromptRequest request) {
        return item(ai.writePrompt(caller.id(), projectId, itemId, request == null ? null : request.language()), caller, projectId);
    }

    @Operation(summary = "Generate the item's picture with AI", description = """
            Starts a `moodboard_image` generation from the item's prompt (else its description, else its beat's text): the item \
            is `generating` with `generation_id`, then, on the next read after it ended, `completed` with the new picture or \
            `failed` with `error_message`. 409 while a picture is being made, or `ai-not-configured` without a provider.""")
    @PostMapping("/items/{itemId}/generate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ItemResponse generate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID itemId) {
        return item(ai.generateImage(caller.id(), projectId, itemId), caller, projectId);
    }

    private ItemResponse item(MoodboardItem item, CurrentUser caller, ProjectId project) {
        return ItemResponse.of(item, pictures(caller, project, List.of(item)), moodboards.promptProposals(caller.id(), project));
    }

    private StudioImages.Pictures pictures(CurrentUser caller, ProjectId project, List<MoodboardItem> items) {
        return images.pictures(organization(caller, project), references(items));
    }

    private OrganizationId organization(CurrentUser caller, ProjectId project) {
        return moodboards.organization(caller.id(), project);
    }

    private BoardResponse board(Moodboards.Board board, Map<UUID, UUID> proposals) {
        StudioImages.Pictures pictures = images.pictures(board.project().organizationId(), references(board.items()));
        List<BeatResponse> beats = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (MoodboardBeats.Beat beat : board.structure().beats()) {
            keys.add(beat.key());
            List<ItemResponse> items = board.items().stream().filter(i -> i.beatKey().equals(beat.key()))
                    .map(i -> ItemResponse.of(i, pictures, proposals)).toList();
            beats.add(new BeatResponse(beat.index(), beat.key(), beat.title(), beat.act(), beat.text(),
                    beat.keyActions().stream().map(a -> new KeyActionResponse(a.index(), a.character(), a.action())).toList(), items));
        }
        List<ItemResponse> unplaced = board.items().stream().filter(i -> !keys.contains(i.beatKey())).map(i -> ItemResponse.of(i, pictures, proposals)).toList();
        return new BoardResponse(board.project().id().value(), board.structure().name(), beats, unplaced);
    }

    static List<String> references(List<MoodboardItem> items) {
        List<String> references = new ArrayList<>();
        for (MoodboardItem item : items) {
            if (item.image() != null) {
                references.add(item.image());
            }
            item.references().stream().filter(StudioImages::isReference).forEach(references::add);
        }
        return references;
    }
}
