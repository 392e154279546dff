package id.modo.verse.media;

import java.util.List;

/** What the media library page renders; public only because precompiled templates live in another package. */
public final class MediaPageModels {

    private MediaPageModels() {
    }

    /** A byte count as people read it: 1.5 MB, 820 KB (decimal units, as disks and plans are sold). */
    public static String size(long bytes, java.util.Locale locale) {
        return id.modo.verse.common.Formats.bytes(bytes, locale);
    }

    /**
     * One tile of the grid, with page-relative URLs (the page may be opened under another host name
     * than {@code modo.public-url}).
     */
    public record Tile(String id, String type, String name, String mimeType, long sizeBytes, String url, String thumbnailUrl,
            boolean isPublic, String category, java.time.Instant createdAt) {
    }

    /**
     * The library: storage use as a percentage bar, one page of tiles, the upload form for those who may
     * upload, and the outcome of the last action (a message key), if any.
     */
    public record LibraryPage(String organizationId, String organizationName, long usedBytes, long limitBytes, double usedPercent,
            List<Tile> tiles, String typeFilter, List<String> types, String nextUrl, boolean canUpload, String notice,
            String error) {
    }
}
