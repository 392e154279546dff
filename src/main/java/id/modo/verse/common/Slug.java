package id.modo.verse.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The readable address part of a thing people link to ({@code /o/studio-kancil}, a project's
 * {@code si-kancil}): lowercase ASCII letters and digits with single hyphens between, at most 100
 * characters. Each module decides where an address must be unique and which words it reserves;
 * this is the shape, the suggestion from a name, and the search for a free one.
 */
public final class Slug {

    public static final int MAX_LENGTH = 100;
    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$");
    /** Suggestions stay this short, leaving room for a "-2" and more. */
    private static final int SUGGESTED_LENGTH = 90;

    private Slug() {
    }

    /** "Studio Kancil Animasi!" → "studio-kancil-animasi"; letters lose their accents; {@code fallback} when nothing is left. */
    public static String suggest(String name, String fallback) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SUGGESTED_LENGTH) {
            slug = slug.substring(0, SUGGESTED_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** Lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
    public static boolean isValid(@Nullable String slug) {
        return slug != null && SHAPE.matcher(slug).matches() && !slug.contains("--");
    }

    /** {@code base} if it is available, else the first of {@code base-2}, {@code base-3}, … that is. */
    public static String free(String base, Predicate<String> unavailable) {
        String candidate = base;
        for (int n = 2; unavailable.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
