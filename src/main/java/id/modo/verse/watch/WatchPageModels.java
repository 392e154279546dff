package id.modo.verse.watch;

import java.util.List;

/** What the watch pages' templates render; public only because precompiled templates live in another package. */
public final class WatchPageModels {

    private WatchPageModels() {
    }

    /** A poster tile. */
    public record Tile(String id, String title, String posterUrl, String type, Integer releaseYear, String visibility, String href,
            String progressLabel, int progressPercent) {
    }

    /**
     * The catalogue home: on the first page without a search, the featured banner and the rows (each left out when
     * empty); then new releases, or the search results.
     */
    /**
     * The home, or a page of the catalogue (a query or a later page: no rows, {@code catalogue} only). The rows every viewer
     * sees come rendered already ({@code sharedRows}: trending and the categories; {@code newestGrid}: the newest titles).
     */
    public record Home(String query, Tile featured, String featuredDescription, List<Tile> continueWatching, List<Tile> nextUp,
            gg.jte.Content sharedRows, List<Tile> myList, gg.jte.Content newestGrid, List<Tile> catalogue, String nextUrl) {
    }

    /** A named row of tiles (a category's). */
    public record Row(String title, String slug, List<Tile> tiles) {
    }

    public record EpisodeLine(String id, int number, String title, Integer durationMinutes, String thumbnailUrl, String playUrl) {
    }

    public record SeasonBlock(int number, String title, List<EpisodeLine> episodes) {
    }

    public record Title(String id, String title, String posterUrl, String type, String genre, Integer releaseYear, String visibility,
            String rating, String descriptionHtml, List<String> cast, boolean playable, String playUrl, List<SeasonBlock> seasons,
            boolean inWatchlist, RatingsBlock ratings) {
    }

    /**
     * A title's ratings as its page shows them: the average ({@code null} before the first), the reader's own rating and
     * review for the form, and the newest reviews. {@code open} is false where the title takes no ratings (not published).
     */
    public record RatingsBlock(boolean open, String average, int count, Integer myRating, String myReview, List<ReviewLine> reviews,
            String error) {
    }

    public record ReviewLine(String id, String author, int rating, String reviewHtml, int helpfulCount, boolean mine, boolean votedHelpful,
            java.time.Instant updatedAt) {
    }

    public record Player(String contentId, String episodeId, String title, String subtitle, String masterUrl, String posterUrl,
            int startSeconds, String backUrl, String nextUrl, String nextLabel, String viewerId) {
    }

    public record MyList(List<Tile> tiles) {
    }

    /** The publisher's list of an organization's contents. */
    public record Manager(String organizationId, String organizationName, List<ManagedContent> contents, boolean canEdit, String error) {
    }

    public record ManagedContent(String id, String title, String type, String status, String visibility, String posterUrl, String href) {
    }

    /** One content as its publisher manages it: status moves, seasons and episodes, uploads and their transcoding. */
    public record ManagedTitle(String organizationId, String id, String title, String type, String status, List<String> allowedStatuses,
            String visibility, String posterUrl, boolean canEdit, VideoBox video, List<ManagedEpisode> episodes, String error) {
    }

    public record ManagedEpisode(String id, int season, int number, String title, VideoBox video) {
    }

    /** A video's state for the page; {@code jobId} set while it transcodes, so the page follows its progress. */
    public record VideoBox(String uploadUrl, String state, String failureReason, String jobId, List<Integer> renditions,
            String previewUrl, List<SubtitleLine> subtitles) {
    }

    /** A subtitle track on the content manager's page; {@code deleteUrl} posts its removal. */
    public record SubtitleLine(String language, String label, int cues, String deleteUrl) {
    }

    /** The admins' list of content categories. */
    public record CategoryAdmin(List<CategoryLine> categories, String error) {
    }

    public record CategoryLine(String id, String name, String slug, int displayOrder, boolean active) {
    }

    /** A title's categories on the publisher's page: every category, the title's ticked (inactive ones say so). */
    public record CategoryPicker(String action, boolean canEdit, List<CategoryChoice> choices) {
    }

    public record CategoryChoice(String id, String name, boolean active, boolean checked) {
    }

    /** The admins' curation of the home's banner: the featured titles and the published ones to choose from. */
    public record FeaturedAdmin(String query, List<FeaturedLine> featured, List<FeaturedLine> published, String error) {
    }

    public record FeaturedLine(String id, String title, String organizationName, String visibility, String posterUrl, boolean featured) {
    }

    /** The player's answer to a viewer whose plan does not include the title (HTTP 403). */
    public record PlanRequired(String title, String posterUrl, String visibility, String titleUrl) {
    }
}
