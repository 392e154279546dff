package id.modo.verse.studio;

import java.util.Locale;
import java.util.Optional;

/**
 * A part of a project that a collaborator may be allowed to edit. The lowercase {@link #dbValue()} is what
 * {@code project_collaborators.permissions} lists. Moodboard, animation, prediction and export arrive with the
 * features that need them.
 */
public enum Section {
    STORY, CHARACTERS, UNIVERSE, TEAM, PREDICTION;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The section a stored or requested value names, or empty for one that does not exist. */
    public static Optional<Section> fromDb(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Section section : values()) {
            if (section.dbValue().equals(value)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /**
     * The section a project file of this category belongs to ({@code story}, {@code character} or
     * {@code characters}, {@code universe}), or empty for files of the project as a whole (logos,
     * brand material, uncategorised), which its managers look after.
     */
    public static Optional<Section> ofFileCategory(String category) {
        if (category == null) {
            return Optional.empty();
        }
        return switch (category) {
            case "story" -> Optional.of(STORY);
            case "character", "characters" -> Optional.of(CHARACTERS);
            case "universe" -> Optional.of(UNIVERSE);
            default -> Optional.empty();
        };
    }
}
