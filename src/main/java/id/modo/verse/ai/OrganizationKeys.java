package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations' own provider keys ({@code user_api_keys}), one per provider, stored encrypted; only the last four
 * characters are ever read back for people, the whole key only for the call it serves.
 */
@Service
class OrganizationKeys {

    private final JdbcClient jdbc;
    private final ApiKeyCipher cipher;

    OrganizationKeys(JdbcClient jdbc, ApiKeyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores (or replaces) the organization's key for the provider; answers its last four characters. */
    @Transactional
    String store(OrganizationId organization, UserId addedBy, ProviderKind provider, String name, String key) {
        String trimmed = key.strip();
        UUID id = UUID.randomUUID();
        String lastFour = trimmed.length() <= 4 ? trimmed : trimmed.substring(trimmed.length() - 4);
        jdbc.sql("delete from user_api_keys where organization_id = ? and provider = ?").params(organization.value(), provider.key()).update();
        jdbc.sql("""
                insert into user_api_keys (id, user_id, organization_id, provider, name, api_key_encrypted, key_last_four)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, addedBy.value(), organization.value(), provider.key(), name, cipher.encrypt(id, trimmed), lastFour).update();
        return lastFour;
    }

    /** The organization's keys that were not found invalid, decrypted, by provider. */
    @Transactional(readOnly = true)
    Map<ProviderKind, String> usable(OrganizationId organization) {
        return jdbc.sql("select id, provider, api_key_encrypted from user_api_keys where organization_id = ? and is_valid")
                .param(organization.value())
                .query((row, number) -> Map.entry(ProviderKind.of(row.getString("provider")),
                        cipher.decrypt(row.getObject("id", UUID.class), row.getString("api_key_encrypted"))))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
