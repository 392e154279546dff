package id.modo.verse.studio.project;

import java.time.LocalDate;
import java.util.List;

/**
 * The details a manager changes on a project. Null leaves a field as it is; an empty text or list clears it.
 * {@code productionDate} is cleared by {@code clearProductionDate}.
 */
record ProjectChange(String title, String slug, String description, String logo, String thumbnailMood, String genre, String subGenre,
        ProjectFormat format, boolean clearFormat, String targetAudience, String targetMarket, String studioName, String studioLogo,
        String ipOwner, LocalDate productionDate, boolean clearProductionDate, List<String> brandLogos, List<String> colorPalette,
        Visibility visibility) {

    /** Sets one picture field ({@code logo}, {@code thumbnail_mood}, {@code studio_logo}) and leaves the rest. */
    static ProjectChange picture(String field, String value) {
        return new ProjectChange(null, null, null, field.equals("logo") ? value : null, field.equals("thumbnail_mood") ? value : null,
                null, null, null, false, null, null, null, field.equals("studio_logo") ? value : null, null, null, false, null, null, null);
    }
}
