package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fan side: the published catalogue, one title with its seasons and what the viewer may play. */
@Service
public class Catalogue {

    private final JdbcClient jdbc;
    private final ViewerAccess access;
    private final Episodes episodes;
    private final JsonMapper json;

    Catalogue(JdbcClient jdbc, ViewerAccess access, Episodes episodes, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
        this.episodes = episodes;
    }

    /** A title as lists show it. */
    public record Item(ContentId id, String title, String slug, ContentType type, String genre, Integer releaseYear, String posterUrl,
            ContentVisibility visibility, String description, Instant publishedAt) {
    }

    /** One title for a viewer: what it is, whether they may play it, the video of a movie and the episodes of a series. */
    public record Detail(Item item, String synopsis, String rating, Integer durationMinutes, List<ContentFields.Person> cast,
            boolean playable, boolean publisher, VideoId video, List<Episodes.SeasonView> seasons, List<EpisodeVideo> episodeVideos,
            boolean inWatchlist) {
    }

    /** Which video plays an episode (absent until it is transcoded). */
    public record EpisodeVideo(EpisodeId episode, VideoId video) {
    }

    /** Published titles, newest first, optionally those whose title or original title holds {@code query} (any case). */
    public Page<Item> page(String query, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        String pattern = query == null || query.isBlank() ? null
                : "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Item> rows = jdbc.sql("""
                select * from contents
                where status = 'published'
                  and (cast(:pattern as varchar) is null or lower(title) like :pattern or lower(coalesce(original_title, '')) like :pattern)
                  and (cast(:afterAt as timestamptz) is null or (published_at, id) < (:afterAt, :afterId))
                order by published_at desc, id desc limit :fetch""")
                .param("pattern", pattern)
                .param("afterAt", after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id())
                .param("fetch", Keyset.fetch(limit))
                .query(Catalogue::item)
                .list();
        return Keyset.page(rows, limit, item -> new KeysetCursor(item.publishedAt(), item.id().value()));
    }

    /** A title the viewer may see (published, or their own organization's); 404 otherwise. */
    public Detail detail(UserId viewer, ContentId id) {
        Row row = jdbc.sql("select * from contents where id = ?").param(id.value()).query((rs, n) -> new Row(item(rs, n),
                rs.getObject("organization_id", UUID.class), ContentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("synopsis"), rs.getString("rating"), (Integer) rs.getObject("duration_minutes"))).optional()
                .orElseThrow(Catalogue::notFound);
        ViewerAccess.Access can = access.of(viewer, row.organization(), row.status(), row.item().visibility());
        if (!can.visible()) {
            throw notFound();
        }
        List<EpisodeVideo> videos = jdbc.sql("""
                select v.id, v.episode_id from content_videos v
                where v.content_id = ? and exists (select 1 from content_renditions r where r.video_id = v.id)""")
                .param(id.value())
                .query((rs, n) -> new EpisodeVideo(rs.getObject("episode_id") == null ? null : EpisodeId.of(rs.getObject("episode_id", UUID.class)),
                        VideoId.of(rs.getObject("id", UUID.class))))
                .list();
        VideoId movie = videos.stream().filter(v -> v.episode() == null).map(EpisodeVideo::video).findFirst().orElse(null);
        boolean listed = jdbc.sql("select exists (select 1 from watchlists where user_id = ? and content_id = ?)")
                .params(viewer.value(), id.value()).query(Boolean.class).single();
        List<ContentFields.Person> cast = jdbc.sql("select cast_list::text from contents where id = ?").param(id.value())
                .query(String.class).optional().map(this::people).orElse(List.of());
        return new Detail(row.item(), row.synopsis(), row.rating(), row.durationMinutes(), cast, can.playable(), can.publisher(), movie,
                row.item().type().episodic() ? episodes.seasons(id) : List.of(),
                videos.stream().filter(v -> v.episode() != null).toList(), listed);
    }

    private record Row(Item item, UUID organization, ContentStatus status, String synopsis, String rating, Integer durationMinutes) {
    }

    static Item item(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        return new Item(ContentId.of(rs.getObject("id", UUID.class)), rs.getString("title"), rs.getString("slug"),
                ContentType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), rs.getString("genre"),
                (Integer) rs.getObject("release_year"), rs.getString("poster_url"),
                ContentVisibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)), rs.getString("description"),
                published == null ? rs.getTimestamp("created_at").toInstant() : published.toInstant());
    }

    private List<ContentFields.Person> people(String list) {
        List<ContentFields.Person> people = new java.util.ArrayList<>();
        for (JsonNode person : json.readTree(list)) {
            people.add(new ContentFields.Person(person.path("name").asString(""), person.path("role").asString(null)));
        }
        return people;
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such title.");
    }
}
