package id.modo.verse.watch;

import java.util.Locale;

/** Who may play a content: free (anyone signed in), subscribers (a paid plan), premium (a plan that includes premium). */
public enum ContentVisibility {
    FREE, SUBSCRIBERS, PREMIUM;

    private final String dbValue = name().toLowerCase(Locale.ROOT);

    public String dbValue() {
        return dbValue;
    }
}
