package id.modo.verse.studio.character;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.section.StudioImages;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Characters", description = "A project's characters, their sections, display order and relationships")
@RestController
@RequestMapping("/api/v1/projects/{projectId}/characters")
class CharacterApiController {

    private final Characters characters;
    private final CharacterImages characterImages;
    private final StudioImages images;
    private final ProjectAccess access;

    CharacterApiController(Characters characters, CharacterImages characterImages, StudioImages images, ProjectAccess access) {
        this.characters = characters;
        this.characterImages = characterImages;
        this.images = images;
        this.access = access;
    }

    /** The relationship types as Jackson reads them, so an unknown one is a 400 listing the allowed. */
    enum TypeName { family, friend, rival, mentor, love, enemy, ally, other }

    @Schema(name = "CharacterCreateRequest")
    record CreateRequest(@Size(max = 10_000) String name,
            @Schema(allowableValues = {"protagonist", "antagonist", "supporting", "minor", ""}) @Size(max = 100) String role,
            @Size(max = 10_000) String archetype, @Size(max = 10_000) String castReference,
            Map<String, Object> physiological, Map<String, Object> psychological, Map<String, Object> emotional,
            Map<String, Object> family, Map<String, Object> sociocultural, Map<String, Object> coreBeliefs,
            Map<String, Object> educational, Map<String, Object> sociopolitics, Map<String, Object> swotAnalysis,
            @Size(max = 100_000) String characterArc, @Size(max = 100_000) String transformation) {

        CharacterChanges changes() {
            return new CharacterChanges(name, role, archetype, castReference, sections(physiological, psychological, emotional, family,
                    sociocultural, coreBeliefs, educational, sociopolitics, swotAnalysis), characterArc, transformation, Map.of());
        }
    }

    @Schema(name = "CharacterPatchRequest", description = """
            Only the members sent change; an empty string clears a text. A section sent replaces that section whole. \
            `base_versions` gives, for each part that changes (`profile` for name, role, archetype and cast_reference; \
            each section by its name; `arc` for character_arc and transformation), the version number the edit started \
            from (0 for a part never saved): a part someone else saved since answers 409 `edit-conflict`.""")
    record PatchRequest(@Size(max = 10_000) String name,
            @Schema(allowableValues = {"protagonist", "antagonist", "supporting", "minor", ""}) @Size(max = 100) String role,
            @Size(max = 10_000) String archetype, @Size(max = 10_000) String castReference,
            Map<String, Object> physiological, Map<String, Object> psychological, Map<String, Object> emotional,
            Map<String, Object> family, Map<String, Object> sociocultural, Map<String, Object> coreBeliefs,
            Map<String, Object> educational, Map<String, Object> sociopolitics, Map<String, Object> swotAnalysis,
            @Size(max = 100_000) String characterArc, @Size(max = 100_000) String transformation,
            @Size(max = 20) Map<String, Integer> baseVersions) {

        CharacterChanges changes() {
            return new CharacterChanges(name, role, archetype, castReference, sections(physiological, psychological, emotional, family,
                    sociocultural, coreBeliefs, educational, sociopolitics, swotAnalysis), characterArc, transformation, baseVersions);
        }
    }

    @Schema(name = "CharacterOrderRequest")
    record OrderRequest(@NotNull @Size(max = Characters.MAX_CHARACTERS) List<UUID> characterIds) {
    }

    @Schema(name = "RelationshipRequest")
    record RelationshipRequest(@NotNull UUID characterId, @NotNull TypeName relationshipType, @Size(max = 10_000) String description) {
    }

    @Schema(name = "Relationship")
    record RelationshipResponse(UUID characterId, String characterName, String relationshipType, String description) {
        static RelationshipResponse of(CharacterView.RelationshipView view) {
            return new RelationshipResponse(view.characterId(), view.characterName(), view.relationshipType().key(), view.description());
        }
    }

    @Schema(name = "PartVersion")
    record PartVersionResponse(int number, UUID savedById, String savedByName, Instant savedAt) {
    }

