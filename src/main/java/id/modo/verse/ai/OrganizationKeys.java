package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations' own provider keys ({@code user_api_keys}), one per provider, stored encrypted; only the last four
 * characters are ever read back for people, the whole key only for the call it serves. Every generation asks for the
 * {@link #usable} keys, so they are kept for {@code modo.ai.cache-ttl}: a key added, replaced or deleted
 * ({@link AiKeyEvents}) or tested here clears them once that commits; a change made on another node shows within the TTL.
 */
@Service
class OrganizationKeys {

    private static final String VIEW_COLUMNS = "id, provider, name, key_last_four, is_valid, last_validated_at, usage_count, created_at";
    private static final String SELECT_VIEW = "select " + VIEW_COLUMNS + " from user_api_keys";

    private final JdbcClient jdbc;
    private final ApiKeyCipher cipher;
    private final ShortCache<OrganizationId, Map<ProviderKind, String>> usable;

    OrganizationKeys(JdbcClient jdbc, ApiKeyCipher cipher, @Value("${modo.ai.cache-ttl}") Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.usable = new ShortCache<>(ttl, clock);
    }

    @EventListener
    void on(AiKeyEvents.AiKeyStored stored) {
        usable.clearAfterCommit();
    }

    @EventListener
    void on(AiKeyEvents.AiKeyDeleted deleted) {
        usable.clearAfterCommit();
    }

    /** A stored key as people may see it: never the key, only its last four characters. */
    record KeyView(UUID id, ProviderKind provider, String name, String lastFour, boolean valid, Instant lastValidatedAt, int usageCount,
            Instant createdAt) {
    }

    /**
     * Stores (or replaces) the organization's key for the provider; answers its last four characters. One statement,
     * so two owners adding a key for the same provider at once leave one of them, not a unique-index error.
     * {@code validatedAt} null: the key was not tested; else {@code valid} is what the provider said then.
     */
    @Transactional
    String store(OrganizationId organization, UserId addedBy, ProviderKind provider, String name, String key, boolean valid,
            Instant validatedAt) {
        String trimmed = key.strip();
        UUID id = UUID.randomUUID();
        String lastFour = trimmed.length() <= 4 ? trimmed : trimmed.substring(trimmed.length() - 4);
        // A replaced key takes the new row id too: the id is the ciphertext's associated data.
        jdbc.sql("""
                insert into user_api_keys (id, user_id, organization_id, provider, name, api_key_encrypted, key_last_four, is_valid,
                    last_validated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organization_id, provider) where organization_id is not null do update set
                    id = excluded.id, user_id = excluded.user_id, name = excluded.name, api_key_encrypted = excluded.api_key_encrypted,
                    key_last_four = excluded.key_last_four, is_valid = excluded.is_valid, last_validated_at = excluded.last_validated_at,
                    usage_count = 0, created_at = now()""")
                .params(id, addedBy.value(), organization.value(), provider.key(), name, cipher.encrypt(id, trimmed), lastFour, valid,
                        validatedAt == null ? null : Timestamp.from(validatedAt))
                .update();
        return lastFour;
    }

    /** Stores a key that was not tested; it is taken as valid until a call or a test says otherwise. */
    String store(OrganizationId organization, UserId addedBy, ProviderKind provider, String name, String key) {
        return store(organization, addedBy, provider, name, key, true, null);
    }

    @Transactional(readOnly = true)
    List<KeyView> list(OrganizationId organization) {
        return jdbc.sql(SELECT_VIEW + " where organization_id = ? order by provider").param(organization.value()).query(OrganizationKeys::view).list();
    }

    @Transactional(readOnly = true)
    Optional<KeyView> find(OrganizationId organization, ProviderKind provider) {
        return jdbc.sql(SELECT_VIEW + " where organization_id = ? and provider = ?").params(organization.value(), provider.key())
                .query(OrganizationKeys::view).optional();
    }

    /** The stored key itself, for the one call that tests it. */
    @Transactional(readOnly = true)
    Optional<String> secret(OrganizationId organization, ProviderKind provider) {
        return jdbc.sql("select id, api_key_encrypted from user_api_keys where organization_id = ? and provider = ?")
                .params(organization.value(), provider.key())
                .query((row, number) -> cipher.decrypt(row.getObject("id", UUID.class), row.getString("api_key_encrypted")))
                .optional();
    }

    /** Records a test's outcome on the key it tested; a key replaced meanwhile keeps its own state. */
    @Transactional
    /** Counts one generation its own key served; called in the transaction that writes that generation's usage row. */
    void countUse(OrganizationId organization, ProviderKind provider) {
        jdbc.sql("update user_api_keys set usage_count = usage_count + 1 where organization_id = ? and provider = ?")
                .params(organization.value(), provider.key()).update();
    }

    Optional<KeyView> recordValidation(UUID key, boolean valid, Instant at) {
        jdbc.sql("update user_api_keys set is_valid = ?, last_validated_at = ? where id = ?").params(valid, Timestamp.from(at), key).update();
        usable.clearAfterCommit();
        return jdbc.sql(SELECT_VIEW + " where id = ?").param(key).query(OrganizationKeys::view).optional();
    }

    /** Deletes the organization's key for the provider; answers what was deleted. */
    @Transactional
    Optional<KeyView> delete(OrganizationId organization, ProviderKind provider) {
        return jdbc.sql("delete from user_api_keys where organization_id = ? and provider = ? returning " + VIEW_COLUMNS)
                .params(organization.value(), provider.key()).query(OrganizationKeys::view).optional();
    }

    private static KeyView view(ResultSet row, int number) throws SQLException {
        Timestamp validated = row.getTimestamp("last_validated_at");
        return new KeyView(row.getObject("id", UUID.class), ProviderKind.of(row.getString("provider")), row.getString("name"),
                row.getString("key_last_four"), row.getBoolean("is_valid"), validated == null ? null : validated.toInstant(),
                row.getInt("usage_count"), row.getTimestamp("created_at").toInstant());
    }

    /** The organization's keys that were not found invalid, decrypted, by provider. */
    Map<ProviderKind, String> usable(OrganizationId organization) {
        return usable.get(organization, this::read);
    }

    private Map<ProviderKind, String> read(OrganizationId organization) {
        return jdbc.sql("select id, provider, api_key_encrypted from user_api_keys where organization_id = ? and is_valid")
                .param(organization.value())
                .query((row, number) -> Map.entry(ProviderKind.of(row.getString("provider")),
                        cipher.decrypt(row.getObject("id", UUID.class), row.getString("api_key_encrypted"))))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
