package id.modo.verse.studio.moodboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code moodboards} rows of a project. Every write bumps {@code version}; a write with a stale one changes nothing. */
@Component
class MoodboardItems {

    /** Story order, as the grid, the animatic and the bible read it. */
    static final String STORY_ORDER = "beat_index, key_action_index nulls first, position, id";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RowMapper<MoodboardItem> mapper;

    MoodboardItems(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.mapper = this::map;
    }

    List<MoodboardItem> list(UUID project) {
        return jdbc.sql("select * from moodboards where project_id = ? order by " + STORY_ORDER).param(project).query(mapper).list();
    }

    /** The project's items locked for a write that reorders them, in story order. */
    List<MoodboardItem> lockAll(UUID project) {
        return jdbc.sql("select * from moodboards where project_id = ? order by " + STORY_ORDER + " for update").param(project)
                .query(mapper).list();
    }

    Optional<MoodboardItem> find(UUID project, UUID id) {
        return jdbc.sql("select * from moodboards where id = ? and project_id = ?").params(id, project).query(mapper).optional();
    }

    UUID insert(UUID project, int beatIndex, String beatKey, Integer keyActionIndex, MoodboardChanges c) {
        return jdbc.sql("""
                insert into moodboards (project_id, beat_index, beat_name, key_action_index, position, description, ai_prompt,
                  image_url, animation_style, color_mood, lighting, reference_images, notes, status, created_at, updated_at)
                values (:project, :beatIndex, :beatKey, cast(:keyAction as integer),
                  (select coalesce(max(position) + 1, 0) from moodboards
                   where project_id = :project and beat_name = :beatKey and key_action_index is not distinct from cast(:keyAction as integer)),
                  :description, :aiPrompt, :image, :style, :colorMood, :lighting, cast(:references as jsonb), :notes,
                  coalesce(cast(:status as text), case when cast(:image as text) is null then 'pending' else 'completed' end), :now, :now)
                returning id""")
                .param("project", project).param("beatIndex", beatIndex).param("beatKey", beatKey).param("keyAction", keyActionIndex)
                .param("description", blankToNull(c.description())).param("aiPrompt", blankToNull(c.aiPrompt()))
                .param("image", blankToNull(c.image())).param("style", blankToNull(c.animationStyle()))
                .param("colorMood", blankToNull(c.colorMood())).param("lighting", blankToNull(c.lighting()))
                .param("references", json.writeValueAsString(c.references() == null ? List.of() : c.references()))
                .param("notes", blankToNull(c.notes())).param("status", blankToNull(c.status()))
                .param("now", now())
                .query(UUID.class).single();
    }

    /** Applies the changes when the item is still at {@code version}; false when it is not (or is gone). */
    boolean update(MoodboardItem item, int version, MoodboardChanges c) {
        return jdbc.sql("""
                update moodboards set description = :description, ai_prompt = :aiPrompt, image_url = :image, animation_style = :style,
                  color_mood = :colorMood, lighting = :lighting, reference_images = cast(:references as jsonb), notes = :notes,
                  status = :status, error_message = case when cast(:status as text) = 'failed' then error_message end,
                  version = version + 1, updated_at = :now
                where id = :id and project_id = :project and version = :version""")
                .param("description", pick(c.description(), item.description())).param("aiPrompt", pick(c.aiPrompt(), item.aiPrompt()))
                .param("image", pick(c.image(), item.image())).param("style", pick(c.animationStyle(), item.animationStyle()))
                .param("colorMood", pick(c.colorMood(), item.colorMood())).param("lighting", pick(c.lighting(), item.lighting()))
                .param("references", json.writeValueAsString(c.references() != null ? c.references() : item.references()))
                .param("notes", pick(c.notes(), item.notes())).param("status", status(c, item))
                .param("now", now()).param("id", item.id()).param("project", item.projectId()).param("version", version)
                .update() == 1;
    }

    /** Puts an item at a place of the board (reorders and moves between beats), when it is still at {@code version}. */
    boolean place(UUID project, UUID id, int version, int beatIndex, String beatKey, Integer keyActionIndex, int position) {
        return jdbc.sql("""
                update moodboards set beat_index = ?, beat_name = ?, key_action_index = ?, position = ?, version = version + 1, updated_at = ?
                where id = ? and project_id = ? and version = ?""")
                .params(beatIndex, beatKey, keyActionIndex, position, now(), id, project, version)
                .update() == 1;
    }

