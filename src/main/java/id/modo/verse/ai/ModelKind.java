package id.modo.verse.ai;

import java.util.Locale;

/** What a model makes; {@link #key()} is its name in {@code ai_models.kind}. */
public enum ModelKind {
    TEXT, IMAGE, VIDEO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
