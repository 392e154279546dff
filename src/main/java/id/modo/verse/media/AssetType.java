package id.modo.verse.media;

import java.util.Locale;

/** What kind of file an asset is, decided from its content. */
public enum AssetType {
    IMAGE, AUDIO, VIDEO, DOCUMENT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AssetType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
