package id.modo.verse.studio.bible;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A part of the bible PDF the reader may choose, in the order the PDF prints them; {@link #key()} is its API name. */
public enum BibleSection {
    COVER, OVERVIEW, STORY, STRUCTURE, WANT_NEED, CHARACTERS, UNIVERSE, MOODBOARD, PREDICTION, TEAM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of the section's title in the PDF and on the page. */
    public String titleKey() {
        return "bible.pdf.section." + key();
    }

    public static Optional<BibleSection> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    static String keys() {
        return Arrays.stream(values()).map(BibleSection::key).collect(Collectors.joining(", "));
    }
}
