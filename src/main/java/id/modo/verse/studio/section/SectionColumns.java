package id.modo.verse.studio.section;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSONB section columns of a row whose columns are named by their sections' keys (a character's
 * {@code physiological}, a universe's {@code rules}). A save writes its one column and {@code updated_at}, nothing
 * else, so two people saving two different sections of one row at once do not overwrite each other.
 */
public final class SectionColumns<S extends Enum<S> & SectionSchema> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
    };

    private final String table;
    private final Class<S> type;

    public SectionColumns(String table, Class<S> type) {
        this.table = table;
        this.type = type;
    }

    /** The select list of every section column, each as JSON text under its own name. */
    public String selectList() {
        return EnumSet.allOf(type).stream().map(s -> s.key() + "::text as " + s.key()).collect(Collectors.joining(", "));
    }

    /** Every section of the current row of a query that used {@link #selectList()}; a NULL column reads as empty. */
    public Map<S, Map<String, String>> read(ResultSet rs) throws SQLException {
        Map<S, Map<String, String>> sections = new EnumMap<>(type);
        for (S section : type.getEnumConstants()) {
            sections.put(section, json(rs.getString(section.key())));
        }
        return sections;
    }

    /** Replaces one section of row {@code id} with values {@link SectionValues} already checked. */
    public void write(JdbcClient jdbc, UUID id, S section, Map<String, String> values, Instant now) {
        jdbc.sql("update " + table + " set " + section.key() + " = cast(? as jsonb), updated_at = ? where id = ?")
                .params(json(values), Timestamp.from(now), id)
                .update();
    }

    /** A JSONB object of text values as stored, or an empty map for NULL. */
    public static Map<String, String> json(String stored) {
        return stored == null ? Map.of() : JSON.readValue(stored, VALUES);
    }

    public static String json(Map<String, String> values) {
        return JSON.writeValueAsString(values);
    }
}