    @Schema(name = "Character")
    record CharacterResponse(UUID id, UUID projectId, String name, String role, String archetype, String imageUrl,
            Map<String, String> imagePoses, String castReference, Map<String, String> physiological,
            Map<String, String> psychological, Map<String, String> emotional, Map<String, String> family,
            Map<String, String> sociocultural, Map<String, String> coreBeliefs, Map<String, String> educational,
            Map<String, String> sociopolitics, Map<String, String> swotAnalysis, String characterArc, String transformation,
            @Schema(description = "Short-lived URLs to fetch the pictures now: `main` and each pose that has one")
            Map<String, String> imageLinks,
            List<RelationshipResponse> relationships, int displayOrder, Map<String, PartVersionResponse> versions,
            Instant createdAt, Instant updatedAt) {

        static CharacterResponse of(CharacterView v, Function<String, String> link) {
            Map<String, String> links = new LinkedHashMap<>();
            if (v.imageUrl() != null && link.apply(v.imageUrl()) != null) {
                links.put("main", link.apply(v.imageUrl()));
            }
            v.imagePoses().forEach((pose, reference) -> {
                String url = link.apply(reference);
                if (url != null) {
                    links.put(pose, url);
                }
            });
            Map<String, PartVersionResponse> versions = new LinkedHashMap<>();
            v.versions().forEach((part, pv) -> versions.put(part, new PartVersionResponse(pv.number(), pv.savedById(), pv.savedByName(), pv.savedAt())));
            return new CharacterResponse(v.id(), v.projectId(), v.name(), v.role() == null ? null : v.role().dbValue(), v.archetype(),
                    v.imageUrl(), v.imagePoses(), v.castReference(), v.section(CharacterSection.PHYSIOLOGICAL),
                    v.section(CharacterSection.PSYCHOLOGICAL), v.section(CharacterSection.EMOTIONAL), v.section(CharacterSection.FAMILY),
                    v.section(CharacterSection.SOCIOCULTURAL), v.section(CharacterSection.CORE_BELIEFS),
                    v.section(CharacterSection.EDUCATIONAL), v.section(CharacterSection.SOCIOPOLITICS),
                    v.section(CharacterSection.SWOT_ANALYSIS), v.characterArc(), v.transformation(), links,
                    v.relationships().stream().map(RelationshipResponse::of).toList(), v.displayOrder(), versions, v.createdAt(),
                    v.updatedAt());
        }
    }

    @Schema(name = "CharacterList")
    record ListResponse(List<CharacterResponse> items) {
    }

    @Operation(summary = "The project's characters in display order", description = "For anyone who may see the project.")
    @GetMapping
    ListResponse list(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        Function<String, String> link = links(caller, projectId.value());
        return new ListResponse(characters.list(caller.id(), projectId).stream().map(c -> CharacterResponse.of(c, link)).toList());
    }

    @Operation(summary = "Add a character", description = """
            Needs the characters permission on the project. `name` is required; sections take only their known \
            fields (see each section's description); an unknown key is a 400 naming it. Goes last in the display order.""")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CharacterResponse create(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody CreateRequest request) {
        return CharacterResponse.of(characters.create(caller.id(), projectId, request.changes()), links(caller, projectId.value()));
    }

    @Operation(summary = "Put the characters in a new display order", description = """
            `character_ids` lists every character of the project exactly once, in the new order.""")
    @PutMapping("/order")
    ListResponse reorder(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody OrderRequest request) {
        List<CharacterView> ordered = characters.reorder(caller.id(), projectId, request.characterIds());
        Function<String, String> link = links(caller, projectId.value());
        return new ListResponse(ordered.stream().map(c -> CharacterResponse.of(c, link)).toList());
    }

