package id.modo.verse.studio.project;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.web.FormList;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio projects", description = "An organization's IP projects, their status, trash and team")
@RestController
class ProjectApiController {

    static final String URL = "^$|^https?://\\S+$";
    static final String URL_MESSAGE = "must be an http(s) URL";
    /** A picture of the project: an http(s) URL, or a picture uploaded to MODO as {@code /media/{id}}. */
    static final String PICTURE = "^$|^https?://\\S+$|^/media/[0-9a-fA-F-]{36}$";
    static final String PICTURE_MESSAGE = "must be an http(s) URL or /media/{id} of a picture uploaded to this organization";

    private final Projects projects;
    private final Collaborators collaborators;

    ProjectApiController(Projects projects, Collaborators collaborators) {
        this.projects = projects;
        this.collaborators = collaborators;
    }

    enum FormatName { feature, series, short_movie, short_video, animation }

    enum VisibilityName {
        @JsonProperty("private") PRIVATE, @JsonProperty("team") TEAM, @JsonProperty("public") PUBLIC;

        Visibility domain() {
            return Visibility.valueOf(name());
        }

        /** The value clients send, as a 400 lists the allowed ones. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum StatusName { draft, in_progress, completed, published }

    enum SectionName { story, characters, universe, team, prediction }

    enum RoleName { ip_producer, head_creative, head_production, head_business, story_supervisor, character_supervisor, custom }

    record CreateRequest(@NotBlank @Size(max = 255) String title, @Size(max = 100) String slug, VisibilityName visibility) {
    }

    record UpdateRequest(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Size(max = 100) String slug, @Size(max = 20000) String description,
            @Size(max = 2000) @Pattern(regexp = PICTURE, message = PICTURE_MESSAGE) String logo,
            @Size(max = 2000) @Pattern(regexp = PICTURE, message = PICTURE_MESSAGE) String thumbnailMood,
            @Size(max = 100) String genre, @Size(max = 100) String subGenre, FormatName format,
            @Size(max = 100) String targetAudience, @Size(max = 100) String targetMarket, @Size(max = 255) String studioName,
            @Size(max = 2000) @Pattern(regexp = PICTURE, message = PICTURE_MESSAGE) String studioLogo, @Size(max = 255) String ipOwner,
            @CalendarDate String productionDate,
            @FormList @Size(max = 20) List<@NotNull @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = URL_MESSAGE) String> brandLogos,
            @FormList(commas = true) @Size(max = 24)
            List<@NotNull @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a hex colour like #1a2b3c") String> colorPalette,
            VisibilityName visibility, @PositiveOrZero @Max(1_000_000_000_000L) Long modoTokens) {

        /** The production date to set, null when absent or empty (see {@link #clearsDate()}). */
        LocalDate date() {
            return productionDate == null || productionDate.isEmpty() ? null : LocalDate.parse(productionDate);
        }

        boolean clearsDate() {
            return productionDate != null && productionDate.isEmpty();
        }

        ProjectFormat projectFormat() {
            return format == null ? null : ProjectFormat.valueOf(format.name().toUpperCase(Locale.ROOT));
        }
    }

    record StatusRequest(@NotNull StatusName status) {
    }

    record ProjectResponse(UUID id, UUID organizationId, String title, String slug, String description, String logo,
            String thumbnailMood, String genre, String subGenre, String format, String targetAudience, String targetMarket,
            String studioName, String studioLogo, String ipOwner, LocalDate productionDate, List<String> brandLogos,
            List<String> colorPalette, String status, List<String> allowedStatuses, String visibility, long modoTokens,
            Instant createdAt, Instant updatedAt, Instant publishedAt, Instant deletedAt, Instant purgeAfter,
            List<String> editableSections, boolean canManage) {

        static ProjectResponse of(ProjectDetails p) {
            return new ProjectResponse(p.id(), p.organizationId(), p.title(), p.slug(), p.description(), p.logo(), p.thumbnailMood(),
                    p.genre(), p.subGenre(), p.format(), p.targetAudience(), p.targetMarket(), p.studioName(), p.studioLogo(),
                    p.ipOwner(), p.productionDate(), p.brandLogos(), p.colorPalette(), p.status(), p.allowedStatuses(), p.visibility(),
                    p.modoTokens(), p.createdAt(), p.updatedAt(), p.publishedAt(), p.deletedAt(), p.purgeAfter(),
                    p.editable().stream().sorted().map(Section::dbValue).toList(), p.manager());
        }
    }

