package id.modo.verse.audit;

import id.modo.verse.common.AuditedEvent;
import id.modo.verse.common.web.ClientInfo;
import id.modo.verse.platform.SystemSettingChanged;
import java.sql.Timestamp;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes one audit_logs row per audited event, never a password, hash, token or secret (events carry none). */
@Component
class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Runs in the publisher's transaction: the change and its audit row commit together or not at
     * all. The caller's address and user agent come from the request being handled, if any. Events whose
     * publisher wrote their row in its own statement ({@link AuditRows}) are not written again.
     */
    @EventListener
    void on(AuditedEvent event) {
        if (event instanceof AuditedInStatement) {
            return;
        }
        ClientInfo client = ClientInfo.current().orElse(null);
        jdbc.sql("""
                insert into audit_logs (organization_id, user_id, action, entity_type, entity_id, old_values, new_values,
                    ip_address, user_agent, metadata)
                values (:org, :user, :action, :entityType, :entityId, cast(:old as jsonb), cast(:new as jsonb), :ip, :agent,
                    cast(:metadata as jsonb))""")
                .param("org", event.organizationId())
                .param("user", event.actorId())
                .param("action", event.action())
                .param("entityType", event.entityType())
                .param("entityId", event.entityId())
                .param("old", event.oldValues() == null ? null : json.writeValueAsString(event.oldValues()))
                .param("new", event.newValues() == null ? null : json.writeValueAsString(event.newValues()))
                .param("ip", client == null ? null : client.ip())
                .param("agent", client == null ? null : client.userAgent())
                .param("metadata", json.writeValueAsString(event.metadata()))
                .update();
    }

    /** Settings changes arrive through the event publication registry, after their commit. */
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
