package id.modo.verse.media;

import java.util.Locale;

/**
 * Who may fetch an asset's bytes: {@code PRIVATE} ones only through short-lived signed URLs,
 * {@code PUBLIC} ones (a published bible's pictures) at a stable, cacheable URL.
 */
public enum AssetVisibility {
    PRIVATE, PUBLIC;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AssetVisibility fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
