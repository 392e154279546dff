package id.modo.verse.studio.universe;

import id.modo.verse.studio.section.SectionColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code universes} row, read and written by a save and by a restore alike. Each part is written on its own
 * (the version history has already serialized saves of that part), so saving one part never overwrites another.
 */
@Component
class UniverseRows {

    private static final SectionColumns<UniverseSection> SECTIONS = new SectionColumns<>("universes", UniverseSection.class);

    private final JdbcClient jdbc;

    UniverseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Universe> findByProject(UUID projectId) {
        return jdbc.sql("select " + columns() + " from universes where project_id = ?")
                .param(projectId)
                .query((rs, n) -> new Universe(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getString("name"), rs.getString("description"), SECTIONS.read(rs),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    Optional<Universe> findInProject(UUID projectId, UUID id) {
        return findByProject(projectId).filter(universe -> universe.id().equals(id));
    }

    /** The project's universe, made now if it has none; two first saves at once make one row. */
    Universe createIfMissing(UUID projectId) {
        jdbc.sql("insert into universes (project_id) values (?) on conflict (project_id) do nothing").param(projectId).update();
        return findByProject(projectId).orElseThrow();
    }

    void writeDetails(UUID id, String name, String description, Instant now) {
        jdbc.sql("update universes set name = ?, description = ?, updated_at = ? where id = ?")
                .params(name, description, Timestamp.from(now), id)
                .update();
    }

    void writeSection(UUID id, UniverseSection section, Map<String, String> values, Instant now) {
        SECTIONS.write(jdbc, id, section, values, now);
    }

    private static String columns() {
        return "id, project_id, name, description, updated_at, " + SECTIONS.selectList();
    }
}
