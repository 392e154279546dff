package id.modo.verse.studio;

import id.modo.verse.organization.OrganizationId;
import java.util.Set;

/**
 * A project as the caller may see it, with what the caller may do there: {@code editable} lists the sections
 * they may edit, {@code manager} says whether they may change the project's details, status and visibility,
 * delete and restore it. On the public page both are empty/false.
 */
public record ProjectView(ProjectId id, OrganizationId organizationId, String title, String slug, String status,
        String visibility, String logo, String thumbnailMood, String description, String genre, Set<Section> editable, boolean manager,
        boolean orgAdmin) {

    public ProjectView {
        editable = Set.copyOf(editable);
    }

    public boolean canEdit(Section section) {
        return editable.contains(section);
    }
}
