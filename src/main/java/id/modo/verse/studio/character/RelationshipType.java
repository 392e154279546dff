package id.modo.verse.studio.character;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How one character stands to another, with the way the graph draws it. Each type differs from
 * the others in its dash pattern as well as its colour, so the picture reads without colour too.
 */
public enum RelationshipType {

    FAMILY("family", "Family", "Keluarga", "#7c3aed", null, 2.5),
    FRIEND("friend", "Friend", "Teman", "#15803d", "8 4", 2),
    RIVAL("rival", "Rival", "Saingan", "#c2410c", "2 3", 2.5),
    MENTOR("mentor", "Mentor", "Mentor", "#0369a1", "12 3 2 3", 2),
    LOVE("love", "Love", "Cinta", "#be185d", null, 4),
    ENEMY("enemy", "Enemy", "Musuh", "#b91c1c", "6 2 2 2 2 2", 2.5),
    ALLY("ally", "Ally", "Sekutu", "#1d4ed8", "4 4", 2),
    OTHER("other", "Other", "Lainnya", "#4b5563", "1 5", 2);

    private final String key;
    private final String labelEn;
    private final String labelId;
    private final String colour;
    private final String dash;
    private final double width;

    RelationshipType(String key, String labelEn, String labelId, String colour, String dash, double width) {
        this.key = key;
        this.labelEn = labelEn;
        this.labelId = labelId;
        this.colour = colour;
        this.dash = dash;
        this.width = width;
    }

    public static Optional<RelationshipType> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public String label(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? labelId : labelEn;
    }

    public String colour() {
        return colour;
    }

    /** The SVG {@code stroke-dasharray}, or {@code null} for a solid line. */
    public String dash() {
        return dash;
    }

    public double width() {
        return width;
    }
}
