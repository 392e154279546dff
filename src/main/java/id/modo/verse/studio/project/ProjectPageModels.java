package id.modo.verse.studio.project;

import id.modo.verse.organization.Organizations;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Map;

/** What the project pages show. */
public final class ProjectPageModels {

    private ProjectPageModels() {
    }

    public record ListPage(String organizationId, String organizationName, List<ProjectDetails> projects, String status, String genre,
            List<String> statuses, String nextUrl, boolean firstPage, boolean canCreate, String error) {
    }

    public record OverviewPage(ProjectView project, WorkspaceTabs tabs, ProjectDetails details, List<String> formats,
            List<String> visibilities, Map<String, String> errors, boolean saved) {
    }

    public record TrashPage(String organizationId, String organizationName, List<ProjectDetails> projects) {
    }

    public record TeamPage(ProjectView project, WorkspaceTabs tabs, List<Collaborators.CollaboratorView> team, List<String> roles,
            List<String> sections, List<Organizations.MemberView> candidates, String error) {
    }
}
