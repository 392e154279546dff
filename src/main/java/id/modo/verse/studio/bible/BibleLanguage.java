package id.modo.verse.studio.bible;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages a bible PDF is printed in: its titles and labels, not the writer's own text. */
public enum BibleLanguage {
    EN(Locale.ENGLISH), ID(Locale.of("id"));

    private final Locale locale;

    BibleLanguage(Locale locale) {
        this.locale = locale;
    }

    public String key() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<BibleLanguage> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key().equals(key)).findFirst();
    }

    /** The page's language when it is one of ours, else English. */
    static BibleLanguage of(Locale locale) {
        return byKey(locale.getLanguage()).orElse(EN);
    }
}
