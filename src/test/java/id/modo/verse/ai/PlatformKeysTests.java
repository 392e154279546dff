package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings win over stored platform keys; a stored key serves a provider the settings leave alone. */
class PlatformKeysTests {

    static final Map<ProviderKind, StoredPlatformKeys.Stored> STORED = Map.of(
            ProviderKind.OPENAI, new StoredPlatformKeys.Stored("sk-stored", null, null),
            ProviderKind.ANTHROPIC, new StoredPlatformKeys.Stored("ak-stored", null, null),
            ProviderKind.COMPATIBLE, new StoredPlatformKeys.Stored(null, "https://llm.example.com/v1", "qwen3"));

    static AiProperties settings(String openaiKey, String compatibleUrl) {
        return new AiProperties(null, new AiProperties.Platform(openaiKey, "http://openai.test/v1"), new AiProperties.Platform(null, null),
                new AiProperties.Platform(null, null), new AiProperties.Compatible(compatibleUrl, null, null), Duration.ofSeconds(30),
                FallbackChainTests.SETTINGS);
    }

    final StoredPlatformKeys stored = provider -> Optional.ofNullable(STORED.get(provider));

    @Test
    void theSettingsWinOverAStoredKey() {
        PlatformKeys keys = new PlatformKeys(settings("sk-settings", "http://localhost:11434/v1"), stored);

        assertThat(keys.source(ProviderKind.OPENAI)).isEqualTo(PlatformKeys.Source.SETTINGS);
        assertThat(keys.connection(ProviderKind.OPENAI).orElseThrow().apiKey()).isEqualTo("sk-settings");
        assertThat(keys.connection(ProviderKind.COMPATIBLE).orElseThrow().baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(keys.source(ProviderKind.ANTHROPIC)).isEqualTo(PlatformKeys.Source.STORED);
        assertThat(keys.source(ProviderKind.GEMINI)).isEqualTo(PlatformKeys.Source.NONE);
    }

    @Test
    void aStoredKeyServesWhereTheSettingsAreEmptyAndGoesWhereTheSettingsPoint() {
        PlatformKeys keys = new PlatformKeys(settings(null, null), stored);

        assertThat(keys.connection(ProviderKind.OPENAI).orElseThrow().apiKey()).isEqualTo("sk-stored");
        assertThat(keys.connection(ProviderKind.OPENAI).orElseThrow().baseUrl()).isEqualTo("http://openai.test/v1");
        assertThat(keys.connection(ProviderKind.COMPATIBLE).orElseThrow().baseUrl()).isEqualTo("https://llm.example.com/v1");
        assertThat(keys.connection(ProviderKind.COMPATIBLE).orElseThrow().apiKey()).isNull();
        assertThat(keys.connection(ProviderKind.GEMINI)).isEmpty();
        assertThat(RoutingTests.served(Routing.order(java.util.List.of(RoutingTests.GPT, RoutingTests.CLAUDE, RoutingTests.GEMINI, RoutingTests.LLAMA), "free", Map.of(), keys)))
                .containsExactly("gpt-4.1-mini", "claude-sonnet-4-5", "llama3.2");
    }

    @Test
    void theAdminPageCannotStoreAKeyTheSettingsSet() {
        PlatformKeys keys = new PlatformKeys(settings("sk-settings", null), stored);
        // Refused before anything is read or written, so no store is needed.
        PlatformKeyAdmin admin = new PlatformKeyAdmin(null, keys, settings("sk-settings", null), null, null, null, null);

        assertThatThrownBy(() -> admin.set(null, "openai", "sk-another-key", null, null))
                .isInstanceOfSatisfying(id.modo.verse.common.ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(AiProblems.KEY_FROM_SETTINGS));
    }
}
