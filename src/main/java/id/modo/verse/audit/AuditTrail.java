package id.modo.verse.audit;

import id.modo.verse.platform.SystemSettingChanged;
import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes one audit_logs row per audited event. */
@Component
class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(SystemSettingChanged event) {
        jdbc.sql("""
                insert into audit_logs (action, entity_type, old_values, new_values, metadata, created_at)
                values ('update', 'system_setting', cast(:old as jsonb), cast(:new as jsonb), cast(:metadata as jsonb), :at)
                """)
                .param("old", event.oldValue() == null ? null : json.writeValueAsString(Map.of("value", event.oldValue())))
                .param("new", json.writeValueAsString(Map.of("value", event.newValue())))
                .param("metadata", json.writeValueAsString(Map.of("key", event.key())))
                .param("at", Timestamp.from(event.changedAt()))
                .update();
    }
}
