package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each viewer watched and where they stopped, with Jellyfin's resume rules ({@link #resume}); continue watching;
 * the watchlist. A report repeats harmlessly: it sets the position, it never adds to it, and it counts the title's view
 * once per viewer and day ({@link #viewDay}).
 */
@Service
public class WatchHistory {

    static final int MIN_RESUME_PERCENT = 5;
    static final int MAX_RESUME_PERCENT = 90;
    static final int MIN_RESUME_DURATION_SECONDS = 300;
    static final ZoneId VIEW_DAY_ZONE = ZoneId.of("Asia/Jakarta");

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final ViewerAccess access;
    private final Clock clock;

    WatchHistory(JdbcClient jdbc, Catalogue catalogue, ViewerAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.access = access;
        this.clock = clock;
    }

    /** Where a viewer resumes and whether the item counts as played, from a reported position. */
    record Resume(int positionSeconds, boolean played) {
    }

    /**
     * Jellyfin's rules: under 5 % in → start again from 0; over 90 % in, or in the last second → played, from 0; a video
     * shorter than 5 minutes → played, from 0 (too short to resume); otherwise resume where it stopped.
     */
    static Resume resume(int position, int duration) {
        if (duration <= 0) {
            return new Resume(Math.max(0, position), false);
        }
        int clamped = Math.clamp(position, 0, duration);
        double percent = 100.0 * clamped / duration;
        if (duration < MIN_RESUME_DURATION_SECONDS || percent > MAX_RESUME_PERCENT || clamped >= duration - 1) {
            return new Resume(0, true);
        }
        if (percent < MIN_RESUME_PERCENT) {
            return new Resume(0, false);
        }
        return new Resume(clamped, false);
    }

    /**
     * Records a viewer's position in a title (or one of its episodes) they may see; answers what was kept. One read (the
     * title, and whether the episode is one of its own) for the access rules, then one statement writes: the history
     * row's upsert on its unique (user, content, episode), and the day's view with the title's count when it is the
     * first of the day.
     */
    @Transactional
    public HistoryEntry report(UserId viewer, ContentId content, EpisodeId episode, int positionSeconds, int durationSeconds,
            String deviceType) {
        UUID episodeId = episode == null ? null : episode.value();
        Target target = jdbc.sql("""
                select c.organization_id, c.status, c.visibility,
                       cast(:episode as uuid) is null
                         or exists (select 1 from content_episodes e where e.id = :episode and e.content_id = c.id) as episode_found
                from contents c where c.id = :content""")
                .param("episode", episodeId).param("content", content.value())
                .query((rs, n) -> new Target(access.of(viewer, rs.getObject("organization_id", UUID.class),
                        ContentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                        ContentVisibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT))), rs.getBoolean("episode_found")))
                .optional().orElseThrow(Catalogue::notFound);
        if (!target.access().visible()) {
            throw Catalogue.notFound();
        }
        if (!target.access().playable()) {
            throw new ProblemException(WatchProblems.PLAN_REQUIRED, "Your plan does not include this title.");
        }
        if (!target.episodeFound()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such episode.");
        }
        Resume resume = resume(positionSeconds, durationSeconds);
        BigDecimal percent = durationSeconds <= 0 ? null
                : BigDecimal.valueOf(100.0 * Math.clamp(positionSeconds, 0, durationSeconds) / durationSeconds).setScale(2, RoundingMode.HALF_UP);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                with kept as (
                  insert into watch_history (user_id, content_id, episode_id, progress_seconds, duration_seconds, progress_percent,
                                             completed, device_type, watched_at)
                  values (:user, :content, :episode, :pos, :dur, :pct, :played, :device, :now)
                  on conflict (user_id, content_id, episode_id) do update
                  set progress_seconds = excluded.progress_seconds, duration_seconds = excluded.duration_seconds,
                      progress_percent = excluded.progress_percent, completed = excluded.completed,
                      device_type = excluded.device_type, watched_at = excluded.watched_at),
                viewed as (
                  insert into content_views (content_id, user_id, view_date) values (:content, :user, :day)
                  on conflict do nothing returning content_id)
                update contents set view_count = view_count + 1 where id in (select content_id from viewed)""")
                .param("pos", resume.positionSeconds()).param("dur", durationSeconds).param("pct", percent).param("played", resume.played())
                .param("device", deviceType).param("now", now).param("user", viewer.value()).param("content", content.value())
                .param("episode", episodeId).param("day", viewDay(now.toInstant()))
                .update();
        return new HistoryEntry(content, episode, resume.positionSeconds(), durationSeconds, resume.played(), now.toInstant(), null, null, null,
                null, null);
    }

    private record Target(ViewerAccess.Access access, boolean episodeFound) {
    }

    /** The day a view counts for: the platform's audience day, in Jakarta. */
    static LocalDate viewDay(Instant at) {
        return LocalDate.ofInstant(at, VIEW_DAY_ZONE);
    }

    /** A history row with what lists show of its title. */
    public record HistoryEntry(ContentId contentId, EpisodeId episodeId, int positionSeconds, int durationSeconds, boolean completed,
            Instant watchedAt, String title, String posterUrl, Integer seasonNumber, Integer episodeNumber, String episodeTitle) {
    }

    /** Started, unfinished items of published titles, newest first. */
    public Page<HistoryEntry> continueWatching(UserId viewer, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        List<Row> rows = jdbc.sql("""
                select h.id, h.content_id, h.episode_id, h.progress_seconds, h.duration_seconds, h.completed, h.watched_at,
                       c.title, c.poster_url, e.season_number, e.episode_number, e.title as episode_title
                from watch_history h join contents c on c.id = h.content_id left join content_episodes e on e.id = h.episode_id
                where h.user_id = :user and not h.completed and h.progress_seconds > 0 and c.status = 'published'
                  and (cast(:afterAt as timestamptz) is null or (h.watched_at, h.id) < (:afterAt, :afterId))
                order by h.watched_at desc, h.id desc limit :fetch""")
                .param("user", viewer.value())
                .param("afterAt", after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id())
                .param("fetch", Keyset.fetch(limit))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), new HistoryEntry(ContentId.of(rs.getObject("content_id", UUID.class)),
                        rs.getObject("episode_id") == null ? null : EpisodeId.of(rs.getObject("episode_id", UUID.class)),
                        rs.getInt("progress_seconds"), rs.getInt("duration_seconds"), rs.getBoolean("completed"),
                        rs.getTimestamp("watched_at").toInstant(), rs.getString("title"), rs.getString("poster_url"),
                        (Integer) rs.getObject("season_number"), (Integer) rs.getObject("episode_number"), rs.getString("episode_title"))))
                .list();
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.entry().watchedAt(), row.id())).map(Row::entry);
    }

    /** Where the viewer stopped in a title or episode, 0 when never or finished. */
    public int position(UserId viewer, ContentId content, EpisodeId episode) {
        return jdbc.sql("""
                select progress_seconds from watch_history
                where user_id = ? and content_id = ? and episode_id is not distinct from ? and not completed""")
                .params(viewer.value(), content.value(), episode == null ? null : episode.value())
                .query(Integer.class).optional().orElse(0);
    }

    private record Row(UUID id, HistoryEntry entry) {
    }

    /** Adds a title the viewer may see to their list; adding it again changes nothing. */
    public void addToWatchlist(UserId viewer, ContentId content) {
        catalogue.detail(viewer, content);
        jdbc.sql("insert into watchlists (user_id, content_id, added_at) values (?, ?, ?) on conflict (user_id, content_id) do nothing")
                .params(viewer.value(), content.value(), Timestamp.from(clock.instant())).update();
    }

    /** Removes a title from the viewer's list; removing one that is not there changes nothing. */
    public void removeFromWatchlist(UserId viewer, ContentId content) {
        jdbc.sql("delete from watchlists where user_id = ? and content_id = ?").params(viewer.value(), content.value()).update();
    }

    /** The viewer's list, newest first, of titles still published. */
    public Page<Catalogue.Item> watchlist(UserId viewer, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        List<ListRow> rows = jdbc.sql("""
                select c.*, w.id as list_id, w.added_at from watchlists w join contents c on c.id = w.content_id
                where w.user_id = :user and c.status = 'published'
                  and (cast(:afterAt as timestamptz) is null or (w.added_at, w.id) < (:afterAt, :afterId))
                order by w.added_at desc, w.id desc limit :fetch""")
                .param("user", viewer.value())
                .param("afterAt", after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id())
                .param("fetch", Keyset.fetch(limit))
                .query((rs, n) -> new ListRow(rs.getObject("list_id", UUID.class), rs.getTimestamp("added_at").toInstant(), Catalogue.item(rs, n)))
                .list();
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.addedAt(), row.id())).map(ListRow::item);
    }

    private record ListRow(UUID id, Instant addedAt, Catalogue.Item item) {
    }
}
