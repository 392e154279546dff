package id.modo.verse.watch;

import java.util.List;

/** What the search page's template renders; public only because precompiled templates live in another package. */
public final class WatchSearchModels {

    private WatchSearchModels() {
    }

    /** The form as the reader filled it in (raw, so a wrong value is shown back), the fields it got wrong, the hits. */
    public record SearchPage(String q, String type, String genre, String year, String minRating, String language, List<String> invalid,
            List<WatchPageModels.Tile> results, String nextUrl) {
    }
}