    @GetMapping("/{characterId}")
    CharacterResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID characterId) {
        return CharacterResponse.of(characters.get(caller.id(), projectId, characterId), links(caller, projectId.value()));
    }

    @Operation(summary = "Change a character", description = "Each changed part is saved as a new version; see the body's description.")
    @PatchMapping("/{characterId}")
    CharacterResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID characterId,
            @Valid @RequestBody PatchRequest request) {
        return CharacterResponse.of(characters.update(caller.id(), projectId, characterId, request.changes()),
                links(caller, projectId.value()));
    }

    @Operation(summary = "Delete a character", description = "Its relationships, in both directions, go with it.")
    @DeleteMapping("/{characterId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID characterId) {
        characters.delete(caller.id(), projectId, characterId);
    }

    @Operation(summary = "The character's relationships to other characters of the project")
    @GetMapping("/{characterId}/relationships")
    List<RelationshipResponse> relationships(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable UUID characterId) {
        return characters.relationships(caller.id(), projectId, characterId).stream().map(RelationshipResponse::of).toList();
    }

    @Operation(summary = "Set how this character stands to another", description = """
            One relationship per direction of a pair: 201 when new, 200 when it replaced the previous type and \
            description. The other character must be of the same project.""")
    @ApiResponse(responseCode = "201", description = "A new relationship", content = @Content(schema = @Schema(implementation = RelationshipResponse.class)))
    @ApiResponse(responseCode = "200", description = "The previous relationship replaced", content = @Content(schema = @Schema(implementation = RelationshipResponse.class)))
    @PostMapping("/{characterId}/relationships")
    ResponseEntity<RelationshipResponse> relate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable UUID characterId, @Valid @RequestBody RelationshipRequest request) {
        Characters.Related related = characters.relate(caller.id(), projectId, characterId, request.characterId(),
                RelationshipType.byKey(request.relationshipType().name()).orElseThrow(), request.description());
        return ResponseEntity.status(related.created() ? HttpStatus.CREATED : HttpStatus.OK).body(RelationshipResponse.of(related.relationship()));
    }

    @DeleteMapping("/{characterId}/relationships/{otherId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unrelate(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UUID characterId,
            @PathVariable UUID otherId) {
        characters.unrelate(caller.id(), projectId, characterId, otherId);
    }

    @Operation(summary = "Upload the character's main picture or a pose picture", description = """
            Multipart `file` (an image; anything else is 415). Without `pose` it is the main picture; `pose` is one of \
            front, three_quarter, side, back. The picture it replaces is deleted. The file counts against the \
            organization's storage quota (413 when it does not fit).""")
    @PostMapping(path = "/{characterId}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CharacterResponse uploadImage(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable UUID characterId, @RequestParam(required = false) String pose, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            return CharacterResponse.of(characterImages.upload(caller.id(), projectId, characterId, pose(pose),
                    file.getOriginalFilename(), content), links(caller, projectId.value()));
        }
    }

    @Operation(summary = "Remove the main picture or a pose picture")
    @DeleteMapping("/{characterId}/image")
    CharacterResponse removeImage(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable UUID characterId, @RequestParam(required = false) String pose) {
        return CharacterResponse.of(characterImages.remove(caller.id(), projectId, characterId, pose(pose)),
                links(caller, projectId.value()));
    }

    static ImagePose pose(String pose) {
        if (pose == null || pose.isBlank()) {
            return null;
        }
        return ImagePose.byKey(pose).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.",
                Map.of("errors", List.of(new FieldError("pose", "must be one of front, three_quarter, side, back")))));
    }

    private Function<String, String> links(CurrentUser caller, UUID projectId) {
        OrganizationId organization = access.read(caller.id(), ProjectId.of(projectId)).organizationId();
        return reference -> images.url(organization, reference);
    }

    private static Map<CharacterSection, Map<String, Object>> sections(Map<String, Object> physiological, Map<String, Object> psychological,
            Map<String, Object> emotional, Map<String, Object> family, Map<String, Object> sociocultural, Map<String, Object> coreBeliefs,
            Map<String, Object> educational, Map<String, Object> sociopolitics, Map<String, Object> swotAnalysis) {
        Map<CharacterSection, Map<String, Object>> out = new EnumMap<>(CharacterSection.class);
        put(out, CharacterSection.PHYSIOLOGICAL, physiological);
        put(out, CharacterSection.PSYCHOLOGICAL, psychological);
        put(out, CharacterSection.EMOTIONAL, emotional);
        put(out, CharacterSection.FAMILY, family);
        put(out, CharacterSection.SOCIOCULTURAL, sociocultural);
        put(out, CharacterSection.CORE_BELIEFS, coreBeliefs);
        put(out, CharacterSection.EDUCATIONAL, educational);
        put(out, CharacterSection.SOCIOPOLITICS, sociopolitics);
        put(out, CharacterSection.SWOT_ANALYSIS, swotAnalysis);
        return out;
    }

    private static void put(Map<CharacterSection, Map<String, Object>> out, CharacterSection section, Map<String, Object> values) {
        if (values != null) {
            out.put(section, values);
        }
    }
}
