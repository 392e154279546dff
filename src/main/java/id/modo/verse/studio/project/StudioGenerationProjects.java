package id.modo.verse.studio.project;

import id.modo.verse.ai.GenerationProjects;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.ai.ProjectAiSettings;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the AI gateway which projects a generation may name: those the asker sees, by Studio's rules. */
@Component
class StudioGenerationProjects implements GenerationProjects {

    private final ProjectAccess access;
    private final ProjectAiSettings settings;

    StudioGenerationProjects(ProjectAccess access, ProjectAiSettings settings) {
        this.access = access;
        this.settings = settings;
    }

    @Override
    public Optional<OrganizationId> visibleTo(UserId user, UUID projectId) {
        return access.find(user, ProjectId.of(projectId)).map(ProjectView::organizationId);
    }

    @Override
    public OptionalInt monthlyAllotment(UUID projectId) {
        return settings.monthlyAllotment(projectId);
    }
}
