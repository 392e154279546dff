package id.modo.verse.studio.project;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Everything about a project, and what the caller may do with it. */
public record ProjectDetails(UUID id, UUID organizationId, String title, String slug, String description, String logo, String thumbnailMood,
        String genre, String subGenre, String format, String targetAudience, String targetMarket, String studioName,
        String studioLogo, String ipOwner, LocalDate productionDate, List<String> brandLogos, List<String> colorPalette,
        String status, List<String> allowedStatuses, String visibility, long modoTokens, Instant createdAt, Instant updatedAt,
        Instant publishedAt, Instant deletedAt, Instant purgeAfter, Set<Section> editable, boolean manager, boolean orgAdmin) {

    static ProjectDetails of(Project project, Set<Section> editable, boolean manager, boolean orgAdmin) {
        return new ProjectDetails(project.id(), project.organizationId(), project.title(), project.slug(), project.description(),
                project.logo(), project.thumbnailMood(), project.genre(), project.subGenre(),
                project.format() == null ? null : project.format().dbValue(), project.targetAudience(), project.targetMarket(),
                project.studioName(), project.studioLogo(), project.ipOwner(), project.productionDate(), project.brandLogos(),
                project.colorPalette(), project.status().dbValue(), project.status().next().stream().map(ProjectStatus::dbValue).toList(),
                project.visibility().dbValue(), project.modoTokens(), project.createdAt(), project.updatedAt(), project.publishedAt(),
                project.deletedAt(), project.purgeAfter(), editable, manager, orgAdmin);
    }

    /** These details with what the caller may do there. */
    ProjectDetails withAccess(ProjectView view) {
        return new ProjectDetails(id, organizationId, title, slug, description, logo, thumbnailMood, genre, subGenre, format, targetAudience,
                targetMarket, studioName, studioLogo, ipOwner, productionDate, brandLogos, colorPalette, status, allowedStatuses, visibility,
                modoTokens, createdAt, updatedAt, publishedAt, deletedAt, purgeAfter, view.editable(), view.manager(), view.orgAdmin());
    }

    /** One or two capital letters for the card of a project without a picture: "Si Kancil" → "SK". */
    public String monogram() {
        String[] words = title.strip().split("\\s+");
        StringBuilder letters = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0)) && letters.length() < 2) {
                letters.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return letters.isEmpty() ? "?" : letters.toString();
    }
}
