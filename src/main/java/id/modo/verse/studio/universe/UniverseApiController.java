package id.modo.verse.studio.universe;

import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.section.SectionField;
import id.modo.verse.studio.section.StudioImages;
import java.util.function.Function;
import id.modo.verse.studio.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Universe", description = "A project's world: environment, systems, rules, history and pictures")
@RestController
@RequestMapping("/api/v1/projects/{projectId}/universe")
class UniverseApiController {

    private final Universes universes;
    private final UniverseImages universeImages;
    private final ProjectAccess access;
    private final StudioImages images;

    UniverseApiController(Universes universes, UniverseImages universeImages, ProjectAccess access, StudioImages images) {
        this.universes = universes;
        this.universeImages = universeImages;
        this.access = access;
        this.images = images;
    }

    @Schema(name = "UniversePatchRequest", description = """
            Only the members sent change; an empty string clears a text. A section sent replaces that section whole. \
            `base_versions` gives, for each part that changes (`details` for name and description; each section by its \
            name), the version number the edit started from (0 for a part never saved): a part someone else saved \
            since answers 409 `edit-conflict`.""")
    record PatchRequest(@Size(max = 10_000) String name, @Size(max = 100_000) String description,
            Map<String, Object> environment, Map<String, Object> publicSystems, Map<String, Object> privateSystems,
            Map<String, Object> rules, Map<String, Object> history, Map<String, Object> visualizations,
            @Size(max = 20) Map<String, Integer> baseVersions) {

        UniverseChanges changes() {
            Map<UniverseSection, Map<String, Object>> sections = new EnumMap<>(UniverseSection.class);
            put(sections, UniverseSection.ENVIRONMENT, environment);
            put(sections, UniverseSection.PUBLIC_SYSTEMS, publicSystems);
            put(sections, UniverseSection.PRIVATE_SYSTEMS, privateSystems);
            put(sections, UniverseSection.RULES, rules);
            put(sections, UniverseSection.HISTORY, history);
            put(sections, UniverseSection.VISUALIZATIONS, visualizations);
            return new UniverseChanges(name, description, sections, baseVersions);
        }

        private static void put(Map<UniverseSection, Map<String, Object>> out, UniverseSection section, Map<String, Object> values) {
            if (values != null) {
                out.put(section, values);
            }
        }
    }

    @Schema(name = "UniversePartVersion")
    record PartVersionResponse(int number, UUID savedById, String savedByName, Instant savedAt) {
    }

    @Schema(name = "Universe")
    record UniverseResponse(UUID id, UUID projectId, String name, String description, Map<String, String> environment,
            Map<String, String> publicSystems, Map<String, String> privateSystems, Map<String, String> rules,
            Map<String, String> history, Map<String, String> visualizations,
            @Schema(description = "Short-lived URLs to fetch the pictures now, by `section.field`") Map<String, String> imageLinks,
            Map<String, PartVersionResponse> versions, Instant updatedAt) {

        static UniverseResponse of(UniverseView v, Function<String, String> link) {
            Map<String, String> links = new LinkedHashMap<>();
            for (UniverseSection section : UniverseSection.values()) {
                for (SectionField field : section.fields()) {
                    String reference = v.section(section).get(field.key());
                    String url = field.kind() == SectionField.Kind.IMAGE && reference != null ? link.apply(reference) : null;
                    if (url != null) {
                        links.put(section.key() + "." + field.key(), url);
                    }
                }
            }
            Map<String, PartVersionResponse> versions = new LinkedHashMap<>();
            v.versions().forEach((part, pv) -> versions.put(part, new PartVersionResponse(pv.number(), pv.savedById(), pv.savedByName(), pv.savedAt())));
            return new UniverseResponse(v.id(), v.projectId(), v.name(), v.description(), v.section(UniverseSection.ENVIRONMENT),
                    v.section(UniverseSection.PUBLIC_SYSTEMS), v.section(UniverseSection.PRIVATE_SYSTEMS), v.section(UniverseSection.RULES),
                    v.section(UniverseSection.HISTORY), v.section(UniverseSection.VISUALIZATIONS), links, versions, v.updatedAt());
        }
    }

    @Operation(summary = "The project's universe", description = """
            For anyone who may see the project. A project nobody wrote a universe for answers empty sections, `id` null \
            and no versions.""")
    @GetMapping
    UniverseResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return UniverseResponse.of(universes.get(caller.id(), projectId), links(caller, projectId.value()));
    }

    @Operation(summary = "Change the universe", description = """
            Needs the universe permission on the project. Each changed part is saved as a new version; sections take \
            only their known fields, an unknown key is a 400 naming it.""")
    @PatchMapping
    UniverseResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody PatchRequest request) {
        return UniverseResponse.of(universes.update(caller.id(), projectId, request.changes()), links(caller, projectId.value()));
    }

    @Operation(summary = "Upload a picture into a section", description = """
            Multipart `file` (an image; anything else is 415) for one picture field: `image` of environment, \
            public_systems, private_systems, rules and history, or environment_image, society_image, private_image, \
            map_image of visualizations. Saves the section as a new version from `base_version` (409 when someone \
            saved it since). The picture counts against the organization's storage quota.""")
    @PostMapping(path = "/images/{section}/{field}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UniverseResponse uploadImage(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable String section,
            @PathVariable String field, @RequestParam(name = "base_version") @Min(0) int baseVersion,
            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return UniverseResponse.of(universeImages.upload(caller.id(), projectId, section, field, baseVersion,
                    file.getOriginalFilename(), content), links(caller, projectId.value()));
        }
    }

    private Function<String, String> links(CurrentUser caller, UUID projectId) {
        OrganizationId organization = access.read(caller.id(), ProjectId.of(projectId)).organizationId();
        return reference -> images.url(organization, reference);
    }
}
