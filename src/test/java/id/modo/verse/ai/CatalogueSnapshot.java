package id.modo.verse.ai;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared catalogue, prices and platform keys as a test found them, put back afterwards: every test of the app
 * shares one database, and the generation tests expect the catalogue as shipped.
 */
final class CatalogueSnapshot {

    private final JdbcClient jdbc;
    private final List<Map<String, Object>> models;
    private final List<Map<String, Object>> prices;

    private CatalogueSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.models = jdbc.sql("select id, is_default, enabled, fallback_position from ai_models").query().listOfRows();
        this.prices = jdbc.sql("select generation_type, credits from ai_generation_prices").query().listOfRows();
    }

    static CatalogueSnapshot take(JdbcClient jdbc) {
        return new CatalogueSnapshot(jdbc);
    }

    void restore() {
        List<UUID> kept = models.stream().map(row -> (UUID) row.get("id")).toList();
        jdbc.sql("delete from ai_models where not (id = any(?))").param(kept.toArray(UUID[]::new)).update();
        jdbc.sql("update ai_models set is_default = false").update();
        for (Map<String, Object> row : models) {
            jdbc.sql("update ai_models set is_default = ?, enabled = ?, fallback_position = ? where id = ?")
                    .params(row.get("is_default"), row.get("enabled"), row.get("fallback_position"), row.get("id")).update();
        }
        for (Map<String, Object> row : prices) {
            jdbc.sql("update ai_generation_prices set credits = ? where generation_type = ?").params(row.get("credits"), row.get("generation_type"))
                    .update();
        }
        // A stored key outlives the test otherwise, and an app started later with another data directory would refuse to start.
        jdbc.sql("delete from ai_platform_keys").update();
    }
}
