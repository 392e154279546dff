package id.modo.verse.studio.character;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The documented shape of one JSONB section (a character's {@code psychological}, a universe's
 * {@code rules}…): its column, its labels and its known fields. Implemented by enums so the set of
 * sections is closed and each section's fields are listed once.
 */
public interface SectionSchema {

    /** The JSON member and database column, e.g. {@code core_beliefs}. */
    String key();

    String labelEn();

    String labelId();

    List<SectionField> fields();

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
