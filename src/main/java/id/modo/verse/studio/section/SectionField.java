package id.modo.verse.studio.section;

import java.util.Locale;

/**
 * One known field of a JSONB section: its JSON key, its kind, the longest value it takes and its
 * label in English and Bahasa Indonesia. The form, the OpenAPI description and the validation all
 * read these, so a field exists in one place only.
 */
public record SectionField(String key, Kind kind, int maxLength, String labelEn, String labelId) {

    /** Free text fits a paragraph or a few; longer writing belongs in the arc or the story. */
    public static final int TEXT_MAX = 4000;

    /** An image is an asset URL path handed out by the media module, never embedded data. */
    public static final int IMAGE_MAX = 1000;

    public enum Kind {
        TEXT,
        IMAGE
    }

    public SectionField {
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a field key is snake_case: " + key);
        }
    }

    public static SectionField text(String key, String labelEn, String labelId) {
        return new SectionField(key, Kind.TEXT, TEXT_MAX, labelEn, labelId);
    }

    public static SectionField image(String key, String labelEn, String labelId) {
        return new SectionField(key, Kind.IMAGE, IMAGE_MAX, labelEn, labelId);
    }

    public String label(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? labelId : labelEn;
    }
}
