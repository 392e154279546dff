package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI gateway's admin API: platform admins only, validated, audited; the catalogue's default and fallback order as
 * routing sees them; platform keys stored encrypted and never shown again. Each test puts the shared catalogue back.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AiAdminApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ModelCatalogue catalogue;
    @Autowired
    PlatformKeys platformKeys;

    Http asAdmin;
    Http asMember;
    UUID adminId;
    CatalogueSnapshot shipped;

    @BeforeEach
    void signIn() {
        Users users = new Users(new Http(port));
        Users.Signed member = users.signUpAndIn("ai-admin-member");
        Users.Signed admin = users.signUpAndIn("ai-admin");
        adminId = UUID.fromString(admin.id());
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(adminId).update();
        asAdmin = new Http(port).withBearer(users.login(admin.email(), Users.PASSWORD));
        asMember = new Http(port).withBearer(member.token());
        shipped = CatalogueSnapshot.take(jdbc);
    }

    @AfterEach
    void putTheCatalogueBack() {
        shipped.restore();
    }

    @Test
    void onlyPlatformAdminsReachTheAdminApi() {
        assertThat(asMember.get("/api/v1/admin/ai/models", "application/json").statusCode()).isEqualTo(403);
        assertThat(asMember.get("/api/v1/admin/ai/usage", "application/json").statusCode()).isEqualTo(403);
        assertThat(asMember.get("/api/v1/admin/ai/platform-keys", "application/json").statusCode()).isEqualTo(403);
        assertThat(asMember.call("PATCH", "/api/v1/admin/ai/prices", "{\"synopsis\":1}").statusCode()).isEqualTo(403);
        assertThat(asMember.call("PUT", "/api/v1/admin/ai/platform-keys/openai", "{\"api_key\":\"sk-member-12345678\"}").statusCode())
                .isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/admin/ai/models", "application/json").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from ai_platform_keys").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select credits from ai_generation_prices where generation_type = 'synopsis'").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void modelsAreValidatedUniqueAndAudited() {
        String body = """
                {"provider":"%s","model":"%s","kind":"text","credits_per_1k_input_tokens":%s,"credits_per_1k_output_tokens":"2",
                 "usd_per_1k_input_tokens":"%s","usd_per_1k_output_tokens":"0.002","usd_per_image":null,"plans":%s,"enabled":true}""";

        HttpResponse<String> invalid = asAdmin.postJson("/api/v1/admin/ai/models", body.formatted("mistral", "bad model", "null", "-1", "[\"gold\"]"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).findValuesAsString("field")).containsExactlyInAnyOrder("provider", "model", "credits_per_1k_input_tokens",
                "usd_per_1k_input_tokens", "plans");

        HttpResponse<String> created = asAdmin.postJson("/api/v1/admin/ai/models", body.formatted("openai", "gpt-4.1-nano", "\"0.5\"", "0.0001", "[\"pro\"]"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode model = json(created);
        assertThat(model.get("credit_pricing").asString()).isEqualTo("tokens");
        assertThat(model.get("credits_per_1k_input_tokens").asString()).isEqualTo("0.5");
        assertThat(model.get("plans").get(0).asString()).isEqualTo("pro");
        assertThat(model.get("is_default").asBoolean()).isFalse();
        String id = model.get("id").asString();

        HttpResponse<String> duplicate = asAdmin.postJson("/api/v1/admin/ai/models", body.formatted("openai", "gpt-4.1-nano", "\"1\"", "0", "null"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).get("type").asString()).endsWith("/ai-model-taken");
        assertThat(asAdmin.get("/api/v1/admin/ai/models/" + UUID.randomUUID(), "application/json").statusCode()).isEqualTo(404);
        assertThat(asAdmin.call("PATCH", "/api/v1/admin/ai/models/" + UUID.randomUUID(), "{\"enabled\":false}").statusCode()).isEqualTo(404);

        HttpResponse<String> updated = asAdmin.call("PUT", "/api/v1/admin/ai/models/" + id, """
                {"model":"gpt-4.1-nano","credits_per_1k_input_tokens":null,"credits_per_1k_output_tokens":null,
                 "usd_per_1k_input_tokens":"0.0001","usd_per_1k_output_tokens":"0.0004","usd_per_image":null,"plans":null,"enabled":false}""");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).get("credit_pricing").asString()).isEqualTo("generation_type");
        assertThat(json(updated).get("enabled").asBoolean()).isFalse();
        assertThat(json(updated).get("plans").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = ? and entity_id = ? and action in ('ai_model_create', 'ai_model_update')")
                .params(adminId, UUID.fromString(id)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theDefaultSwitchesInOneStepAndStaysOnePerKind() {
        UUID gpt = modelId("openai", "gpt-4.1-mini");
        UUID claude = modelId("anthropic", "claude-sonnet-4-5");

        HttpResponse<String> offDefault = asAdmin.call("PATCH", "/api/v1/admin/ai/models/" + gpt, "{\"enabled\":false}");
        assertThat(offDefault.statusCode()).isEqualTo(409);
        assertThat(json(offDefault).get("type").asString()).endsWith("/ai-default-required");

        HttpResponse<String> switched = asAdmin.postJson("/api/v1/admin/ai/models/" + claude + "/default", "");
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        assertThat(json(switched).get("is_default").asBoolean()).isTrue();
        assertThat(jdbc.sql("select model from ai_models where kind = 'text' and is_default").query(String.class).list())
                .containsExactly("claude-sonnet-4-5");
        assertThat(jdbc.sql("select model from ai_models where kind = 'image' and is_default").query(String.class).list())
                .containsExactly("gpt-image-1");
        assertThat(served(catalogue.enabled(ModelKind.TEXT)).getFirst()).isEqualTo("claude-sonnet-4-5");

        assertThat(asAdmin.call("PATCH", "/api/v1/admin/ai/models/" + gpt, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        HttpResponse<String> disabledDefault = asAdmin.postJson("/api/v1/admin/ai/models/" + gpt + "/default", "");
        assertThat(disabledDefault.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = ? and action = 'ai_model_default'").param(adminId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theFallbackOrderPersistsAndRoutingFollowsIt() {
        List<UUID> text = jdbc.sql("select id from ai_models where kind = 'text' order by fallback_position").query(UUID.class).list();
        List<UUID> reversed = new ArrayList<>(text.reversed());

        assertThat(asAdmin.call("PUT", "/api/v1/admin/ai/fallback-order", "{\"kind\":\"text\",\"model_ids\":[\"" + text.getFirst() + "\"]}")
                .statusCode()).isEqualTo(400);
        String ids = String.join("\",\"", reversed.stream().map(UUID::toString).toList());
        HttpResponse<String> reordered = asAdmin.call("PUT", "/api/v1/admin/ai/fallback-order", "{\"kind\":\"text\",\"model_ids\":[\"" + ids + "\"]}");
        assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);

        assertThat(jdbc.sql("select id from ai_models where kind = 'text' order by fallback_position").query(UUID.class).list())
                .containsExactlyElementsOf(reversed);
        // The default still goes first; the rest of the chain is the admins' new order.
        List<Route> routes = Routing.order(catalogue.enabled(ModelKind.TEXT), "free", Map.of(),
                RoutingTests.platform("sk-platform", "ak-platform", "g-platform", "http://localhost:11434/v1"));
        assertThat(RoutingTests.served(routes)).containsExactly("gpt-4.1-mini", "llama3.2", "gemini-2.5-flash", "claude-sonnet-4-5");
        assertThat(jdbc.sql("select count(*) from audit_logs where user_id = ? and action = 'ai_fallback_reorder'").param(adminId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void pricesTakeZeroAndRefuseNegativesAndUnknownTypes() {
        HttpResponse<String> negative = asAdmin.call("PATCH", "/api/v1/admin/ai/prices", "{\"synopsis\":-1,\"logline\":5}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json(negative).findValuesAsString("field")).containsExactly("synopsis");
        assertThat(asAdmin.call("PATCH", "/api/v1/admin/ai/prices", "{\"sinopsis\":1}").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select credits from ai_generation_prices where generation_type = 'logline'").query(Integer.class).single()).isEqualTo(2);

        HttpResponse<String> saved = asAdmin.call("PATCH", "/api/v1/admin/ai/prices", "{\"synopsis\":0,\"logline\":5}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved)).hasSize(GenerationType.values().length);
        assertThat(catalogue.credits(GenerationType.SYNOPSIS)).isZero();
        assertThat(catalogue.credits(GenerationType.LOGLINE)).isEqualTo(5);
        assertThat(jdbc.sql("""
                select count(*) from audit_logs where user_id = ? and action = 'ai_price_update'
                  and old_values ->> 'synopsis' = '3' and new_values ->> 'synopsis' = '0' and new_values ->> 'logline' = '5'""")
                .param(adminId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPlatformKeyIsStoredEncryptedUsedByRoutingAndNeverShownLoggedOrAudited(CapturedOutput output) {
        String key = "sk-platform-" + UUID.randomUUID();

        assertThat(platformKeys.connection(ProviderKind.OPENAI)).isEmpty();
        HttpResponse<String> stored = asAdmin.call("PUT", "/api/v1/admin/ai/platform-keys/openai", "{\"api_key\":\"" + key + "\"}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(json(stored).get("source").asString()).isEqualTo("stored");
        assertThat(json(stored).get("key_last_four").asString()).isEqualTo(key.substring(key.length() - 4));

        assertThat(platformKeys.connection(ProviderKind.OPENAI).orElseThrow().apiKey()).isEqualTo(key);
        assertThat(platformKeys.source(ProviderKind.OPENAI)).isEqualTo(PlatformKeys.Source.STORED);
        assertThat(jdbc.sql("select count(*) from ai_platform_keys where row_to_json(ai_platform_keys)::text like ?").param("%" + key.substring(3) + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select api_key_encrypted from ai_platform_keys where provider = 'openai'").query(String.class).single())
                .isNotBlank().doesNotContain(key);

        HttpResponse<String> listed = asAdmin.get("/api/v1/admin/ai/platform-keys", "application/json");
        HttpResponse<String> refused = asAdmin.call("PUT", "/api/v1/admin/ai/platform-keys/anthropic", "{\"api_key\":\"" + key + " \\u0000\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(asAdmin.call("PUT", "/api/v1/admin/ai/platform-keys/mistral", "{\"api_key\":\"" + key + "\"}").statusCode()).isEqualTo(404);
        assertThat(asAdmin.call("DELETE", "/api/v1/admin/ai/platform-keys/gemini", null).statusCode()).isEqualTo(404);
        assertThat(asAdmin.call("DELETE", "/api/v1/admin/ai/platform-keys/openai", null).statusCode()).isEqualTo(204);
        assertThat(platformKeys.connection(ProviderKind.OPENAI)).isEmpty();

        for (HttpResponse<String> response : List.of(stored, listed, refused)) {
            assertThat(response.body()).doesNotContain(key.substring(3));
        }
        assertThat(output.getAll()).doesNotContain(key.substring(3));
        assertThat(jdbc.sql("""
                select count(*) from audit_logs where user_id = ? and action in ('ai_platform_key_set', 'ai_platform_key_remove')""")
                .param(adminId).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from audit_logs where user_id = ?
                  and concat(old_values::text, new_values::text, metadata::text) like ?""")
                .params(adminId, "%" + key.substring(3) + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void aCompatibleServerOnAPrivateAddressIsRefusedAndAPublicOneServes() {
        for (String url : List.of("http://127.0.0.1:11434/v1", "http://169.254.169.254/latest", "http://10.0.0.5/v1", "http://[::1]:8000/v1",
                "http://[fd00::1]/v1", "http://localhost:11434/v1", "ftp://93.184.216.34/v1", "http://user:pw@93.184.216.34/v1")) {
            HttpResponse<String> refused = asAdmin.call("PUT", "/api/v1/admin/ai/platform-keys/compatible", "{\"base_url\":\"" + url + "\",\"model\":\"qwen3\"}");
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(json(refused).findValuesAsString("field")).as(url).containsExactly("base_url");
        }
        assertThat(platformKeys.connection(ProviderKind.COMPATIBLE)).isEmpty();

        HttpResponse<String> stored = asAdmin.call("PUT", "/api/v1/admin/ai/platform-keys/compatible",
                "{\"base_url\":\"https://93.184.216.34/v1\",\"model\":\"qwen3\"}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(json(stored).get("key_last_four").isNull()).isTrue();
        assertThat(platformKeys.connection(ProviderKind.COMPATIBLE).orElseThrow().baseUrl()).isEqualTo("https://93.184.216.34/v1");
        assertThat(served(catalogue.enabled(ModelKind.TEXT))).endsWith("qwen3");
    }

    private UUID modelId(String provider, String model) {
        return jdbc.sql("select id from ai_models where provider = ? and model = ?").params(provider, model).query(UUID.class).single();
    }

    private static List<String> served(List<AiModel> models) {
        return models.stream().sorted(java.util.Comparator.comparing((AiModel model) -> !model.isDefault())
                .thenComparingInt(AiModel::fallbackPosition)).map(AiModel::model).toList();
    }
}
