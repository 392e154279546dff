package id.modo.verse.studio;

import java.util.Locale;

/** Where a version's content came from: a person's save, an AI generation (a later issue), or a restore of an older version. */
public enum VersionSource {
    MANUAL, AI, RESTORE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VersionSource fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
