package id.modo.verse.studio;

import java.util.Locale;
import java.util.UUID;

/**
 * Writes a restored version back into a feature's own table. Each feature that saves through {@link Versions}
 * declares one bean per entity type it versions (story, character, universe, script…).
 */
public interface VersionedContent {

    /** The {@code entityType} this bean's feature passes to {@link Versions#save}. */
    String entityType();

    /** The section a person must be allowed to edit to restore a version of this entity type. */
    Section accessSection();

    /**
     * Makes {@code content} (exactly as it was passed to {@link Versions#save}) the entity's current state for
     * {@code section}. Runs in the restore's transaction; throw a {@code ProblemException} (e.g. 404 when the entity
     * is gone, 409 when the content no longer fits) to refuse, and the restore is rolled back.
     */
    void apply(ProjectId project, UUID entityId, String section, String content);

    /**
     * The content as people read it, for the word diff between two versions (e.g. a beat set as titled paragraphs
     * rather than JSON). By default the content itself.
     */
    default String readable(String section, String content) {
        return content;
    }

    /** What to call the entity in the history when its type is not enough (a character's name); null for none. */
    default String label(UUID entityId) {
        return null;
    }

    /** What people call this entity type in the history, in their language ("Story", "Cerita"); null shows the type key. */
    default String typeLabel(Locale locale) {
        return null;
    }

    /**
     * What people call one of its sections in the history, in their language: the same label its page or section schema
     * shows ("Want and need", "Fisiologi"); null shows the key.
     */
    default String sectionLabel(String section, Locale locale) {
        return null;
    }
}
