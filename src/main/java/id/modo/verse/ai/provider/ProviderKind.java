package id.modo.verse.ai.provider;

import java.util.Locale;

/** The APIs the gateway speaks; {@link #key()} is how the catalogue, settings and {@code user_api_keys} name them. */
public enum ProviderKind {
    OPENAI, ANTHROPIC, GEMINI,
    /** Any server speaking OpenAI's chat completions at its own base URL: Ollama, LM Studio, vLLM, llama.cpp. */
    COMPATIBLE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProviderKind of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
