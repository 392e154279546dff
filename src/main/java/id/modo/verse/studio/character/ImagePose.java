package id.modo.verse.studio.character;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The pose pictures a character sheet has, the keys of {@code characters.image_poses}. */
public enum ImagePose {
    FRONT("Front", "Depan"),
    THREE_QUARTER("Three-quarter", "Tiga perempat"),
    SIDE("Side", "Samping"),
    BACK("Back", "Belakang");

    private final String labelEn;
    private final String labelId;

    ImagePose(String labelEn, String labelId) {
        this.labelEn = labelEn;
        this.labelId = labelId;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? labelId : labelEn;
    }

    public static Optional<ImagePose> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }
}
