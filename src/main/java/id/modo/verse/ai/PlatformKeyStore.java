package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ai_platform_keys}, encrypted with {@link ApiKeyCipher} under the row's id. Every generation asks for its
 * providers' keys, so what {@link #find} decrypted is kept for {@code modo.ai.cache-ttl}: a key an admin sets serves
 * the next call on this node (its {@link AiAdminChanged} clears the cache once it commits) and on the others within the
 * TTL.
 */
@Component
class PlatformKeyStore implements StoredPlatformKeys {

    private final JdbcClient jdbc;
    private final ApiKeyCipher cipher;
    private final ShortCache<ProviderKind, Optional<Stored>> cache;

    PlatformKeyStore(JdbcClient jdbc, ApiKeyCipher cipher, @Value("${modo.ai.cache-ttl}") Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.cache = new ShortCache<>(ttl, clock);
    }

    @EventListener
    void on(AiAdminChanged change) {
        cache.clearAfterCommit();
    }

    /** A stored row as the admin page shows it: never the key, only its last four characters. */
    record Row(UUID id, ProviderKind provider, String keyLastFour, String baseUrl, String model, Instant updatedAt) {
    }

    @Override
    public Optional<Stored> find(ProviderKind provider) {
        return cache.get(provider, this::read);
    }

    private Optional<Stored> read(ProviderKind provider) {
        return jdbc.sql("select id, api_key_encrypted, base_url, model from ai_platform_keys where provider = ?").param(provider.key())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String sealed = rs.getString("api_key_encrypted");
                    return new Stored(sealed == null ? null : cipher.decrypt(id, sealed), rs.getString("base_url"), rs.getString("model"));
                }).optional();
    }

    List<Row> rows() {
        return jdbc.sql("select id, provider, key_last_four, base_url, model, updated_at from ai_platform_keys order by provider")
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), ProviderKind.of(rs.getString("provider")), rs.getString("key_last_four"),
                        rs.getString("base_url"), rs.getString("model"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    Optional<Row> row(ProviderKind provider) {
        return rows().stream().filter(row -> row.provider() == provider).findFirst();
    }

    /**
     * Stores the provider's key (replacing any); a null key keeps none (compatible only). A replaced row takes the new
     * row's id too, as the key is sealed under it.
     */
    void put(ProviderKind provider, String apiKey, String baseUrl, String model, UUID admin, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into ai_platform_keys (id, provider, api_key_encrypted, key_last_four, base_url, model, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (provider) do update set id = excluded.id, api_key_encrypted = excluded.api_key_encrypted,
                  key_last_four = excluded.key_last_four, base_url = excluded.base_url, model = excluded.model,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(id, provider.key(), apiKey == null ? null : cipher.encrypt(id, apiKey), apiKey == null ? null : lastFour(apiKey),
                        baseUrl, model, admin, Timestamp.from(now))
                .update();
    }

    boolean remove(ProviderKind provider) {
        return jdbc.sql("delete from ai_platform_keys where provider = ?").param(provider.key()).update() > 0;
    }

    static String lastFour(String key) {
        return key.length() <= 4 ? key : key.substring(key.length() - 4);
    }
}
