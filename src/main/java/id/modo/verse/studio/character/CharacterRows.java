package id.modo.verse.studio.character;

import id.modo.verse.studio.section.SectionColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code characters} rows, read and written by a save and by a restore alike. Each part (the profile, each JSONB
 * section, the arc, the pictures) is written on its own (the version history has already serialized saves of that
 * part), so two people saving two different parts of one character at once do not overwrite each other.
 */
@Component
class CharacterRows {

    private static final SectionColumns<CharacterSection> SECTIONS = new SectionColumns<>("characters", CharacterSection.class);
    private static final String ORDER = " order by display_order, created_at, id";

    private final JdbcClient jdbc;

    CharacterRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoryCharacter> findInProject(UUID projectId, UUID id) {
        return jdbc.sql(select() + " where project_id = ? and id = ?").params(projectId, id).query(CharacterRows::row).optional();
    }

    List<StoryCharacter> findByProject(UUID projectId) {
        return jdbc.sql(select() + " where project_id = ?" + ORDER).param(projectId).query(CharacterRows::row).list();
    }

    /** A character's name by its id alone, for the version history's labels. */
    Optional<String> name(UUID id) {
        return jdbc.sql("select name from characters where id = ?").param(id).query(String.class).optional();
    }

    long countByProject(UUID projectId) {
        return jdbc.sql("select count(*) from characters where project_id = ?").param(projectId).query(Long.class).single();
    }

    int maxDisplayOrder(UUID projectId) {
        return jdbc.sql("select coalesce(max(display_order), -1) from characters where project_id = ?")
                .param(projectId).query(Integer.class).single();
    }

    UUID insert(UUID projectId, String name, int displayOrder, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into characters (id, project_id, name, display_order, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, projectId, name.strip(), displayOrder, Timestamp.from(now), Timestamp.from(now))
                .update();
        return id;
    }

    /** Deletes the character; its relationships go with it, as both foreign keys cascade. */
    void delete(UUID id) {
        jdbc.sql("delete from characters where id = ?").param(id).update();
    }

    void writeProfile(UUID id, CharacterProfile profile, Instant now) {
        jdbc.sql("update characters set name = ?, role = ?, archetype = ?, cast_reference = ?, updated_at = ? where id = ?")
                .params(profile.name(), profile.role() == null ? null : profile.role().dbValue(), profile.archetype(),
                        profile.castReference(), Timestamp.from(now), id)
                .update();
    }

    void writeArc(UUID id, CharacterArc arc, Instant now) {
        jdbc.sql("update characters set character_arc = ?, transformation = ?, updated_at = ? where id = ?")
                .params(arc.characterArc(), arc.transformation(), Timestamp.from(now), id)
                .update();
    }

    void writeSection(UUID id, CharacterSection section, Map<String, String> values, Instant now) {
        SECTIONS.write(jdbc, id, section, values, now);
    }

    void writeImage(UUID id, String url, Instant now) {
        jdbc.sql("update characters set image_url = ?, updated_at = ? where id = ?").params(url, Timestamp.from(now), id).update();
    }

    void writePoses(UUID id, Map<String, String> poses, Instant now) {
        jdbc.sql("update characters set image_poses = cast(? as jsonb), updated_at = ? where id = ?")
                .params(SectionColumns.json(poses), Timestamp.from(now), id)
                .update();
    }

    private static String select() {
        return "select id, project_id, name, role, archetype, cast_reference, image_url, image_poses::text as image_poses, "
                + "character_arc, transformation, display_order, created_at, updated_at, " + SECTIONS.selectList() + " from characters";
    }

    private static StoryCharacter row(ResultSet rs, int n) throws SQLException {
        return new StoryCharacter(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                new CharacterProfile(rs.getString("name"), CharacterRole.fromDb(rs.getString("role")).orElse(null),
                        rs.getString("archetype"), rs.getString("cast_reference")),
                rs.getString("image_url"), SectionColumns.json(rs.getString("image_poses")), SECTIONS.read(rs),
                new CharacterArc(rs.getString("character_arc"), rs.getString("transformation")), rs.getInt("display_order"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
