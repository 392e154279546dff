package id.modo.verse.ai;

import id.modo.verse.ai.provider.Connection;
import id.modo.verse.ai.provider.ProviderKind;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The platform's own provider keys and base URLs: from the settings ({@code MODO_AI_*}), else as platform admins stored
 * them ({@code ai_platform_keys}). A provider the settings configure ignores what is stored for it.
 */
@Component
class PlatformKeys {

    /** Where a provider's platform key comes from. */
    enum Source { SETTINGS, STORED, NONE }

    private final AiProperties properties;
    private final StoredPlatformKeys stored;

    /** The settings alone, nothing stored. */
    PlatformKeys(AiProperties properties) {
        this(properties, StoredPlatformKeys.NONE);
    }

    @Autowired
    PlatformKeys(AiProperties properties, StoredPlatformKeys stored) {
        this.properties = properties;
        this.stored = stored;
    }

    /** How the platform reaches the provider, if it is configured at all. */
    Optional<Connection> connection(ProviderKind provider) {
        if (fromSettings(provider)) {
            return Optional.of(switch (provider) {
                case OPENAI, ANTHROPIC, GEMINI -> new Connection(settings(provider).apiKey(), baseUrl(settings(provider)), properties.timeout());
                case COMPATIBLE -> new Connection(properties.compatible().apiKey(), properties.compatible().baseUrl(), properties.timeout());
            });
        }
        return stored.find(provider).map(key -> new Connection(key.apiKey(),
                StringUtils.hasText(key.baseUrl()) ? key.baseUrl() : provider == ProviderKind.COMPATIBLE ? null : baseUrl(settings(provider)),
                properties.timeout()));
    }

    /** Which source serves the provider now: the settings win over a stored key. */
    Source source(ProviderKind provider) {
        if (fromSettings(provider)) {
            return Source.SETTINGS;
        }
        return stored.find(provider).isPresent() ? Source.STORED : Source.NONE;
    }

    /** Whether the settings configure the provider, which makes its stored key (if any) unused and the page read-only. */
    boolean fromSettings(ProviderKind provider) {
        return provider == ProviderKind.COMPATIBLE ? properties.compatible().configured() : settings(provider).configured();
    }

    /** An organization's own key goes to the same place as the platform's (its proxy or test server, if one is set). */
    Connection withOwnKey(ProviderKind provider, String key) {
        if (provider == ProviderKind.COMPATIBLE) {
            throw new IllegalArgumentException("An OpenAI-compatible server is the platform's, not an organization's");
        }
        return new Connection(key, baseUrl(settings(provider)), properties.timeout());
    }

    private AiProperties.Platform settings(ProviderKind provider) {
        return switch (provider) {
            case OPENAI -> properties.openai();
            case ANTHROPIC -> properties.anthropic();
            case GEMINI -> properties.gemini();
            case COMPATIBLE -> throw new IllegalArgumentException("The compatible server has its own settings");
        };
    }

    private static String baseUrl(AiProperties.Platform platform) {
        return StringUtils.hasText(platform.baseUrl()) ? platform.baseUrl() : null;
    }
}
