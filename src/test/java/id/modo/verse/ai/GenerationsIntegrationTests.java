package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway in the running app, which (as the embedded default) has no platform key: nothing pretends to generate,
 * and an organization's own key, stored encrypted, serves it when its plan allows BYOK.
 */
@IntegrationTest
class GenerationsIntegrationTests {

    static final String OWN_KEY = "sk-own-" + UUID.randomUUID();

    @Autowired
    Generations generations;
    @Autowired
    OrganizationKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AiProperties properties;
    @Autowired
    ModoProperties modo;

    final WireMockServer providers = TestGateways.server();
    final List<OrganizationId> organizations = new ArrayList<>();

    /**
     * Stored keys outlive the test otherwise, and every app started later on this database with another data
     * directory (PrivateDataDirectoryIntegrationTests) would rightly refuse to start without their master key.
     */
    @AfterEach
    void removeTheStoredKeys() {
        organizations.forEach(organization -> jdbc.sql("delete from user_api_keys where organization_id = ?").param(organization.value()).update());
    }

    @Test
    void withoutAnyProviderEveryGenerationAnswersAiNotConfigured() {
        OrganizationId organization = organization("free");

        assertThat(generations.configured(organization, GenerationType.SYNOPSIS)).isFalse();
        assertThatThrownBy(() -> generations.text(organization, GenerationType.SYNOPSIS, TextPrompt.free(null, "A heist", 100)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(AiProblems.NOT_CONFIGURED);
                    assertThat(problem.type().status().value()).isEqualTo(409);
                    assertThat(problem.getMessage()).contains("MODO_AI_COMPATIBLE_BASE_URL");
                });
    }

    @Test
    void anOwnKeyIsStoredEncryptedAndServesOnlyWhenThePlanAllowsByok() {
        OrganizationId free = organization("free");
        keys.store(free, user(), ProviderKind.OPENAI, "Our key", OWN_KEY);
        assertThat(generations.configured(free, GenerationType.LOGLINE)).isFalse();

        OrganizationId byok = organization("byok");
        assertThat(keys.store(byok, user(), ProviderKind.OPENAI, "Our key", OWN_KEY)).isEqualTo(OWN_KEY.substring(OWN_KEY.length() - 4));
        String stored = jdbc.sql("select api_key_encrypted from user_api_keys where organization_id = ?").param(byok.value()).query(String.class).single();
        assertThat(stored).doesNotContain(OWN_KEY).doesNotContain("sk-own");
        providers.stubFor(post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + OWN_KEY))
                .willReturn(okJson(OpenAiCompletion.BODY)));

        TextGeneration logline = generations.text(byok, GenerationType.LOGLINE, TextPrompt.free("You write loglines.", "A heist", 100));

        assertThat(logline.text()).isEqualTo("A thief robs a bank.");
        assertThat(logline.receipt()).isEqualTo(new Receipt("openai", "gpt-4.1-mini", 19, 10, true, false, 1));
        providers.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + OWN_KEY)));
    }

    @Test
    void theStartStopsWhenStoredKeysExistAndTheirMasterKeyIsGoneOrAnother(@TempDir Path emptyDataDir) {
        keys.store(organization("byok"), user(), ProviderKind.ANTHROPIC, null, "sk-ant-" + UUID.randomUUID());
        ModoProperties elsewhere = new ModoProperties(modo.env(), emptyDataDir, modo.publicUrl(), modo.db(), modo.web(), modo.events());

        assertThatThrownBy(() -> new AiConfiguration().apiKeyCipher(properties, elsewhere, jdbc))
                .isInstanceOf(MasterKeyMissingException.class).hasMessageContaining("MODO_MASTER_KEY is not set");
        AiProperties anotherKey = new AiProperties(Base64.getEncoder().encodeToString(new byte[32]), properties.openai(), properties.anthropic(),
                properties.gemini(), properties.compatible(), properties.timeout(), properties.fallback());
        assertThatThrownBy(() -> new AiConfiguration().apiKeyCipher(anotherKey, modo, jdbc))
                .isInstanceOf(MasterKeyMissingException.class).hasMessageContaining("does not open");
    }

    @Test
    void theConfiguredCompatibleModelJoinsTheCatalogueLastAndOnce() {
        String model = "qwen-" + UUID.randomUUID().toString().substring(0, 8);
        AiProperties ollama = new AiProperties(null, properties.openai(), properties.anthropic(), properties.gemini(),
                new AiProperties.Compatible("http://localhost:11434/v1", null, model), properties.timeout(), properties.fallback());
        ModelCatalogue catalogue = new ModelCatalogue(jdbc, ollama, java.time.Duration.ZERO, java.time.Clock.systemUTC());
        try {
            catalogue.addTheConfiguredCompatibleModel();
            catalogue.addTheConfiguredCompatibleModel();

            List<AiModel> text = catalogue.enabled(ModelKind.TEXT);
            assertThat(text.getLast().model()).isEqualTo(model);
            assertThat(text.getLast().provider()).isEqualTo(ProviderKind.COMPATIBLE);
            assertThat(text).filteredOn(entry -> entry.model().equals(model)).hasSize(1);
            assertThat(catalogue.credits(GenerationType.SYNOPSIS)).isEqualTo(3);
        } finally {
            jdbc.sql("delete from ai_models where model = ?").param(model).update();
        }
    }

    OrganizationId organization(String plan) {
        String slug = "ai-" + UUID.randomUUID().toString().substring(0, 12);
        UUID id = jdbc.sql("insert into organizations (name, slug) values (?, ?) returning id").params("AI " + slug, slug).query(UUID.class).single();
        if (!plan.equals("free")) {
            jdbc.sql("insert into subscriptions (organization_id, plan, status) values (?, ?, 'active')").params(id, plan).update();
        }
        organizations.add(OrganizationId.of(id));
        return OrganizationId.of(id);
    }

    UserId user() {
        return new UserId(jdbc.sql("insert into users (email, name) values (?, 'AI user') returning id")
                .param("ai-" + UUID.randomUUID().toString().substring(0, 12) + "@example.id").query(UUID.class).single());
    }

    /** A chat completion as OpenAI's API reference shows it. */
    static final class OpenAiCompletion {
        static final String BODY = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini-2025-04-14",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"A thief robs a bank.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}}""";
    }
}
