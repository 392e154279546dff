package id.modo.verse.studio;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.Membership;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.organization.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may see and edit a project, the one check every Studio feature makes before it reads or writes.
 * <ul>
 * <li>Read: the organization's owners and admins see every project; {@code team} and {@code public} projects are
 * seen by every member; {@code private} ones by their collaborators only.</li>
 * <li>Edit a section: owners and admins always; else a collaborator whose permissions list the section and whose
 * organization role allows editing content (viewers never edit).</li>
 * <li>Manage (details, status, visibility, delete, restore): owners, admins and collaborators with the
 * {@code ip_producer} role.</li>
 * </ul>
 * Anyone who may not see a project, or a project in the trash, gets the same 404 as a missing one.
 * <p>
 * A check is two queries: the project with the caller's collaborator row, then the membership (module {@code organization}).
 * No method opens a transaction: each query runs on its own, or in the caller's transaction when there is one. A
 * read-only transaction around these few reads cost every page and API call a BEGIN and COMMIT (bench/README.md).
 */
@Service
public class ProjectAccess {

    static final String IP_PRODUCER = "ip_producer";
    private static final RowMapper<Void> NOTHING = (rs, n) -> null;

    private final JdbcClient jdbc;
    private final Organizations organizations;

    ProjectAccess(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** The project if the caller may see it; 404 otherwise, or when it is in the trash. */
    public ProjectView read(UserId actor, ProjectId project) {
        return resolve(actor, project, false, NOTHING).orElseThrow(ProjectAccess::notFound).view();
    }

    /**
     * As {@link #read}, and {@code content} mapped from the same row of {@code projects} (all its columns): for the pages
     * and API answers that show the project itself, which then need no query of their own.
     */
    public <D> Checked<D> read(UserId actor, ProjectId project, RowMapper<D> content) {
        return resolve(actor, project, false, content).orElseThrow(ProjectAccess::notFound);
    }

    /** A project the caller may see, and what {@link #read(UserId, ProjectId, RowMapper)} mapped from its row. */
    public record Checked<D>(ProjectView view, D content) {
    }

    /** The project if the caller may see it, else empty: {@link #read} for callers that answer "not found" their own way. */
    public Optional<ProjectView> find(UserId actor, ProjectId project) {
        return resolve(actor, project, false, NOTHING).map(Checked::view);
    }

    /** The project if the caller may edit {@code section}: 404 as {@link #read}, 403 when they see it but may not edit it. */
    public ProjectView edit(UserId actor, ProjectId project, Section section) {
        ProjectView view = read(actor, project);
        if (!view.canEdit(section)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "You may not edit this project's " + section.dbValue() + ". Ask the project's producer or an organization admin.");
        }
        return view;
    }

    /** The project if the caller may change its details, status and visibility, or delete it: 404 as {@link #read}, else 403. */
    public ProjectView manage(UserId actor, ProjectId project) {
        return requireManager(read(actor, project));
    }

    /** As {@link #manage}, for a project that is in the trash (to restore it); 404 when it is not in the trash. */
    public ProjectView manageTrashed(UserId actor, ProjectId project) {
        return requireManager(resolve(actor, project, true, NOTHING).orElseThrow(ProjectAccess::notFound).view());
    }

    /** The project, read-only, when it is public and not in the trash: for the public bible page and anonymous visitors. */
    public Optional<ProjectView> publicProject(ProjectId project) {
        return load(project.value(), null, NOTHING).filter(row -> !row.deleted() && "public".equals(row.visibility()))
                .map(row -> row.view(Set.of(), false, false));
    }

    /** The public project of an organization by their addresses, e.g. {@code /p/studio-kancil/si-kancil}. */
    public Optional<ProjectView> publicProject(OrganizationId organization, String projectSlug) {
        return jdbc.sql("select id from projects where organization_id = ? and slug = ? and deleted_at is null and visibility = 'public'")
                .params(organization.value(), projectSlug)
                .query(UUID.class)
                .optional()
                .flatMap(id -> publicProject(ProjectId.of(id)));
    }

