package id.modo.verse.audit;

import id.modo.verse.platform.SystemSettings;
import id.modo.verse.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A module event travels through the event publication registry to the audit log. */
@IntegrationTest
class SystemSettingAuditIntegrationTests {

    @Autowired
    SystemSettings settings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void changingASettingIsAuditedThroughTheEventRegistry() {
        String key = "test.setting-" + UUID.randomUUID().toString().substring(0, 8);

        settings.put(key, JsonNodeFactory.instance.booleanNode(false), "A test switch");
        settings.put(key, JsonNodeFactory.instance.booleanNode(true), null);
        settings.put(key, JsonNodeFactory.instance.booleanNode(true), null); // unchanged: no event

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from audit_logs where metadata->>'key' = ?").param(key).query(Long.class).single())
                .isEqualTo(2));
        var rows = jdbc.sql("""
                select action, entity_type, old_values::text as old, new_values::text as new from audit_logs
                where metadata->>'key' = ? order by created_at""").param(key).query().listOfRows();
        assertThat(rows.get(0)).containsEntry("action", "update").containsEntry("entity_type", "system_setting")
                .containsEntry("old", null).containsEntry("new", "{\"value\": false}");
        assertThat(rows.get(1)).containsEntry("old", "{\"value\": false}").containsEntry("new", "{\"value\": true}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from event_publication
                where event_type like '%SystemSettingChanged' and serialized_event like ? and completion_date is null""")
                .param("%" + key + "%").query(Long.class).single()).isZero());
        assertThat(settings.get(key)).hasValue(JsonNodeFactory.instance.booleanNode(true));
        assertThat(jdbc.sql("select description from system_settings where key = ?").param(key).query(String.class).single())
                .isEqualTo("A test switch");
    }
}
