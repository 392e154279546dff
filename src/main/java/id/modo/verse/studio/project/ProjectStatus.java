package id.modo.verse.studio.project;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a project is in its life: draft → in_progress → completed → published, and back from completed to in_progress. */
enum ProjectStatus {
    DRAFT, IN_PROGRESS, COMPLETED, PUBLISHED;

    Set<ProjectStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(COMPLETED);
            case COMPLETED -> EnumSet.of(PUBLISHED, IN_PROGRESS);
            case PUBLISHED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
