package id.modo.verse.studio.project;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Slug;
import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.billing.PlanLimits;
import id.modo.verse.common.Changes;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.Rows;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.Membership;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.organization.Role;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.StudioEvents;
import id.modo.verse.studio.StudioProblems;
import id.modo.verse.studio.section.StudioImages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Projects of an organization: create within the plan's limit, change, move through their statuses, trash and restore. */
@Service
public class Projects {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final Organizations organizations;
    private final PlanLimits planLimits;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final StudioImages images;
    private final JsonMapper json;
    private final Clock clock;

    Projects(ProjectRepository projects, ProjectAccess access, Organizations organizations, PlanLimits planLimits, JdbcClient jdbc,
            ApplicationEventPublisher events, StudioImages images, JsonMapper json, Clock clock) {
        this.json = json;
        this.projects = projects;
        this.images = images;
        this.access = access;
        this.organizations = organizations;
        this.planLimits = planLimits;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The 402 the next project would meet, when the organization has as many projects as its plan allows. */
    public Optional<ProblemException> projectLimitReached(OrganizationId organization) {
        OptionalInt limit = planLimits.projectLimit(organization);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        long count = jdbc.sql("select count(*) from projects where organization_id = ?").param(organization.value())
                .query(Long.class).single();
        return count >= limit.getAsInt() ? Optional.of(planLimits.limitReached(organization, "projects", count, limit.getAsInt()))
                : Optional.empty();
    }

    /**
     * Creates a project with its story; its creator becomes its {@code ip_producer} with every section. Needs the
     * organization's EDIT_CONTENT permission and room in the plan (402 otherwise); projects in the trash count until purged.
     */
    @Transactional
    public ProjectDetails create(UserId actor, OrganizationId organization, String title, String requestedSlug, Visibility visibility) {
        Membership membership = organizations.require(actor, organization, Permission.EDIT_CONTENT);
        // Serializes creations in one organization so two at once cannot both take the plan's last project.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param("studio_projects:" + organization.value())
                .query((rs, n) -> null).list();
        Optional<ProblemException> full = projectLimitReached(organization);
        if (full.isPresent()) {
            throw full.get();
        }
        String slug = slugFor(organization, title, requestedSlug, null);
        Instant now = clock.instant();
        Project project = Project.create(organization.value(), actor.value(), title, slug, visibility, now);
        projects.saveAndFlush(project);
        jdbc.sql("insert into stories (project_id, created_at, updated_at) values (?, ?, ?)")
                .params(project.id(), Timestamp.from(now), Timestamp.from(now))
                .update();
        List<String> everySection = Arrays.stream(Section.values()).map(Section::dbValue).toList();
        jdbc.sql("""
                insert into project_collaborators (project_id, user_id, role, permissions, assigned_by, assigned_at)
                values (?, ?, 'ip_producer', cast(? as jsonb), ?, ?)""")
                .params(project.id(), actor.value(), Collaborators.json(everySection), actor.value(), Timestamp.from(now))
                .update();
        events.publishEvent(new StudioEvents.ProjectCreated(organization.value(), actor.value(), project.id(), project.title(), slug,
                project.visibility().dbValue()));
        events.publishEvent(new StudioEvents.CollaboratorAdded(organization.value(), actor.value(), project.id(), actor.value(),
                "ip_producer", everySection));
        boolean orgAdmin = membership.role() == Role.OWNER || membership.role() == Role.ADMIN;
        return ProjectDetails.of(project, EnumSet.allOf(Section.class), true, orgAdmin);
    }

    /**
     * The project with what the caller may do there, from the access check's own query: the workspace's overview and the
     * project API show it on every request, and loading the entity in a read-only transaction after the check was a
     * measurable share of a workspace page's time (bench/README.md).
     */
    ProjectAccess.Checked<ProjectDetails> get(UserId actor, ProjectId id) {
        ProjectAccess.Checked<ProjectDetails> checked = access.read(actor, id, (rs, n) -> detailsOf(rs));
        return new ProjectAccess.Checked<>(checked.view(), checked.content().withAccess(checked.view()));
    }

    /**
     * Changes a project's details. {@code modoTokens}, the project's share of the organization's AI credits, only an
     * organization owner or admin allots.
     */
    @Transactional
    ProjectDetails update(UserId actor, ProjectId id, ProjectChange change, Long modoTokens) {
        ProjectView view = access.manage(actor, id);
        if (modoTokens != null && !view.orgAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only an organization owner or admin allots a project's modo tokens.");
        }
        Project project = load(id);
        if (change.slug() != null && !change.slug().strip().equals(project.slug())) {
            slugFor(OrganizationId.of(project.organizationId()), project.title(), change.slug(), project.id());
        }
        OrganizationId organization = OrganizationId.of(project.organizationId());
        Map<String, String> pictures = Map.of("logo", nullToEmpty(change.logo()), "thumbnail_mood", nullToEmpty(change.thumbnailMood()),
                "studio_logo", nullToEmpty(change.studioLogo()));
        List<FieldError> notPictures = pictures.entrySet().stream()
                .filter(e -> StudioImages.isReference(e.getValue()) && !images.isPicture(organization, e.getValue()))
                .map(e -> new FieldError(e.getKey(), "is not a picture uploaded to this organization"))
                .toList();
        if (!notPictures.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", notPictures));
        }
        List<String> replaced = Stream.of(project.logo(), project.thumbnailMood(), project.studioLogo())
                .filter(StudioImages::isReference)
                .toList();
        Map<String, Object> before = project.snapshot();
        project.update(change, clock.instant());
        if (modoTokens != null) {
            project.allotTokens(modoTokens, clock.instant());
        }
        try {
            projects.saveAndFlush(project);
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            throw new ProblemException(StudioProblems.SLUG_TAKEN, "The address '" + project.slug() + "' was just taken. Choose another.");
        }
        Map<String, Object> after = project.snapshot();
        if (!before.equals(after)) {
            events.publishEvent(new StudioEvents.ProjectUpdated(project.organizationId(), actor.value(), project.id(),
                    Changes.differing(before, after), Changes.differing(after, before)));
        }
        // An uploaded picture the project no longer shows gives its storage back.
        List<String> kept = List.of(nullToEmpty(project.logo()), nullToEmpty(project.thumbnailMood()), nullToEmpty(project.studioLogo()));
        replaced.stream().filter(reference -> !kept.contains(reference)).forEach(reference -> images.discard(actor, organization, reference));
        return details(project, access.read(actor, id));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Transactional
    ProjectDetails changeStatus(UserId actor, ProjectId id, ProjectStatus target) {
        access.manage(actor, id);
        Project project = load(id);
        ProjectStatus before = project.status();
        project.moveTo(target, clock.instant());
        projects.saveAndFlush(project);
        events.publishEvent(new StudioEvents.ProjectStatusChanged(project.organizationId(), actor.value(), project.id(),
                before.dbValue(), target.dbValue()));
        return details(project, access.read(actor, id));
    }

    /** Puts the project in the trash: it disappears from lists and pages and can be restored for 30 days. */
    @Transactional
    void trash(UserId actor, ProjectId id) {
        access.manage(actor, id);
        Project project = load(id);
        project.trash(clock.instant());
        projects.saveAndFlush(project);
        events.publishEvent(new StudioEvents.ProjectTrashed(project.organizationId(), actor.value(), project.id(), project.title(),
                project.purgeAfter()));
    }

    @Transactional
    ProjectDetails restore(UserId actor, ProjectId id) {
        access.manageTrashed(actor, id);
        Project project = load(id);
        project.restore(clock.instant());
        projects.saveAndFlush(project);
        events.publishEvent(new StudioEvents.ProjectRestored(project.organizationId(), actor.value(), project.id(), project.title()));
        return details(project, access.read(actor, id));
    }

    /**
     * The organization's projects the caller may see, newest first, optionally by status and genre (any letter case),
     * keyset-paged on {@code (created_at, id)}.
     */
    @Transactional(readOnly = true)
    Page<ProjectDetails> list(UserId actor, OrganizationId organization, ProjectStatus status, String genre, String cursor, int limit) {
        Membership membership = organizations.require(actor, organization, Permission.VIEW);
        boolean orgAdmin = membership.role() == Role.OWNER || membership.role() == Role.ADMIN;
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        StringBuilder where = new StringBuilder("p.organization_id = :org and p.deleted_at is null");
        Map<String, Object> params = new HashMap<>();
        params.put("org", organization.value());
        params.put("user", actor.value());
        if (!orgAdmin) {
            where.append(" and (p.visibility <> 'private' or exists (select 1 from project_collaborators c"
                    + " where c.project_id = p.id and c.user_id = :user))");
        }
        if (status != null) {
            where.append(" and p.status = :status");
            params.put("status", status.dbValue());
        }
        if (genre != null && !genre.isBlank()) {
            where.append(" and lower(p.genre) = lower(:genre)");
            params.put("genre", genre.strip());
        }
        if (after != null) {
            where.append(" and (p.created_at, p.id) < (:afterAt, :afterId)");
            params.put("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        params.put("fetch", Keyset.fetch(size));
        List<KeysetCursor> rows = jdbc.sql("select p.created_at, p.id from projects p where " + where
                        + " order by p.created_at desc, p.id desc limit :fetch")
                .params(params)
                .query((rs, n) -> new KeysetCursor(rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("id", UUID.class)))
                .list();
        Page<KeysetCursor> page = Keyset.page(rows, size, row -> row);
        Map<UUID, Project> loaded = new HashMap<>();
        projects.findAllById(page.items().stream().map(KeysetCursor::id).toList()).forEach(p -> loaded.put(p.id(), p));
        return page.map(row -> ProjectDetails.of(loaded.get(row.id()), EnumSet.noneOf(Section.class), false, orgAdmin));
    }

    /** The organization's projects in the trash that the caller may restore, most recently trashed first. */
    @Transactional(readOnly = true)
    List<ProjectDetails> trashed(UserId actor, OrganizationId organization) {
        Membership membership = organizations.require(actor, organization, Permission.EDIT_CONTENT);
        boolean orgAdmin = membership.role() == Role.OWNER || membership.role() == Role.ADMIN;
        List<UUID> ids = jdbc.sql("""
                select p.id from projects p where p.organization_id = :org and p.deleted_at is not null
                  and (:admin or exists (select 1 from project_collaborators c
                       where c.project_id = p.id and c.user_id = :user and c.role = 'ip_producer'))
                order by p.deleted_at desc, p.id limit 200""")
                .param("org", organization.value())
                .param("admin", orgAdmin)
                .param("user", actor.value())
                .query(UUID.class)
                .list();
        Map<UUID, Project> loaded = new HashMap<>();
        projects.findAllById(ids).forEach(p -> loaded.put(p.id(), p));
        return ids.stream().map(loaded::get).map(p -> ProjectDetails.of(p, EnumSet.noneOf(Section.class), true, orgAdmin)).toList();
    }

    /** A free address for a title, or the requested one when it is valid and free (else 400 or 409 with a suggestion). */
    private String slugFor(OrganizationId organization, String title, String requested, UUID except) {
        if (requested == null || requested.isBlank()) {
            return freeSlug(organization, Slug.suggest(title, "project"), except);
        }
        String slug = requested.strip();
        if (!Slug.isValid(slug)) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(
                    new FieldError("slug", "must be lowercase letters, digits and single hyphens"))));
        }
        if (slugTaken(organization, slug, except)) {
            String suggestion = freeSlug(organization, slug, except);
            throw new ProblemException(StudioProblems.SLUG_TAKEN, "The address '" + slug + "' is taken in this organization. Try '" + suggestion + "'.",
                    Map.of("suggestion", suggestion));
        }
        return slug;
    }

    private String freeSlug(OrganizationId organization, String base, UUID except) {
        return Slug.free(base, candidate -> slugTaken(organization, candidate, except));
    }

    private boolean slugTaken(OrganizationId organization, String slug, UUID except) {
        return jdbc.sql("select exists (select 1 from projects where organization_id = ? and slug = ? and id is distinct from cast(? as uuid))")
                .params(organization.value(), slug, except)
                .query(Boolean.class)
                .single();
    }

    private Project load(ProjectId id) {
        return projects.findById(id.value()).orElseThrow(ProjectAccess::notFound);
    }

    /** A row of {@code projects} as details; what the caller may do there comes from {@link ProjectDetails#withAccess}. */
    private ProjectDetails detailsOf(ResultSet rs) throws SQLException {
        ProjectStatus status = ProjectStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT));
        Instant deletedAt = Rows.instant(rs, "deleted_at");
        return new ProjectDetails(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("title"),
                rs.getString("slug"), rs.getString("description"), rs.getString("logo"), rs.getString("thumbnail_mood"),
                rs.getString("genre"), rs.getString("sub_genre"), rs.getString("format"), rs.getString("target_audience"),
                rs.getString("target_market"), rs.getString("studio_name"), rs.getString("studio_logo"), rs.getString("ip_owner"),
                rs.getObject("production_date", LocalDate.class), strings(rs.getString("brand_logos")),
                strings(rs.getString("color_palette")), status.dbValue(), status.next().stream().map(ProjectStatus::dbValue).toList(),
                rs.getString("visibility"), rs.getLong("modo_tokens"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "published_at"), deletedAt, deletedAt == null ? null : deletedAt.plus(Project.RESTORE_WINDOW),
                Set.of(), false, false);
    }

    private List<String> strings(String jsonArray) {
        return List.copyOf(json.readValue(jsonArray, STRINGS));
    }

    private static ProjectDetails details(Project project, ProjectView view) {
        return ProjectDetails.of(project, view.editable(), view.manager(), view.orgAdmin());
    }
}