    boolean delete(UUID project, UUID id, Integer version) {
        return jdbc.sql("delete from moodboards where id = ? and project_id = ? and (cast(? as integer) is null or version = ?)")
                .params(id, project, version, version).update() == 1;
    }

    /** Takes the item's picture slot for an AI generation; false when a picture is already being made. */
    boolean claimGenerating(UUID project, UUID id) {
        return jdbc.sql("""
                update moodboards set status = 'generating', generation_id = null, error_message = null, version = version + 1, updated_at = ?
                where id = ? and project_id = ? and status <> 'generating'""")
                .params(now(), id, project).update() == 1;
    }

    void generating(UUID id, UUID generation) {
        jdbc.sql("update moodboards set generation_id = ?, updated_at = ? where id = ? and status = 'generating' and generation_id is null")
                .params(generation, now(), id).update();
    }

    /** Gives back a claimed slot whose generation never began. */
    void release(UUID id, String status, String error) {
        jdbc.sql("""
                update moodboards set status = ?, error_message = ?, version = version + 1, updated_at = ?
                where id = ? and status = 'generating' and generation_id is null""")
                .params(status, error, now(), id).update();
    }

    /** Ends the picture's generation: the new picture, or the reason it failed; only while that generation is the item's. */
    boolean settleImage(UUID id, UUID generation, String image, String error) {
        return jdbc.sql("""
                update moodboards set status = case when cast(? as text) is null then 'failed' else 'completed' end,
                  image_url = coalesce(?, image_url), error_message = ?, version = version + 1, updated_at = ?
                where id = ? and generation_id = ? and status = 'generating'""")
                .params(image, image, image == null ? error : null, now(), id, generation).update() == 1;
    }

    /** Only one prompt is written at a time; false when one is. */
    boolean claimPrompt(UUID project, UUID id, UUID generation) {
        return jdbc.sql("""
                update moodboards set prompt_generation_id = ?, version = version + 1, updated_at = ?
                where id = ? and project_id = ? and prompt_generation_id is null""")
                .params(generation, now(), id, project).update() == 1;
    }

    boolean settlePrompt(UUID id, UUID generation, String prompt, String error) {
        return jdbc.sql("""
                update moodboards set ai_prompt = coalesce(?, ai_prompt), prompt_generation_id = null,
                  error_message = coalesce(?, error_message), version = version + 1, updated_at = ?
                where id = ? and prompt_generation_id = ?""")
                .params(prompt, error, now(), id, generation).update() == 1;
    }

    /** The item's prompt, set from an accepted AI proposal; false when the item is gone. */
    boolean acceptPrompt(UUID project, UUID id, String prompt) {
        return jdbc.sql("update moodboards set ai_prompt = ?, version = version + 1, updated_at = ? where id = ? and project_id = ?")
                .params(prompt == null || prompt.isBlank() ? null : prompt, now(), id, project).update() == 1;
    }

    /** The item's picture, set from an upload: the picture's own status is then completed. */
    boolean picture(UUID project, UUID id, String image) {
        return jdbc.sql("""
                update moodboards set image_url = ?, status = 'completed', generation_id = null, error_message = null,
                  version = version + 1, updated_at = ?
                where id = ? and project_id = ?""")
                .params(image, now(), id, project).update() == 1;
    }

    private static String status(MoodboardChanges c, MoodboardItem item) {
        if (c.status() != null && !c.status().isEmpty()) {
            return c.status();
        }
        boolean pictureSent = c.image() != null && !c.image().isEmpty() && !c.image().equals(item.image());
        return pictureSent && !item.generating() ? MoodboardItem.COMPLETED : item.status();
    }

    private static String pick(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isEmpty() ? null : requested;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private MoodboardItem map(ResultSet rs, int n) throws SQLException {
        return new MoodboardItem(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getInt("beat_index"),
                rs.getString("beat_name"), (Integer) rs.getObject("key_action_index"), rs.getInt("position"), rs.getString("description"),
                rs.getString("ai_prompt"), rs.getString("image_url"), rs.getString("animation_style"), rs.getString("color_mood"),
                rs.getString("lighting"), json.readValue(rs.getString("reference_images"), new TypeReference<List<String>>() { }),
                rs.getString("notes"), rs.getString("status"), rs.getObject("generation_id", UUID.class),
                rs.getObject("prompt_generation_id", UUID.class), rs.getString("error_message"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
