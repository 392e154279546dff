package id.modo.verse.watch;

import gg.jte.TemplateEngine;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.RichText;
import id.modo.verse.common.web.Prerendered;
import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The fan's pages: the catalogue home, a title, the player (which reports progress and resumes) and my list. */
@Controller
class WatchPagesController {

    private final Catalogue catalogue;
    private final WatchHistory history;
    private final Ratings ratings;
    private final NextUp nextUp;
    private final HomeRows rows;
    private final TemplateEngine templates;
    /** The home's shared rows as tiles, made once per snapshot of {@link HomeRows} instead of once per page. */
    private final AtomicReference<SharedTiles> sharedTiles = new AtomicReference<>();

    WatchPagesController(Catalogue catalogue, WatchHistory history, Ratings ratings, NextUp nextUp, HomeRows rows, TemplateEngine templates) {
        this.templates = templates;
        this.catalogue = catalogue;
        this.history = history;
        this.ratings = ratings;
        this.nextUp = nextUp;
        this.rows = rows;
    }

    @GetMapping("/watch")
    String home(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String cursor, Model model) {
        boolean first = q.isBlank() && cursor.isBlank();
        HomeRows.Shared shared = first ? rows.current() : null;
        Page<Catalogue.Item> page;
        if (first) {
            page = shared.newest();
        } else {
            try {
                page = catalogue.page(q.length() > 100 ? q.substring(0, 100) : q, cursor, HomeRows.NEWEST);
            } catch (ProblemException e) {
                page = catalogue.page(q, null, HomeRows.NEWEST);
            }
        }
        String next = page.nextCursor() == null ? null
                : "/watch?cursor=" + page.nextCursor() + (q.isBlank() ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        if (!first) {
            model.addAttribute("page", new WatchPageModels.Home(q, null, null, List.of(), List.of(), null, List.of(), null,
                    page.items().stream().map(WatchPagesController::tile).toList(), next));
            return "watch/home";
        }
        SharedTiles tiles = sharedTiles(shared);
        Ui ui = (Ui) model.getAttribute("ui");
        SharedTiles.Rendered rendered = tiles.rendered().computeIfAbsent(ui.locale(), locale -> new SharedTiles.Rendered(
                Prerendered.render(templates, "watch/shared-rows.jte", Map.of("ui", ui, "trending", tiles.trending(), "categories", tiles.categories())),
                Prerendered.render(templates, "watch/grid.jte", Map.of("ui", ui, "tiles", tiles.newest()))));
        model.addAttribute("page", new WatchPageModels.Home(q, tiles.featured(), tiles.featuredDescription(),
                history.continueWatching(viewer.id(), null, 12).items().stream().map(WatchPagesController::tile).toList(),
                nextUp.of(viewer.id(), 12).stream().map(WatchPagesController::tile).toList(),
                rendered.rows(),
                history.watchlist(viewer.id(), null, 12).items().stream().map(WatchPagesController::tile).toList(),
                rendered.newest(), List.of(), next));
        return "watch/home";
    }

    /**
     * The shared rows of one {@link HomeRows} snapshot as tiles, and rendered once per language: those rows are most of
     * the page (about 130 tiles) and the same for every viewer, so rendering them per page was most of its cost.
     */
    private record SharedTiles(HomeRows.Shared source, WatchPageModels.Tile featured, String featuredDescription,
            List<WatchPageModels.Tile> trending, List<WatchPageModels.Row> categories, List<WatchPageModels.Tile> newest,
            Map<Locale, Rendered> rendered) {

        record Rendered(Prerendered rows, Prerendered newest) {
        }
    }

    private SharedTiles sharedTiles(HomeRows.Shared shared) {
        SharedTiles known = sharedTiles.get();
        if (known != null && known.source() == shared) {
            return known;
        }
        Catalogue.Item featured = shared.featured();
        SharedTiles made = new SharedTiles(shared, featured == null ? null : tile(featured),
                featured == null || featured.description() == null ? null : RichText.toPlainText(featured.description(), 240),
                shared.trending().stream().map(WatchPagesController::tile).toList(),
                shared.categories().stream().map(r -> new WatchPageModels.Row(r.name(), r.slug(), r.items().stream().map(WatchPagesController::tile)
                        .toList())).toList(),
                shared.newest().items().stream().map(WatchPagesController::tile).toList(), new ConcurrentHashMap<>());
        sharedTiles.set(made);
        return made;
    }

    @GetMapping("/watch/contents/{contentId}")
    String title(@AuthenticationPrincipal CurrentUser viewer, @PathVariable ContentId contentId,
            @RequestParam(name = "rating_error", defaultValue = "") String ratingError, Model model) {
        Catalogue.Detail d = catalogue.detail(viewer.id(), contentId);
        String base = "/watch/contents/" + contentId.value();
        List<WatchPageModels.SeasonBlock> seasons = d.seasons().stream().map(s -> new WatchPageModels.SeasonBlock(s.seasonNumber(), s.title(),
                s.episodes().stream().map(e -> new WatchPageModels.EpisodeLine(e.id().value().toString(), e.episodeNumber(), e.title(),
                        e.durationMinutes(), e.thumbnailUrl(), d.playable() && d.episodeVideos().stream().anyMatch(v -> v.episode().equals(e.id()))
                                ? base + "/play?episode=" + e.id().value() : null)).toList())).toList();
        String play = d.playable() && d.video() != null ? base + "/play" : seasons.stream().flatMap(s -> s.episodes().stream())
                .map(WatchPageModels.EpisodeLine::playUrl).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Catalogue.Item i = d.item();
        model.addAttribute("page", new WatchPageModels.Title(i.id().value().toString(), i.title(), i.posterUrl(), i.type().dbValue(), i.genre(),
                i.releaseYear(), i.visibility().dbValue(), d.rating(), i.description() == null ? null : RichText.toHtml(i.description()),
                d.cast().stream().map(p -> p.role() == null ? p.name() : p.name() + " (" + p.role() + ")").toList(), d.playable(), play, seasons,
                d.inWatchlist(), RatingPagesController.block(ratings, viewer.id(), contentId, ratingError)));
        return "watch/title";
    }

    @GetMapping("/watch/contents/{contentId}/play")
    String play(@AuthenticationPrincipal CurrentUser viewer, @PathVariable ContentId contentId,
            @RequestParam(required = false) EpisodeId episode, Model model, HttpServletResponse response) {
        Catalogue.Detail d = catalogue.detail(viewer.id(), contentId);
        if (!d.playable()) {
            // The viewer followed a link their plan does not cover: say which plan in their language, not a bare 403.
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("page", new WatchPageModels.PlanRequired(d.item().title(), d.item().posterUrl(), d.item().visibility().dbValue(),
                    "/watch/contents/" + contentId.value()));
            return "watch/plan-required";
        }
        VideoId video = episode == null ? d.video() : d.episodeVideos().stream().filter(v -> v.episode().equals(episode))
                .map(Catalogue.EpisodeVideo::video).findFirst().orElse(null);
        if (video == null) {
            throw Catalogue.notFound();
        }
        String subtitle = episode == null ? null : d.seasons().stream().flatMap(s -> s.episodes().stream()).filter(e -> e.id().equals(episode))
                .findFirst().map(e -> "S" + e.seasonNumber() + " · E" + e.episodeNumber() + (e.title() == null ? "" : " · " + e.title())).orElse(null);
        Episodes.EpisodeView next = episode == null ? null : nextEpisode(d, episode);
        model.addAttribute("page", new WatchPageModels.Player(contentId.value().toString(), episode == null ? null : episode.value().toString(),
                d.item().title(), subtitle, Videos.masterUrl(video), d.item().posterUrl(), history.position(viewer.id(), contentId, episode),
                "/watch/contents/" + contentId.value(),
                next == null ? null : "/watch/contents/" + contentId.value() + "/play?episode=" + next.id().value(),
                next == null ? null : "S" + next.seasonNumber() + " · E" + next.episodeNumber() + (next.title() == null ? "" : " · " + next.title()),
                viewer.id().value().toString()));
        return "watch/player";
    }

    /** The player's progress report (form-encoded with the page's CSRF token), by the same rules as the API's. */
    @PostMapping("/watch/progress")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void progress(@AuthenticationPrincipal CurrentUser viewer, @RequestParam ContentId content, @RequestParam(required = false) EpisodeId episode,
            @RequestParam int position, @RequestParam int duration) {
        if (position < 0 || duration < 0 || position > 1_000_000 || duration > 1_000_000) {
            throw new ProblemException(id.modo.verse.common.ProblemType.BAD_REQUEST, "A position is a number of seconds.");
        }
        history.report(viewer.id(), content, episode, position, duration, "web");
    }

    @PostMapping("/watch/contents/{contentId}/list")
    String list(@AuthenticationPrincipal CurrentUser viewer, @PathVariable ContentId contentId, @RequestParam(defaultValue = "add") String action) {
        if ("remove".equals(action)) {
            history.removeFromWatchlist(viewer.id(), contentId);
        } else {
            history.addToWatchlist(viewer.id(), contentId);
        }
        return "redirect:/watch/contents/" + contentId.value();
    }

    @GetMapping("/watch/my-list")
    String myList(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("page", new WatchPageModels.MyList(history.watchlist(viewer.id(), null, Keyset.MAX_LIMIT).items().stream()
                .map(WatchPagesController::tile).toList()));
        return "watch/my-list";
    }

    /** The episode after this one in season and episode order that has a video to play, if any. */
    private static Episodes.EpisodeView nextEpisode(Catalogue.Detail d, EpisodeId current) {
        List<Episodes.EpisodeView> ordered = d.seasons().stream().flatMap(s -> s.episodes().stream())
                .sorted(java.util.Comparator.comparingInt(Episodes.EpisodeView::seasonNumber).thenComparingInt(Episodes.EpisodeView::episodeNumber))
                .toList();
        int at = ordered.stream().map(Episodes.EpisodeView::id).toList().indexOf(current);
        return ordered.stream().skip(at + 1L)
                .filter(e -> d.episodeVideos().stream().anyMatch(v -> v.episode().equals(e.id())))
                .findFirst().orElse(null);
    }

    static WatchPageModels.Tile tile(Catalogue.Item i) {
        return new WatchPageModels.Tile(i.id().value().toString(), i.title(), i.posterUrl(), i.type().dbValue(), i.releaseYear(),
                i.visibility().dbValue(), "/watch/contents/" + i.id().value(), null, 0);
    }

    private static WatchPageModels.Tile tile(NextUp.Item i) {
        String base = "/watch/contents/" + i.content().value();
        return new WatchPageModels.Tile(i.content().value().toString(), i.title(), i.thumbnailUrl() != null ? i.thumbnailUrl() : i.posterUrl(),
                null, null, null, i.ready() ? base + "/play?episode=" + i.episode().value() : base,
                "S" + i.seasonNumber() + " · E" + i.episodeNumber() + (i.episodeTitle() == null ? "" : " · " + i.episodeTitle()), 0);
    }

    private static WatchPageModels.Tile tile(WatchHistory.HistoryEntry e) {
        String base = "/watch/contents/" + e.contentId().value();
        String label = e.episodeNumber() == null ? null : "S" + e.seasonNumber() + " · E" + e.episodeNumber();
        int percent = e.durationSeconds() <= 0 ? 0 : (int) Math.min(100, 100L * e.positionSeconds() / e.durationSeconds());
        return new WatchPageModels.Tile(e.contentId().value().toString(), e.title(), e.posterUrl(), null, null, null,
                base + "/play" + (e.episodeId() == null ? "" : "?episode=" + e.episodeId().value()), label, percent);
    }
}
