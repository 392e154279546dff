package id.modo.verse.studio.project;

import id.modo.verse.identity.UserId;
import id.modo.verse.media.ProjectDirectory;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Role;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells media who may see and change their files, with the
 * same rules as the project itself ({@link ProjectAccess}): a file filed under a section
 * ({@link Section#ofFileCategory}) is changed by those who edit that section, any other project file
 * (logos, brand material) by the project's managers.
 */
@Component
class StudioProjectDirectory implements ProjectDirectory {

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final Organizations organizations;

    StudioProjectDirectory(JdbcClient jdbc, ProjectAccess access, Organizations organizations) {
        this.jdbc = jdbc;
        this.access = access;
        this.organizations = organizations;
    }

    @Override
    public Optional<OrganizationId> visibleTo(UserId actor, UUID projectId) {
        return access.find(actor, ProjectId.of(projectId)).map(view -> view.organizationId());
    }

    @Override
    public void requireFileEditor(UserId actor, UUID projectId, String category) {
        ProjectId project = ProjectId.of(projectId);
        Optional<Section> section = Section.ofFileCategory(category);
        if (section.isPresent()) {
            access.edit(actor, project, section.get());
        } else {
            access.manage(actor, project);
        }
    }

    @Override
    public Set<UUID> hiddenFrom(UserId actor, OrganizationId organization) {
        boolean orgAdmin = organizations.membership(actor, organization)
                .map(m -> m.role() == Role.OWNER || m.role() == Role.ADMIN)
                .orElse(false);
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
}
