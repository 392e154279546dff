package id.modo.verse.studio.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A schema section as a reader sees it: only its filled fields, in schema order, with their labels in the reader's
 * language and pictures as fetchable URLs. The public bible shows characters and the universe this way, so an empty
 * field never appears as a blank heading.
 */
public final class SectionDisplay {

    private SectionDisplay() {
    }

    /** A section with something in it: its key, its title and its filled fields. */
    public record Shown(String key, String title, List<Field> fields) {

        public List<Field> texts() {
            return fields.stream().filter(f -> f.imageUrl() == null).toList();
        }

        public List<Field> pictures() {
            return fields.stream().filter(f -> f.imageUrl() != null).toList();
        }
    }

    /** One filled field: text, or a picture ({@code imageUrl} set, {@code text} null). */
    public record Field(String key, String label, String text, String imageUrl) {
    }

    /**
     * The filled fields of {@code section}; empty when none is. {@code imageUrl} turns a stored picture reference into
     * a URL the reader can fetch (null for one that points nowhere, which is then left out).
     */
    public static Optional<Shown> of(SectionSchema section, Map<String, String> values, Locale locale, Function<String, String> imageUrl) {
        List<Field> fields = new ArrayList<>();
        for (SectionField field : section.fields()) {
            String value = values.get(field.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (field.kind() == SectionField.Kind.IMAGE) {
                String url = imageUrl.apply(value);
                if (url != null) {
                    fields.add(new Field(field.key(), field.label(locale), null, url));
                }
            } else {
                fields.add(new Field(field.key(), field.label(locale), value, null));
            }
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(new Shown(section.key(), section.label(locale), fields));
    }

    /** Every filled section of a schema, in its order. */
    public static <S extends Enum<S> & SectionSchema> List<Shown> all(S[] sections, Function<S, Map<String, String>> values, Locale locale,
            Function<String, String> imageUrl) {
        List<Shown> shown = new ArrayList<>();
        for (S section : sections) {
            of(section, values.apply(section), locale, imageUrl).ifPresent(shown::add);
        }
        return shown;
    }
}
