package id.modo.verse.studio.character;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A character's part in the story, as {@code characters.role} allows. */
public enum CharacterRole {
    PROTAGONIST("Protagonist", "Protagonis"),
    ANTAGONIST("Antagonist", "Antagonis"),
    SUPPORTING("Supporting", "Pendukung"),
    MINOR("Minor", "Figuran");

    private final String labelEn;
    private final String labelId;

    CharacterRole(String labelEn, String labelId) {
        this.labelEn = labelEn;
        this.labelId = labelId;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? labelId : labelEn;
    }

    public static Optional<CharacterRole> fromDb(String value) {
        return Arrays.stream(values()).filter(r -> r.dbValue().equals(value)).findFirst();
    }
}
