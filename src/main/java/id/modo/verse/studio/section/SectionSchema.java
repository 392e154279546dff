package id.modo.verse.studio.section;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The documented shape of one JSONB section (a character's {@code psychological}, a universe's
 * {@code rules}…): its column, its labels and its known fields. Implemented by enums so the set of
 * sections is closed and each section's fields are listed once.
 */
public interface SectionSchema {

    /**
     * What one section declares. An enum cannot inherit fields, so each section enum keeps one of these and the
     * accessors below read it, instead of every enum repeating four fields and their getters.
     *
     * @param key the JSON member and database column, e.g. {@code core_beliefs}
     */
    record Definition(String key, String labelEn, String labelId, List<SectionField> fields) {

        public Definition {
            fields = List.copyOf(fields);
        }
    }

    Definition definition();

    /** The JSON member and database column, e.g. {@code core_beliefs}. */
    default String key() {
        return definition().key();
    }

    default String labelEn() {
        return definition().labelEn();
    }

    default String labelId() {
        return definition().labelId();
    }

    default List<SectionField> fields() {
        return definition().fields();
    }

    /** The section of {@code type} stored under {@code key}. */
    static <S extends Enum<S> & SectionSchema> Optional<S> byKey(Class<S> type, String key) {
        return EnumSet.allOf(type).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    default String label(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? labelId() : labelEn();
    }

    default Optional<SectionField> field(String fieldKey) {
        return fields().stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    /** One line for the API docs: the section's label and its known fields with their limits. */
    default String describe() {
        StringBuilder out = new StringBuilder(labelEn()).append(". Known fields (string values; any other key is refused): ");
        for (int i = 0; i < fields().size(); i++) {
            SectionField f = fields().get(i);
            out.append(i == 0 ? "" : ", ").append('`').append(f.key()).append('`')
                    .append(f.kind() == SectionField.Kind.IMAGE ? " (image URL" : " (text")
                    .append(", at most ").append(f.maxLength()).append(" characters)");
        }
        return out.append('.').toString();
    }
}