    /**
     * The organization's projects the caller may not see, by the rules of {@link #read}: private ones they are not on
     * (unless they are an owner or admin) and those in the trash.
     */
    public Set<UUID> hiddenFrom(UserId actor, OrganizationId organization) {
        boolean orgAdmin = organizations.membership(actor, organization).map(m -> orgAdmin(m.role())).orElse(false);
        return Set.copyOf(jdbc.sql("""
                select p.id from projects p
                where p.organization_id = :org
                  and (p.deleted_at is not null
                       or (not :orgAdmin and p.visibility = 'private'
                           and not exists (select 1 from project_collaborators c where c.project_id = p.id and c.user_id = :user)))""")
                .param("org", organization.value())
                .param("orgAdmin", orgAdmin)
                .param("user", actor.value())
                .query(UUID.class)
                .list());
    }

    private static boolean orgAdmin(Role role) {
        return role == Role.OWNER || role == Role.ADMIN;
    }

    private static ProjectView requireManager(ProjectView view) {
        if (!view.manager()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the project's producer (ip_producer) or an organization owner or admin may do this.");
        }
        return view;
    }

    private <D> Optional<Checked<D>> resolve(UserId actor, ProjectId project, boolean trashed, RowMapper<D> content) {
        Optional<Row<D>> found = load(project.value(), actor.value(), content).filter(row -> row.deleted() == trashed);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row<D> row = found.get();
        Optional<Membership> membership = organizations.membership(actor, OrganizationId.of(row.organizationId()));
        if (membership.isEmpty()) {
            return Optional.empty();
        }
        Role role = membership.get().role();
        if (orgAdmin(role)) {
            return Optional.of(row.checked(EnumSet.allOf(Section.class), true, true));
        }
        Collaborator collaborator = row.collaborator();
        if (collaborator == null && "private".equals(row.visibility())) {
            return Optional.empty();
        }
        Set<Section> editable = EnumSet.noneOf(Section.class);
        boolean manager = false;
        if (role.can(Permission.EDIT_CONTENT) && collaborator != null) {
            editable.addAll(collaborator.sections());
            manager = IP_PRODUCER.equals(collaborator.role());
        }
        return Optional.of(row.checked(editable, manager, false));
    }

    /** The project with the user's collaborator row, if any, in one query (a null user is nobody's collaborator). */
    private <D> Optional<Row<D>> load(UUID project, UUID user, RowMapper<D> content) {
        return jdbc.sql("""
                select p.*, p.deleted_at is not null as deleted, c.role as collaborator_role,
                  array(select jsonb_array_elements_text(c.permissions)) as collaborator_sections
                from projects p left join project_collaborators c on c.project_id = p.id and c.user_id = ?
                where p.id = ?""")
                .params(user, project)
                .query((rs, n) -> new Row<>(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getString("title"), rs.getString("slug"), rs.getString("status"), rs.getString("visibility"),
                        rs.getString("logo"), rs.getString("thumbnail_mood"), rs.getString("description"), rs.getString("genre"),
                        rs.getBoolean("deleted"), collaborator(rs), content.mapRow(rs, n)))
                .optional();
    }

    private static Collaborator collaborator(ResultSet rs) throws SQLException {
        String role = rs.getString("collaborator_role");
        if (role == null) {
            return null;
        }
        Set<Section> sections = EnumSet.noneOf(Section.class);
        for (String value : (String[]) rs.getArray("collaborator_sections").getArray()) {
            Section.fromDb(value).ifPresent(sections::add);
        }
        return new Collaborator(role, sections);
    }

    private record Row<D>(UUID id, UUID organizationId, String title, String slug, String status, String visibility, String logo,
            String thumbnailMood, String description, String genre, boolean deleted, Collaborator collaborator, D content) {

        ProjectView view(Set<Section> editable, boolean manager, boolean orgAdmin) {
            return new ProjectView(ProjectId.of(id), OrganizationId.of(organizationId), title, slug, status, visibility, logo,
                    thumbnailMood, description, genre, editable, manager, orgAdmin);
        }

        Checked<D> checked(Set<Section> editable, boolean manager, boolean orgAdmin) {
            return new Checked<>(view(editable, manager, orgAdmin), content);
        }
    }

    private record Collaborator(String role, Set<Section> sections) {
    }

    /** The 404 for a project the caller may not see: the same body as for one that does not exist. */
    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such project.");
    }
}
