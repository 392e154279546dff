package id.modo.verse.studio.project;

import id.modo.verse.identity.UserId;
import id.modo.verse.media.ProjectDirectory;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells media who may see and change a project's files, with the same rules as the project itself
 * ({@link ProjectAccess}): a file filed under a section
 * ({@link Section#ofFileCategory}) is changed by those who edit that section, any other project file
 * (logos, brand material) by the project's managers.
 */
@Component
class StudioProjectDirectory implements ProjectDirectory {

    private final ProjectAccess access;

    StudioProjectDirectory(ProjectAccess access) {
        this.access = access;
    }

    @Override
    public Optional<OrganizationId> visibleTo(UserId actor, UUID projectId) {
        return access.find(actor, ProjectId.of(projectId)).map(ProjectView::organizationId);
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
        return access.hiddenFrom(actor, organization);
    }
}
