package id.modo.verse.watch;

import id.modo.verse.identity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Next Up, by Jellyfin's rules: for each series the viewer has played an episode of, the episode after the last played
 * one in season and episode order (not the most recently watched one, so rewatching an early episode does not send
 * them back); a series with nothing after it is finished and drops out; a series not touched for a year drops out.
 * Series come most recently watched first.
 */
@Service
public class NextUp {

    static final Duration CUTOFF = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final Clock clock;

    NextUp(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An episode's place in its series. */
    record Slot(EpisodeId id, int season, int number) {
    }

    /** The episode to offer next for one series. */
    public record Item(ContentId content, String title, String posterUrl, EpisodeId episode, int seasonNumber, int episodeNumber,
            String episodeTitle, String thumbnailUrl, Instant lastWatchedAt, boolean ready) {
    }

    /** The episode after the last played one in {@code ordered} (season, then episode order); empty when none is played or all after it are gone. */
    static Optional<Slot> next(List<Slot> ordered, Set<EpisodeId> played) {
        int last = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (played.contains(ordered.get(i).id())) {
                last = i;
            }
        }
        return last < 0 || last + 1 >= ordered.size() ? Optional.empty() : Optional.of(ordered.get(last + 1));
    }

    public List<Item> of(UserId viewer, int limit) {
        Map<UUID, Series> series = new LinkedHashMap<>();
        jdbc.sql("""
                select h.content_id, h.episode_id, h.completed, h.watched_at from watch_history h
                join contents c on c.id = h.content_id
                where h.user_id = ? and h.episode_id is not null and c.status = 'published'""")
                .param(viewer.value())
                .query(rs -> {
                    Series s = series.computeIfAbsent(rs.getObject("content_id", UUID.class), id -> new Series());
                    Instant at = rs.getTimestamp("watched_at").toInstant();
                    s.lastWatchedAt = s.lastWatchedAt == null || at.isAfter(s.lastWatchedAt) ? at : s.lastWatchedAt;
                    if (rs.getBoolean("completed")) {
                        s.played.add(EpisodeId.of(rs.getObject("episode_id", UUID.class)));
                    }
                });
        Instant since = clock.instant().minus(CUTOFF);
        series.values().removeIf(s -> s.played.isEmpty() || s.lastWatchedAt.isBefore(since));
        if (series.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<EpisodeRow>> episodes = new LinkedHashMap<>();
        jdbc.sql("""
                select e.id, e.content_id, e.season_number, e.episode_number, e.title, e.thumbnail_url, c.title as content_title, c.poster_url,
                       exists (select 1 from content_videos v join content_renditions r on r.video_id = v.id where v.episode_id = e.id) as ready
                from content_episodes e join contents c on c.id = e.content_id
                where e.content_id in (:ids) order by e.content_id, e.season_number, e.episode_number""")
                .param("ids", List.copyOf(series.keySet()))
                .query(rs -> {
                    episodes.computeIfAbsent(rs.getObject("content_id", UUID.class), id -> new ArrayList<>()).add(new EpisodeRow(
                            new Slot(EpisodeId.of(rs.getObject("id", UUID.class)), rs.getInt("season_number"), rs.getInt("episode_number")),
                            rs.getString("title"), rs.getString("thumbnail_url"), rs.getString("content_title"), rs.getString("poster_url"),
                            rs.getBoolean("ready")));
                });
        List<Item> items = new ArrayList<>();
        series.forEach((content, s) -> {
            List<EpisodeRow> rows = episodes.getOrDefault(content, List.of());
            next(rows.stream().map(EpisodeRow::slot).toList(), s.played).ifPresent(slot -> {
                EpisodeRow row = rows.stream().filter(r -> r.slot().equals(slot)).findFirst().orElseThrow();
                items.add(new Item(ContentId.of(content), row.contentTitle(), row.posterUrl(), slot.id(), slot.season(), slot.number(), row.title(),
                        row.thumbnailUrl(), s.lastWatchedAt, row.ready()));
            });
        });
        return items.stream().sorted(Comparator.comparing(Item::lastWatchedAt).reversed()).limit(limit).toList();
    }

    private static final class Series {
        private final Set<EpisodeId> played = new HashSet<>();
        private Instant lastWatchedAt;
    }

    private record EpisodeRow(Slot slot, String title, String thumbnailUrl, String contentTitle, String posterUrl, boolean ready) {
    }
}
