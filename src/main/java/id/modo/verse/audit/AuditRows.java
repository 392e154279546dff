package id.modo.verse.audit;

import id.modo.verse.common.web.ClientInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit row of an {@link AuditedInStatement} event as part of its publisher's statement (a data-modifying
 * CTE), for values the database computes in that statement, such as a balance after a change. The row is the
 * one {@link AuditTrail} would write for the same event.
 */
@Component
public class AuditRows {

    private final JsonMapper json;

    AuditRows(JsonMapper json) {
        this.json = json;
    }

    /** SQL to put in a {@code WITH} list, and its parameters (all named {@code audit_…}). */
    public record Insert(String sql, Map<String, Object> params) {
    }

    /**
     * Inserts {@code event}'s row once per row of {@code source} (a CTE of the caller's statement), with the
     * new values named in {@code computed} taken from the SQL expressions there (over {@code source}'s columns)
     * instead of the event's own.
     */
    public Insert insert(AuditedInStatement event, String source, Map<String, String> computed) {
        Map<String, Object> fixed = event.newValues() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(event.newValues());
        computed.keySet().forEach(fixed::remove);
        StringBuilder merged = new StringBuilder("cast(:audit_new as jsonb)");
        int i = 0;
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<String, String> value : computed.entrySet()) {
            merged.append(" || jsonb_build_object(cast(:audit_key").append(i).append(" as text), ").append(value.getValue()).append(")");
            params.put("audit_key" + i++, value.getKey());
        }
        ClientInfo client = ClientInfo.current().orElse(null);
        params.put("audit_org", event.organizationId());
        params.put("audit_user", event.actorId());
        params.put("audit_action", event.action());
        params.put("audit_entity_type", event.entityType());
        params.put("audit_entity_id", event.entityId());
        params.put("audit_old", event.oldValues() == null ? null : json.writeValueAsString(event.oldValues()));
        params.put("audit_new", json.writeValueAsString(fixed));
        params.put("audit_ip", client == null ? null : client.ip());
        params.put("audit_agent", client == null ? null : client.userAgent());
        params.put("audit_metadata", json.writeValueAsString(event.metadata()));
        String sql = """
                insert into audit_logs (organization_id, user_id, action, entity_type, entity_id, old_values, new_values,
                    ip_address, user_agent, metadata)
                select cast(:audit_org as uuid), cast(:audit_user as uuid), cast(:audit_action as varchar), cast(:audit_entity_type as varchar),
                    cast(:audit_entity_id as uuid), cast(:audit_old as jsonb), %s, cast(:audit_ip as varchar), cast(:audit_agent as text),
                    cast(:audit_metadata as jsonb)
                from %s""".formatted(merged, source);
        return new Insert(sql, params);
    }
}
