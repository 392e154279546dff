package id.modo.verse.studio.character;

/**
 * Estimates how wide a line of text renders in Helvetica/Arial (the graph's font stack), from
 * the fonts' published advance widths, so the server can lay out labels without a browser.
 * Characters outside printable ASCII count as a full em, which overestimates accented Latin and
 * is right for CJK: an estimate that errs wide can only leave more room, never cause an overlap.
 */
public final class TextMetrics {

    /** Helvetica advance widths in 1/1000 em for ' ' (32) through '~' (126). */
    private static final short[] WIDTHS = {
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};

    /** Bold glyphs run up to about a tenth wider; the margin also covers hinting and fallbacks. */
    private static final double SAFETY = 1.12;

    /** Above the baseline: Helvetica's ascender with room for accents. */
    public static final double ASCENT = 0.95;

    /** Below the baseline: the descender with room for a comma or a cedilla. */
    public static final double DESCENT = 0.25;

    private TextMetrics() {
    }

    public static double width(String text, double fontSize) {
        double units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += cp >= 32 && cp <= 126 ? WIDTHS[cp - 32] : 1000;
            i += Character.charCount(cp);
        }
        return units / 1000.0 * fontSize * SAFETY;
    }

    public static double height(double fontSize) {
        return (ASCENT + DESCENT) * fontSize;
    }

    /** The text itself if it fits {@code maxWidth}, else its longest prefix that fits with an ellipsis. */
    public static String fit(String text, double fontSize, double maxWidth) {
        if (width(text, fontSize) <= maxWidth) {
            return text;
        }
        int end = text.length();
        while (end > 0) {
            end = text.offsetByCodePoints(end, -1);
            String candidate = text.substring(0, end).stripTrailing() + "…";
            if (width(candidate, fontSize) <= maxWidth) {
                return candidate;
            }
        }
        return "…";
    }
}
