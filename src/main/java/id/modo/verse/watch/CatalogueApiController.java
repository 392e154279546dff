package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Watch catalogue", description = "Published titles, progress reports, continue watching and the watchlist")
@RestController
class CatalogueApiController {

    private final Catalogue catalogue;
    private final WatchHistory history;
    private final Ratings ratings;
    private final ContentSearch search;

    CatalogueApiController(Catalogue catalogue, WatchHistory history, Ratings ratings, ContentSearch search) {
        this.catalogue = catalogue;
        this.history = history;
        this.ratings = ratings;
        this.search = search;
    }

    record ItemResponse(UUID id, String title, String slug, String type, String genre, Integer releaseYear, String posterUrl,
            String visibility, Instant publishedAt) {

        static ItemResponse of(Catalogue.Item i) {
            return new ItemResponse(i.id().value(), i.title(), i.slug(), i.type().dbValue(), i.genre(), i.releaseYear(), i.posterUrl(),
                    i.visibility().dbValue(), i.publishedAt());
        }
    }

    record EpisodeItem(UUID id, int episodeNumber, String title, Integer durationMinutes, String thumbnailUrl, String masterPlaylistUrl) {
    }

    record SeasonItem(UUID id, int seasonNumber, String title, List<EpisodeItem> episodes) {
    }

    record PersonItem(String name, String role) {
    }

    record DetailResponse(UUID id, String title, String type, String genre, Integer releaseYear, String posterUrl, String visibility,
            String description, String synopsis, String rating, Integer durationMinutes, List<PersonItem> castList, boolean playable,
            String masterPlaylistUrl, List<SeasonItem> seasons, boolean inWatchlist, java.math.BigDecimal averageRating, int ratingCount) {

        static DetailResponse of(Catalogue.Detail d, Ratings.Summary rated) {
            Catalogue.Item i = d.item();
            List<SeasonItem> seasons = d.seasons().stream().map(s -> new SeasonItem(s.id().value(), s.seasonNumber(), s.title(),
                    s.episodes().stream().map(e -> new EpisodeItem(e.id().value(), e.episodeNumber(), e.title(), e.durationMinutes(),
                            e.thumbnailUrl(), d.episodeVideos().stream().filter(v -> v.episode().equals(e.id())).findFirst()
                                    .map(v -> Videos.masterUrl(v.video())).orElse(null))).toList())).toList();
            return new DetailResponse(i.id().value(), i.title(), i.type().dbValue(), i.genre(), i.releaseYear(), i.posterUrl(),
                    i.visibility().dbValue(), i.description(), d.synopsis(), d.rating(), d.durationMinutes(),
                    d.cast().stream().map(p -> new PersonItem(p.name(), p.role())).toList(), d.playable(),
                    d.video() == null ? null : Videos.masterUrl(d.video()), seasons, d.inWatchlist(), rated.average(), rated.count());
        }
    }

    record ProgressRequest(@NotNull UUID contentId, UUID episodeId, @NotNull @Min(0) @Max(1_000_000) Integer positionSeconds,
            @NotNull @Min(0) @Max(1_000_000) Integer durationSeconds,
            @Size(max = 50) @Pattern(regexp = "^[a-z0-9_-]*$", message = "must be lowercase letters, digits, - and _") String deviceType) {
    }

    record HistoryResponse(UUID contentId, UUID episodeId, int positionSeconds, int durationSeconds, boolean completed, Instant watchedAt,
            String title, String posterUrl, Integer seasonNumber, Integer episodeNumber, String episodeTitle) {

        static HistoryResponse of(WatchHistory.HistoryEntry e) {
            return new HistoryResponse(e.contentId().value(), e.episodeId() == null ? null : e.episodeId().value(), e.positionSeconds(),
                    e.durationSeconds(), e.completed(), e.watchedAt(), e.title(), e.posterUrl(), e.seasonNumber(), e.episodeNumber(),
                    e.episodeTitle());
        }
    }

    @Operation(summary = "Published titles: newest first, or search hits best first", description = """
            `q` searches title, original title, cast and description with typo tolerance (full-text search, each word also \
            as a prefix, plus trigram similarity of the names); hits are ordered by relevance, a title hit before a \
            description hit. Filters, each optional: `type` (movie, series, short, documentary), `genre` (the genre or a \
            sub-genre, any case), `year` (release year), `min_rating` (average rating from 1 to 5), `language` (a code the \
            title lists, e.g. `id`). A wrong value is 400 naming the parameter. Pass `next_cursor` back as `cursor` with \
            the same `q` and filters.""")
    @GetMapping("/api/v1/contents")
    Page<ItemResponse> list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String genre, @RequestParam(required = false) String year,
            @RequestParam(name = "min_rating", required = false) String minRating, @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return search.search(SearchFilters.parse(q, type, genre, year, minRating, language), cursor, limit).map(ItemResponse::of);
    }

    @Operation(summary = "A title with its seasons and episodes", description = """
            `playable` says whether the caller's plan lets them play it (free: anyone signed in; subscribers: a paid plan; \
            premium: Pro, Team or Enterprise); the playlists refuse those it does not (403 `plan-required`).""")
    @GetMapping("/api/v1/contents/{contentId}")
    DetailResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId) {
        return DetailResponse.of(catalogue.detail(caller.id(), contentId), ratings.summary(contentId));
    }

    @Operation(summary = "Report where playback is", description = """
            Players send it about every 10 s and when stopping; sending the same again changes nothing. Kept by Jellyfin's \
            rules: under 5 % → position 0; over 90 % or in the last second → played, position 0; under 5 minutes long → played.""")
    @PostMapping("/api/v1/me/watch-history")
    HistoryResponse report(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody ProgressRequest request) {
        return HistoryResponse.of(history.report(caller.id(), ContentId.of(request.contentId()),
                request.episodeId() == null ? null : EpisodeId.of(request.episodeId()), request.positionSeconds(), request.durationSeconds(),
                request.deviceType()));
    }

    @Operation(summary = "Started, unfinished titles, newest first")
    @GetMapping("/api/v1/me/continue-watching")
    Page<HistoryResponse> continueWatching(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return history.continueWatching(caller.id(), cursor, limit).map(HistoryResponse::of);
    }

    @GetMapping("/api/v1/me/watchlist")
    Page<ItemResponse> watchlist(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return history.watchlist(caller.id(), cursor, limit).map(ItemResponse::of);
    }

    @Operation(summary = "Add a title to my list", description = "Adding it again changes nothing.")
    @PutMapping("/api/v1/me/watchlist/{contentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void add(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId) {
        history.addToWatchlist(caller.id(), contentId);
    }

    @Operation(summary = "Remove a title from my list", description = "Removing one that is not there changes nothing.")
    @DeleteMapping("/api/v1/me/watchlist/{contentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal CurrentUser caller, @PathVariable ContentId contentId) {
        history.removeFromWatchlist(caller.id(), contentId);
    }
}
