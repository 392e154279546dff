package id.modo.verse.watch;

import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A series' seasons and episodes. Numbers are unique (a season per series, an episode per season: 409 {@code number-taken});
 * the counts on the season and the content are recounted in the same transaction, never taken from a client.
 */
@Service
public class Episodes {

    private final Contents contents;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;

    Episodes(Contents contents, Organizations organizations, JdbcClient jdbc, Clock clock) {
        this.contents = contents;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record SeasonView(SeasonId id, int seasonNumber, String title, String description, Integer releaseYear, int episodeCount,
            List<EpisodeView> episodes) {
    }

    public record EpisodeView(EpisodeId id, SeasonId seasonId, int seasonNumber, int episodeNumber, String title, String description,
            Integer durationMinutes, String thumbnailUrl, String hlsUrl, int viewCount) {
    }

    @Transactional
    public SeasonView addSeason(UserId actor, OrganizationId organization, ContentId contentId, int number, String title,
            String description, Integer releaseYear) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = series(organization, contentId);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into content_seasons (id, content_id, season_number, title, description, release_year, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, content.id(), number, blankToNull(title), blankToNull(description), releaseYear, Timestamp.from(clock.instant()))
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw numberTaken(e, "Season " + number + " already exists.");
        }
        recount(content.id(), null);
        return new SeasonView(SeasonId.of(id), number, blankToNull(title), blankToNull(description), releaseYear, 0, List.of());
    }

    @Transactional
    public EpisodeView addEpisode(UserId actor, OrganizationId organization, ContentId contentId, int seasonNumber, int episodeNumber,
            String title, String description, Integer durationMinutes) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = series(organization, contentId);
        UUID season = jdbc.sql("select id from content_seasons where content_id = ? and season_number = ?")
                .params(content.id(), seasonNumber).query(UUID.class).optional()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors",
                        List.of(new FieldError("season_number", "is not a season of this series: add the season first")))));
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into content_episodes (id, content_id, season_id, season_number, episode_number, title, description,
                                                  duration_minutes, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, content.id(), season, seasonNumber, episodeNumber, blankToNull(title), blankToNull(description),
                            durationMinutes, Timestamp.from(clock.instant()))
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw numberTaken(e, "Season " + seasonNumber + " already has an episode " + episodeNumber + ".");
        }
        recount(content.id(), season);
        return episode(id).orElseThrow();
    }

    @Transactional
    public void deleteEpisode(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episodeId) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = series(organization, contentId);
        UUID season = jdbc.sql("select season_id from content_episodes where id = ? and content_id = ?")
                .params(episodeId.value(), content.id()).query(UUID.class).optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such episode."));
        jdbc.sql("delete from content_episodes where id = ?").param(episodeId.value()).update();
        recount(content.id(), season);
    }

    /** The seasons of a content with their episodes, in order; for the publisher (after their own check) and the catalogue. */
    public List<SeasonView> seasons(ContentId contentId) {
        List<EpisodeView> episodes = jdbc.sql("select * from content_episodes where content_id = ? order by season_number, episode_number")
                .param(contentId.value()).query(Episodes::episodeRow).list();
        return jdbc.sql("select * from content_seasons where content_id = ? order by season_number").param(contentId.value())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new SeasonView(SeasonId.of(id), rs.getInt("season_number"), rs.getString("title"), rs.getString("description"),
                            (Integer) rs.getObject("release_year"), rs.getInt("episode_count"),
                            episodes.stream().filter(e -> e.seasonId().value().equals(id)).toList());
                })
                .list();
    }

    public List<SeasonView> seasons(UserId actor, OrganizationId organization, ContentId contentId) {
        organizations.require(actor, organization, Permission.VIEW);
        contents.load(organization, contentId);
        return seasons(contentId);
    }

    java.util.Optional<EpisodeView> episode(UUID id) {
        return jdbc.sql("select * from content_episodes where id = ?").param(id).query(Episodes::episodeRow).optional();
    }

    /** The season's and the content's counts from the rows themselves, so concurrent adds never leave them off by one. */
    private void recount(UUID content, UUID season) {
        Instant now = clock.instant();
        if (season != null) {
            jdbc.sql("update content_seasons set episode_count = (select count(*) from content_episodes where season_id = :s) where id = :s")
                    .param("s", season).update();
        }
        jdbc.sql("""
                update contents set season_count = (select count(*) from content_seasons where content_id = :c),
                                    episode_count = (select count(*) from content_episodes where content_id = :c),
                                    updated_at = :now
                where id = :c""")
                .param("c", content).param("now", Timestamp.from(now)).update();
    }

    private Content series(OrganizationId organization, ContentId contentId) {
        Content content = contents.load(organization, contentId);
        if (!content.type().episodic()) {
            throw new ProblemException(WatchProblems.WRONG_TYPE, "Only a series has seasons and episodes; this is a "
                    + content.type().dbValue() + ".");
        }
        // Serializes changes to one series' numbering, so the recounts that follow see every row.
        jdbc.sql("select id from contents where id = ? for update").param(content.id()).query(UUID.class).single();
        return content;
    }

    private static ProblemException numberTaken(DataIntegrityViolationException e, String detail) {
        if (!ConstraintViolations.isUnique(e)) {
            throw e;
        }
        return new ProblemException(WatchProblems.NUMBER_TAKEN, detail);
    }

    private static EpisodeView episodeRow(ResultSet rs, int n) throws SQLException {
        return new EpisodeView(EpisodeId.of(rs.getObject("id", UUID.class)), SeasonId.of(rs.getObject("season_id", UUID.class)),
                rs.getInt("season_number"), rs.getInt("episode_number"), rs.getString("title"), rs.getString("description"),
                (Integer) rs.getObject("duration_minutes"), rs.getString("thumbnail_url"), rs.getString("hls_url"), rs.getInt("view_count"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
