package id.modo.verse.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Platform-wide settings that admins change at run time (as opposed to start-up configuration).
 * Every change is published as {@link SystemSettingChanged} through the event publication
 * registry, so listeners such as the audit log see it even if the app stops right after commit.
 */
@Service
public class SystemSettings {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SystemSettings(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    public Optional<JsonNode> get(String key) {
        return jdbc.sql("select value::text from system_settings where key = ?")
                .param(key)
                .query(String.class)
                .optional()
                .map(json::readTree);
    }

    @Transactional
    public void put(String key, JsonNode value, String description) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A setting key is 1-100 lowercase letters, digits, '.', '_' or '-', starting with a letter");
        }
        JsonNode old = jdbc.sql("select value::text from system_settings where key = ? for update")
                .param(key)
                .query(String.class)
                .optional()
                .map(json::readTree)
                .orElse(null);
        if (value.equals(old)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into system_settings (key, value, description, updated_at) values (:key, cast(:value as jsonb), :description, :now)
                on conflict (key) do update set value = excluded.value,
                    description = coalesce(excluded.description, system_settings.description), updated_at = excluded.updated_at
                """)
                .param("key", key)
                .param("value", json.writeValueAsString(value))
                .param("description", description)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        events.publishEvent(new SystemSettingChanged(key, old, value, now));
    }
}