    @Operation(summary = "The organization's projects the caller may see, newest first", description = """
            Filters: `status` and `genre` (any letter case). Pass `next_cursor` back as `cursor`; it is null on the last page.""")
    @GetMapping("/api/v1/organizations/{orgId}/projects")
    Page<ProjectResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(required = false) StatusName status, @RequestParam(required = false) @Size(max = 100) String genre,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return projects.list(caller.id(), orgId,
                status == null ? null : ProjectStatus.valueOf(status.name().toUpperCase(Locale.ROOT)), genre, cursor, limit)
                .map(ProjectResponse::of);
    }

    @Operation(summary = "Create a project", description = """
            Needs the organization's edit-content permission and room in the plan (402 `plan-limit-reached` otherwise). The \
            creator becomes the project's `ip_producer` with every section. Visibility defaults to `private`.""")
    @PostMapping("/api/v1/organizations/{orgId}/projects")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectResponse create(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @Valid @RequestBody CreateRequest request) {
        return ProjectResponse.of(projects.create(caller.id(), orgId, request.title(), request.slug(),
                request.visibility() == null ? null : request.visibility().domain()));
    }

    @GetMapping("/api/v1/projects/{projectId}")
    ProjectResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return ProjectResponse.of(projects.get(caller.id(), projectId).content());
    }

    @Operation(summary = "Change a project's details", description = """
            For the organization's owners and admins and the project's producers. Absent fields stay as they are; an empty \
            string or list clears one. `modo_tokens` (the project's share of the organization's AI credits) only owners and \
            admins allot.""")
    @PatchMapping("/api/v1/projects/{projectId}")
    ProjectResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody UpdateRequest request) {
        ProjectChange change = new ProjectChange(request.title(), request.slug(), request.description(), request.logo(),
                request.thumbnailMood(), request.genre(), request.subGenre(), request.projectFormat(), false,
                request.targetAudience(), request.targetMarket(), request.studioName(), request.studioLogo(), request.ipOwner(),
                request.date(), request.clearsDate(), request.brandLogos(), request.colorPalette(),
                request.visibility() == null ? null : request.visibility().domain());
        return ProjectResponse.of(projects.update(caller.id(), projectId, change, request.modoTokens()));
    }

    @Operation(summary = "Move a project to another status", description = """
            draft → in_progress → completed → published, and completed → in_progress. Any other move is 409 \
            `illegal-status-transition` with the allowed ones.""")
    @PostMapping("/api/v1/projects/{projectId}/status")
    ProjectResponse status(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody StatusRequest request) {
        return ProjectResponse.of(projects.changeStatus(caller.id(), projectId,
                ProjectStatus.valueOf(request.status().name().toUpperCase(Locale.ROOT))));
    }

    @Operation(summary = "Put a project in the trash", description = "It can be restored for 30 days, then it is removed with its files.")
    @DeleteMapping("/api/v1/projects/{projectId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        projects.trash(caller.id(), projectId);
    }

    @PostMapping("/api/v1/projects/{projectId}/restore")
    ProjectResponse restore(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return ProjectResponse.of(projects.restore(caller.id(), projectId));
    }

    @Operation(summary = "The organization's projects in the trash the caller may restore")
    @GetMapping("/api/v1/organizations/{orgId}/projects/trash")
    List<ProjectResponse> trash(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return projects.trashed(caller.id(), orgId).stream().map(ProjectResponse::of).toList();
    }

    // Team

    record AddCollaboratorRequest(@NotNull UUID userId, @NotNull RoleName role, @Size(max = 100) String customRoleTitle,
            @NotNull @Size(max = 10) List<@NotNull SectionName> permissions) {
    }

    record ChangeCollaboratorRequest(RoleName role, @Size(max = 100) String customRoleTitle,
            @Size(max = 10) List<@NotNull SectionName> permissions) {
    }

    record CollaboratorResponse(UUID userId, String name, String email, String avatar, String role, String customRoleTitle,
            List<String> permissions, UUID assignedBy, Instant assignedAt) {

        static CollaboratorResponse of(Collaborators.CollaboratorView view) {
            return new CollaboratorResponse(view.userId().value(), view.name(), view.email(), view.avatar(), view.role().dbValue(),
                    view.customRoleTitle(), view.permissions().stream().map(Section::dbValue).toList(),
                    view.assignedBy() == null ? null : view.assignedBy().value(), view.assignedAt());
        }
    }

    @GetMapping("/api/v1/projects/{projectId}/collaborators")
    List<CollaboratorResponse> collaborators(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return collaborators.list(caller.id(), projectId).stream().map(CollaboratorResponse::of).toList();
    }

    @Operation(summary = "Add an organization member to the team", description = """
            For owners, admins and collaborators granted `team`. Someone outside the organization is 409 \
            `not-an-organization-member`: invite them to the organization first.""")
    @PostMapping("/api/v1/projects/{projectId}/collaborators")
    @ResponseStatus(HttpStatus.CREATED)
    CollaboratorResponse addCollaborator(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody AddCollaboratorRequest request) {
        return CollaboratorResponse.of(collaborators.add(caller.id(), projectId, UserId.of(request.userId()),
                role(request.role()), request.customRoleTitle(), sections(request.permissions())));
    }

    @PatchMapping("/api/v1/projects/{projectId}/collaborators/{userId}")
    CollaboratorResponse changeCollaborator(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @PathVariable UserId userId, @Valid @RequestBody ChangeCollaboratorRequest request) {
        return CollaboratorResponse.of(collaborators.change(caller.id(), projectId, userId,
                request.role() == null ? null : role(request.role()), request.customRoleTitle(),
                request.permissions() == null ? null : sections(request.permissions())));
    }

    @DeleteMapping("/api/v1/projects/{projectId}/collaborators/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeCollaborator(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId, @PathVariable UserId userId) {
        collaborators.remove(caller.id(), projectId, userId);
    }

    static CollaboratorRole role(RoleName name) {
        return CollaboratorRole.valueOf(name.name().toUpperCase(Locale.ROOT));
    }

    static List<Section> sections(List<SectionName> names) {
        return names.stream().map(n -> Section.valueOf(n.name().toUpperCase(Locale.ROOT))).toList();
    }
}
