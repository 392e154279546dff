package id.modo.verse.studio;

import id.modo.verse.common.web.ProblemException;
import id.modo.verse.common.web.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.Membership;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.organization.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * No method opens a transaction: each query runs on its own, or in the caller's transaction when there is one. A
 * read-only transaction around these few reads cost every page and API call a BEGIN and COMMIT (bench/README.md).
 */
@Service
public class ProjectAccess {

    static final String IP_PRODUCER = "ip_producer";

    private final JdbcClient jdbc;
    private final Organizations organizations;

    ProjectAccess(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** The project if the caller may see it; 404 otherwise, or when it is in the trash. */
    public ProjectView read(UserId actor, ProjectId project) {
        return resolve(actor, project, false).orElseThrow(ProjectAccess::notFound);
    }

    /** The project if the caller may see it, else empty: {@link #read} for callers that answer "not found" their own way. */
    public Optional<ProjectView> find(UserId actor, ProjectId project) {
        return resolve(actor, project, false);
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
        return requireManager(resolve(actor, project, false).orElseThrow(ProjectAccess::notFound));
    }

    /** As {@link #manage}, for a project that is in the trash (to restore it); 404 when it is not in the trash. */
    public ProjectView manageTrashed(UserId actor, ProjectId project) {
        return requireManager(resolve(actor, project, true).orElseThrow(ProjectAccess::notFound));
    }

    /** The project, read-only, when it is public and not in the trash: for the public bible page and anonymous visitors. */
    public Optional<ProjectView> publicProject(ProjectId project) {
        return load(project.value()).filter(row -> !row.deleted() && "public".equals(row.visibility()))
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

    private Optional<ProjectView> resolve(UserId actor, ProjectId project, boolean trashed) {
        Optional<Row> found = load(project.value()).filter(row -> row.deleted() == trashed);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        Optional<Membership> membership = organizations.membership(actor, OrganizationId.of(row.organizationId()));
        if (membership.isEmpty()) {
            return Optional.empty();
        }
        Role role = membership.get().role();
        if (orgAdmin(role)) {
            return Optional.of(row.view(EnumSet.allOf(Section.class), true, true));
        }
        Optional<Collaborator> collaborator = collaborator(project.value(), actor.value());
        if (collaborator.isEmpty() && "private".equals(row.visibility())) {
            return Optional.empty();
        }
        boolean mayEdit = role.can(Permission.EDIT_CONTENT);
        Set<Section> editable = EnumSet.noneOf(Section.class);
        boolean manager = false;
        if (mayEdit && collaborator.isPresent()) {
            editable.addAll(collaborator.get().sections());
            manager = IP_PRODUCER.equals(collaborator.get().role());
        }
        return Optional.of(row.view(editable, manager, false));
    }

    private Optional<Row> load(UUID project) {
        return jdbc.sql("""
                select id, organization_id, title, slug, status, visibility, logo, thumbnail_mood, description, genre,
                  deleted_at is not null as deleted
                from projects where id = ?""")
                .param(project)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getString("title"), rs.getString("slug"), rs.getString("status"), rs.getString("visibility"),
                        rs.getString("logo"), rs.getString("thumbnail_mood"), rs.getString("description"), rs.getString("genre"),
                        rs.getBoolean("deleted")))
                .optional();
    }

    private Optional<Collaborator> collaborator(UUID project, UUID user) {
        return jdbc.sql("""
                select role, array(select jsonb_array_elements_text(permissions)) as sections
                from project_collaborators where project_id = ? and user_id = ?""")
                .params(project, user)
                .query((rs, n) -> {
                    Set<Section> sections = EnumSet.noneOf(Section.class);
                    for (String value : (String[]) rs.getArray("sections").getArray()) {
                        Section.fromDb(value).ifPresent(sections::add);
                    }
                    return new Collaborator(rs.getString("role"), sections);
                })
                .optional();
    }

    private record Row(UUID id, UUID organizationId, String title, String slug, String status, String visibility, String logo,
            String thumbnailMood, String description, String genre, boolean deleted) {

        ProjectView view(Set<Section> editable, boolean manager, boolean orgAdmin) {
            return new ProjectView(ProjectId.of(id), OrganizationId.of(organizationId), title, slug, status, visibility, logo,
                    thumbnailMood, description, genre, editable, manager, orgAdmin);
        }
    }

    private record Collaborator(String role, Set<Section> sections) {
    }

    /** The 404 for a project the caller may not see: the same body as for one that does not exist. */
    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such project.");
    }
}
