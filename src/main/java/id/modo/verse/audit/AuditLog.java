package id.modo.verse.audit;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit log, newest first, one page at a time with keyset pagination on
 * {@code (created_at, id)}. Who may read which part is the callers' check: an organization's
 * owners and admins its own entries, platform admins everything.
 */
@Service
public class AuditLog {


    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Accounts accounts;

    AuditLog(JdbcClient jdbc, JsonMapper json, Accounts accounts) {
        this.jdbc = jdbc;
        this.json = json;
        this.accounts = accounts;
    }

    /**
     * Which entries to list; every part is optional. {@code from} is inclusive, {@code to}
     * exclusive. A null organization means every organization and none (platform admins only).
     */
    public record Filter(UUID organizationId, UUID actorId, String action, String entityType, Instant from, Instant to) {

        public Filter {
            action = blankToNull(action);
            entityType = blankToNull(entityType);
        }

        public Filter withOrganization(UUID organization) {
            return new Filter(organization, actorId, action, entityType, from, to);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** One entry, with the acting person's name (or email, if they set no name) looked up. */
    public record Entry(UUID id, Instant createdAt, UUID organizationId, UUID actorId, String actorName, String action,
            String entityType, UUID entityId, JsonNode oldValues, JsonNode newValues, String ipAddress, String userAgent,
            JsonNode metadata) {

        /** The fields that changed, as field, old and new value, for a compact reading; values are JSON text. */
        public List<Change> changes() {
            Set<String> fields = new LinkedHashSet<>();
            if (oldValues != null && oldValues.isObject()) {
                fields.addAll(oldValues.propertyNames());
            }
            if (newValues != null && newValues.isObject()) {
                fields.addAll(newValues.propertyNames());
            }
            List<Change> changes = new ArrayList<>();
            for (String field : fields) {
                changes.add(new Change(field, text(oldValues, field), text(newValues, field)));
            }
            return changes;
        }

        private static String text(JsonNode values, String field) {
            if (values == null || !values.isObject() || !values.has(field)) {
                return null;
            }
            JsonNode value = values.get(field);
            String text = value.isString() ? value.asString() : value.toString();
            return text.length() > 120 ? text.substring(0, 119) + "…" : text;
        }
    }

    /** The actions an organization's log holds, for its filter to offer: at most a few dozen kinds, never the rows. */
    public List<String> actionsOf(UUID organizationId) {
        return jdbc.sql("select distinct action from audit_logs where organization_id = ? order by action")
                .param(organizationId).query(String.class).list();
    }

    /** One changed field: {@code from} is null when it was added, {@code to} when it was removed. */
    public record Change(String field, String from, String to) {
    }

    @Transactional(readOnly = true)
    public Page<Entry> search(Filter filter, String cursor, Integer limit) {
        int size = Keyset.limit(limit, "Some parameters are not valid.");
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors",
                    List.of(new FieldError("to", "must be later than from"))));
        }
        KeysetCursor after = Keyset.after(cursor);

        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.organizationId() != null) {
            conditions.add("organization_id = :org");
            params.put("org", filter.organizationId());
        }
        if (filter.actorId() != null) {
            conditions.add("user_id = :actor");
            params.put("actor", filter.actorId());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.entityType() != null) {
            conditions.add("entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (filter.from() != null) {
            conditions.add("created_at >= :from");
            params.put("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("created_at < :to");
            params.put("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        if (after != null) {
            conditions.add("(created_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        params.put("fetch", Keyset.fetch(size));
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);

        record Row(UUID id, Instant createdAt, UUID organizationId, UUID userId, String action, String entityType, UUID entityId,
                String oldValues, String newValues, String ip, String agent, String metadata) {
        }
        List<Row> rows = jdbc.sql("""
                select id, created_at, organization_id, user_id, action, entity_type, entity_id, old_values::text as old_values,
                    new_values::text as new_values, ip_address, user_agent, metadata::text as metadata
                from audit_logs %s
                order by created_at desc, id desc
                limit :fetch""".formatted(where))
                .params(params)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("organization_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("action"),
                        rs.getString("entity_type"), rs.getObject("entity_id", UUID.class), rs.getString("old_values"),
                        rs.getString("new_values"), rs.getString("ip_address"), rs.getString("user_agent"), rs.getString("metadata")))
                .list();

        Page<Row> page = Keyset.page(rows, size, row -> new KeysetCursor(row.createdAt(), row.id()));
        // One look-up of everyone who acted on this page.
        Map<UserId, Accounts.Person> people = accounts.people(page.items().stream().map(Row::userId).filter(Objects::nonNull)
                .distinct().map(UserId::of).toList());
        return page.map(row -> new Entry(row.id(), row.createdAt(), row.organizationId(), row.userId(),
                displayName(row.userId() == null ? null : people.get(UserId.of(row.userId()))), row.action(), row.entityType(),
                row.entityId(), parse(row.oldValues()), parse(row.newValues()), row.ip(), row.agent(), parse(row.metadata())));
    }

    private JsonNode parse(String value) {
        return value == null ? null : json.readTree(value);
    }

    private static String displayName(Accounts.Person person) {
        if (person == null) {
            return null;
        }
        return person.name() == null || person.name().isBlank() ? person.email() : person.name();
    }
}
