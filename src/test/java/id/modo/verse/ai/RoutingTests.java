package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static id.modo.verse.ai.FallbackChainTests.model;
import static org.assertj.core.api.Assertions.assertThat;

/** Which model and key serve a request, and in what order the rest of the chain follows. */
class RoutingTests {

    static final AiModel GPT = model(ProviderKind.OPENAI, "gpt-4.1-mini", ModelKind.TEXT, true, null, 10);
    static final AiModel CLAUDE = model(ProviderKind.ANTHROPIC, "claude-sonnet-4-5", ModelKind.TEXT, false, null, 20);
    static final AiModel GEMINI = model(ProviderKind.GEMINI, "gemini-2.5-flash", ModelKind.TEXT, false, null, 30);
    static final AiModel LLAMA = model(ProviderKind.COMPATIBLE, "llama3.2", ModelKind.TEXT, false, null, 40);
    static final AiModel CLAUDE_FOR_PRO = model(ProviderKind.ANTHROPIC, "claude-opus-4-1", ModelKind.TEXT, false, List.of("pro", "team"), 50);

    static PlatformKeys platform(String openai, String anthropic, String gemini, String compatibleUrl) {
        return new PlatformKeys(new AiProperties(null, new AiProperties.Platform(openai, "http://openai.test/v1"),
                new AiProperties.Platform(anthropic, null), new AiProperties.Platform(gemini, null),
                new AiProperties.Compatible(compatibleUrl, null, null), Duration.ofSeconds(30), FallbackChainTests.SETTINGS));
    }

    static List<String> served(List<Route> routes) {
        return routes.stream().map(route -> route.model().model() + (route.ownKey() ? " (own key)" : "")).toList();
    }

    @Test
    void withNoKeyAnywhereThereIsNoRoute() {
        assertThat(Routing.order(List.of(GPT, CLAUDE, GEMINI, LLAMA), "free", Map.of(), platform(null, "", null, null))).isEmpty();
    }

    @Test
    void thePlatformDefaultGoesFirstThenTheAdminsFallbackOrderOfConfiguredProviders() {
        List<Route> routes = Routing.order(List.of(GEMINI, LLAMA, CLAUDE, GPT), "free", Map.of(),
                platform("sk-platform", null, "g-platform", "http://localhost:11434/v1"));

        assertThat(served(routes)).containsExactly("gpt-4.1-mini", "gemini-2.5-flash", "llama3.2");
        assertThat(routes.getFirst().connection().apiKey()).isEqualTo("sk-platform");
        assertThat(routes.getFirst().connection().baseUrl()).isEqualTo("http://openai.test/v1");
        assertThat(routes.getLast().connection().baseUrl()).isEqualTo("http://localhost:11434/v1");
    }

    @Test
    void thePlansOwnModelGoesBeforeTheDefaultAndOtherPlansDoNotSeeIt() {
        PlatformKeys keys = platform("sk-platform", "ak-platform", null, null);

        assertThat(served(Routing.order(List.of(GPT, CLAUDE, CLAUDE_FOR_PRO), "pro", Map.of(), keys)))
                .containsExactly("claude-opus-4-1", "gpt-4.1-mini", "claude-sonnet-4-5");
        assertThat(served(Routing.order(List.of(GPT, CLAUDE, CLAUDE_FOR_PRO), "free", Map.of(), keys)))
                .containsExactly("gpt-4.1-mini", "claude-sonnet-4-5");
    }

    @Test
    void theOrganizationsOwnKeysGoFirstThenThePlatformsKeys() {
        List<Route> routes = Routing.order(List.of(GPT, CLAUDE, GEMINI), "byok", Map.of(ProviderKind.ANTHROPIC, "ak-own"),
                platform("sk-platform", null, null, null));

        assertThat(served(routes)).containsExactly("claude-sonnet-4-5 (own key)", "gpt-4.1-mini");
        assertThat(routes.getFirst().connection().apiKey()).isEqualTo("ak-own");
    }

    @Test
    void anOwnKeyWorksWithoutAnyPlatformKey() {
        List<Route> routes = Routing.order(List.of(GPT, CLAUDE), "byok", Map.of(ProviderKind.OPENAI, "sk-own"), platform(null, null, null, null));

        assertThat(served(routes)).containsExactly("gpt-4.1-mini (own key)");
        assertThat(routes.getFirst().connection().baseUrl()).isEqualTo("http://openai.test/v1");
    }
}
