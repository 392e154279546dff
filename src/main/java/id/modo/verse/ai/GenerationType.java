package id.modo.verse.ai;

import java.util.Locale;

/**
 * What a generation is for. Each costs its price in {@code ai_generation_prices} (admin-editable; seeded with the
 * issue's defaults), unless its model is priced by tokens.
 */
public enum GenerationType {
    PREMISE(ModelKind.TEXT),
    LOGLINE(ModelKind.TEXT),
    SYNOPSIS(ModelKind.TEXT),
    STORY_STRUCTURE(ModelKind.TEXT),
    WANT_NEED(ModelKind.TEXT),
    KEY_ACTIONS(ModelKind.TEXT),
    CHARACTER_PROFILE(ModelKind.TEXT),
    CHARACTER_IMAGE(ModelKind.IMAGE),
    UNIVERSE(ModelKind.TEXT),
    MOODBOARD_PROMPT(ModelKind.TEXT),
    MOODBOARD_IMAGE(ModelKind.IMAGE),
    SCRIPT_SCENE(ModelKind.TEXT),
    PERFORMANCE_SUGGESTIONS(ModelKind.TEXT),
    /** A beat's AI video; its model's credits per second when it has them, else this price per video. */
    BEAT_VIDEO(ModelKind.VIDEO);

    private final ModelKind kind;

    GenerationType(ModelKind kind) {
        this.kind = kind;
    }

    public ModelKind kind() {
        return kind;
    }

    /** Its name in the database and the API: {@code story_structure}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
