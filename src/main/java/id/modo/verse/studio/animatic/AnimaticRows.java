package id.modo.verse.studio.animatic;

import id.modo.verse.studio.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code animations} rows of ffmpeg animatics, and the moodboard pictures they are made from (the same module's
 * table, read in story order). A row follows its job: pending, processing, then completed, failed or cancelled.
 */
@Repository
class AnimaticRows {

    static final String BEAT = "beat";
    static final String STORY = "story";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AnimaticRows(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record Row(UUID id, UUID projectId, String scope, Integer beatIndex, String beatName, UUID jobId, UUID createdBy, String status,
            String errorMessage, AnimaticSettings settings, UUID videoAssetId, UUID posterAssetId, Integer durationMs, Integer width,
            Integer height, String captionsVtt, Instant createdAt, Instant updatedAt) {

        boolean story() {
            return STORY.equals(scope);
        }
    }

    /** A moodboard picture: its beat, and the stable {@code /media/{id}} reference of its image. */
    record Picture(int beatIndex, String beatName, String imageUrl) {
    }

    UUID insert(ProjectId project, String scope, Integer beatIndex, String beatName, UUID createdBy, AnimaticSettings settings) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into animations (project_id, scope, beat_index, beat_name, created_by, status, generation_params, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'pending', cast(? as jsonb), ?, ?) returning id""")
                .params(project.value(), scope, beatIndex, beatName, createdBy, json.writeValueAsString(settings), now, now)
                .query(UUID.class).single();
    }

    void job(UUID id, UUID jobId) {
        jdbc.sql("update animations set job_id = ? where id = ?").params(jobId, id).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from animations where id = ?").param(id).query(this::row).optional();
    }

    Optional<Row> find(ProjectId project, UUID id) {
        return jdbc.sql("select * from animations where id = ? and project_id = ?").params(id, project.value()).query(this::row).optional();
    }

    /** The newest render of each beat and of the story (the story's row has no beat index). */
    List<Row> latest(ProjectId project) {
        return jdbc.sql("""
                select distinct on (scope, beat_index) * from animations where project_id = ?
                order by scope, beat_index, created_at desc, id desc""")
                .param(project.value()).query(this::row).list();
    }

    /** The project's moodboard items that have a picture, in story order. */
    List<Picture> pictures(ProjectId project) {
        return jdbc.sql("""
                select beat_index, beat_name, image_url from moodboards
                where project_id = ? and image_url ~ '^/media/[0-9a-fA-F-]{36}$'
                order by beat_index, key_action_index nulls first, position, id""")
                .param(project.value())
                .query((rs, n) -> new Picture(rs.getInt("beat_index"), rs.getString("beat_name"), rs.getString("image_url")))
                .list();
    }

    /** A run (first or retried) starts: whatever an earlier attempt said is cleared. */
    void processing(UUID id) {
        jdbc.sql("update animations set status = 'processing', error_message = null, updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
    }

    /** Marks the render done, if it still is this run's to finish; false when it was not (so the caller removes what it stored). */
    boolean complete(UUID id, UUID video, UUID poster, int durationMs, String captionsVtt) {
        return jdbc.sql("""
                update animations set status = 'completed', error_message = null, video_asset_id = ?, poster_asset_id = ?,
                  video_url = ?, preview_image_url = ?, duration_ms = ?, video_duration_seconds = ?, width = ?, height = ?,
                  captions_vtt = ?, updated_at = ?
                where id = ? and status = 'processing'""")
                .params(video, poster, "/media/" + video, "/media/" + poster, durationMs, (int) Math.round(durationMs / 1000.0),
                        AnimaticRenderer.WIDTH, AnimaticRenderer.HEIGHT, captionsVtt, Timestamp.from(clock.instant()), id)
                .update() == 1;
    }

    void end(UUID id, String status, String reason) {
        jdbc.sql("update animations set status = ?, error_message = ?, updated_at = ? where id = ?")
                .params(status, reason, Timestamp.from(clock.instant()), id).update();
    }

    /**
     * Removes the renders of the same beat (or of the story) older than {@code id}, now that it replaces them, and
     * answers the media assets they held, for the caller to delete.
     */
    List<UUID> dropOlder(Row row) {
        List<UUID> assets = jdbc.sql("""
                delete from animations where project_id = ? and scope = ? and beat_index is not distinct from ? and id <> ?
                  and created_at <= ? and status in ('completed', 'failed', 'cancelled')
                returning video_asset_id, poster_asset_id""")
                .params(row.projectId(), row.scope(), row.beatIndex(), row.id(), Timestamp.from(row.createdAt()))
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list().stream().flatMap(java.util.Arrays::stream).filter(java.util.Objects::nonNull).toList();
        return assets;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("scope"),
                (Integer) rs.getObject("beat_index"), rs.getString("beat_name"), rs.getObject("job_id", UUID.class),
                rs.getObject("created_by", UUID.class), rs.getString("status"), rs.getString("error_message"),
                json.readValue(rs.getString("generation_params"), AnimaticSettings.class), rs.getObject("video_asset_id", UUID.class),
                rs.getObject("poster_asset_id", UUID.class), (Integer) rs.getObject("duration_ms"), (Integer) rs.getObject("width"),
                (Integer) rs.getObject("height"), rs.getString("captions_vtt"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
