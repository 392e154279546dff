package id.modo.verse.ai;

import id.modo.verse.ai.provider.Connection;
import id.modo.verse.ai.provider.ProviderKind;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The platform's own provider keys and base URLs from the settings ({@code MODO_AI_*}). */
@Component
class PlatformKeys {

    private final AiProperties properties;

    PlatformKeys(AiProperties properties) {
        this.properties = properties;
    }

    /** How the platform reaches the provider, if it is configured at all. */
    Optional<Connection> connection(ProviderKind provider) {
        return switch (provider) {
            case OPENAI -> platform(properties.openai());
            case ANTHROPIC -> platform(properties.anthropic());
            case GEMINI -> platform(properties.gemini());
            case COMPATIBLE -> properties.compatible().configured()
                    ? Optional.of(new Connection(properties.compatible().apiKey(), properties.compatible().baseUrl(), properties.timeout()))
                    : Optional.empty();
        };
    }

    /** An organization's own key goes to the same place as the platform's (its proxy or test server, if one is set). */
    Connection withOwnKey(ProviderKind provider, String key) {
        AiProperties.Platform platform = switch (provider) {
            case OPENAI -> properties.openai();
            case ANTHROPIC -> properties.anthropic();
            case GEMINI -> properties.gemini();
            case COMPATIBLE -> throw new IllegalArgumentException("An OpenAI-compatible server is the platform's, not an organization's");
        };
        return new Connection(key, baseUrl(platform), properties.timeout());
    }

    private Optional<Connection> platform(AiProperties.Platform platform) {
        return platform.configured() ? Optional.of(new Connection(platform.apiKey(), baseUrl(platform), properties.timeout())) : Optional.empty();
    }

    private static String baseUrl(AiProperties.Platform platform) {
        return StringUtils.hasText(platform.baseUrl()) ? platform.baseUrl() : null;
    }
}
