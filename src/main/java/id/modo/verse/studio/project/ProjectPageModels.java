package id.modo.verse.studio.project;

import id.modo.verse.organization.Organizations;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the project pages show. */
public final class ProjectPageModels {

    private ProjectPageModels() {
    }

    /** {@code thumbnails}: each project's card picture by id, when it has an uploaded one. */
    public record ListPage(String organizationId, String organizationName, List<ProjectDetails> projects, Map<UUID, String> thumbnails,
            String status, String genre, List<String> statuses, String nextUrl, boolean firstPage, boolean canCreate, String error) {

        public String thumbnail(ProjectDetails project) {
            return thumbnails.get(project.id());
        }
    }

    /**
     * {@code pictures}: the logo, mood thumbnail and studio logo, in that order; {@code pictureError}: why the last
     * picture upload failed ({@code image} or {@code quota}), else null.
     */
    public record OverviewPage(ProjectView project, WorkspaceTabs tabs, ProjectDetails details, List<String> formats,
            List<String> visibilities, List<Picture> pictures, Map<String, String> errors, boolean saved, String pictureError) {
    }

    /**
     * One of the project's pictures: {@code field} as the API names it, {@code url} to show an uploaded one, or
     * {@code external} for an http(s) address set through the API, which pages link to but do not load.
     */
    public record Picture(String field, String url, String external) {
    }

    public record TrashPage(String organizationId, String organizationName, List<ProjectDetails> projects) {
    }

    public record TeamPage(ProjectView project, WorkspaceTabs tabs, List<Collaborators.CollaboratorView> team, List<String> roles,
            List<String> sections, List<Organizations.MemberView> candidates, String error, String notice) {

        /** The project's only producer cannot leave or change role (the API refuses), so the page offers neither. */
        public boolean onlyProducer(Collaborators.CollaboratorView member) {
            return member.role() == CollaboratorRole.IP_PRODUCER
                    && team.stream().filter(m -> m.role() == CollaboratorRole.IP_PRODUCER).count() == 1;
        }
    }
}
