package id.modo.verse.ai;

import id.modo.verse.ai.provider.AnthropicProvider;
import id.modo.verse.ai.provider.GeminiProvider;
import id.modo.verse.ai.provider.OpenAiProvider;
import id.modo.verse.ai.provider.Provider;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.common.KeptSecrets;
import id.modo.verse.common.ModoProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    static final String MASTER_KEY_FILE = "master-key";

    @Bean
    Map<ProviderKind, Provider> aiProviders(Clock clock) {
        return List.of(new OpenAiProvider(ProviderKind.OPENAI, clock), new OpenAiProvider(ProviderKind.COMPATIBLE, clock),
                new AnthropicProvider(clock), new GeminiProvider(clock)).stream()
                .collect(Collectors.toUnmodifiableMap(Provider::kind, Function.identity()));
    }

    /**
     * The cipher under {@code MODO_MASTER_KEY}, else under a key kept in {@code <data dir>/master-key}. A key made up now
     * could open nothing already stored, so the start stops when stored keys exist and their master key is gone or another.
     */
    @Bean
    ApiKeyCipher apiKeyCipher(AiProperties properties, ModoProperties modo, JdbcClient jdbc) {
        Path file = modo.dataDir().resolve(MASTER_KEY_FILE);
        boolean configured = StringUtils.hasText(properties.masterKey());
        var stored = jdbc.sql("""
                select id, api_key_encrypted from user_api_keys
                union all select id, api_key_encrypted from ai_platform_keys where api_key_encrypted is not null
                limit 1""")
                .query((row, number) -> Map.entry(row.getObject("id", UUID.class), row.getString("api_key_encrypted"))).optional();
        if (!configured && !Files.exists(file) && stored.isPresent()) {
            throw new MasterKeyMissingException("Stored provider keys (user_api_keys, ai_platform_keys) exist, but MODO_MASTER_KEY is not set and "
                    + file.toAbsolutePath() + " is missing.", file);
        }
        ApiKeyCipher cipher = new ApiKeyCipher(masterKey(new String(KeptSecrets.configuredOrKept(properties.masterKey(), file), StandardCharsets.UTF_8)));
        stored.ifPresent(row -> {
            try {
                cipher.decrypt(row.getKey(), row.getValue());
            } catch (IllegalStateException wrongKey) {
                throw new MasterKeyMissingException("The master key " + (configured ? "MODO_MASTER_KEY" : "kept in " + file.toAbsolutePath())
                        + " does not open the stored provider keys (user_api_keys, ai_platform_keys): they were stored under another.", file);
            }
        });
        return cipher;
    }

    private static byte[] masterKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MODO_MASTER_KEY must be base64 of 32 random bytes (openssl rand -base64 32)");
        }
    }
}
