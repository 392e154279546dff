package id.modo.verse.watch;

import java.util.Locale;

/** What a content is; a series has seasons and episodes, every other type has one video of its own. */
public enum ContentType {
    MOVIE, SERIES, SHORT, DOCUMENTARY;

    public boolean episodic() {
        return this == SERIES;
    }

    private final String dbValue = name().toLowerCase(Locale.ROOT);

    public String dbValue() {
        return dbValue;
    }
}
