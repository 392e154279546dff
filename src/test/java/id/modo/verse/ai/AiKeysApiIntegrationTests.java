package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import java.net.http.HttpResponse;
import java.util.List;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static id.modo.verse.ai.provider.ProviderValidationBodies.ANTHROPIC_401;
import static id.modo.verse.ai.provider.ProviderValidationBodies.ANTHROPIC_MODELS;
import static id.modo.verse.ai.provider.ProviderValidationBodies.GEMINI_BAD_KEY;
import static id.modo.verse.ai.provider.ProviderValidationBodies.GEMINI_MODELS;
import static id.modo.verse.ai.provider.ProviderValidationBodies.OPENAI_401;
import static id.modo.verse.ai.provider.ProviderValidationBodies.OPENAI_MODELS;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI keys API in the running app, with the providers played by the tests' local server: who may do what, what is
 * refused, what the providers' answers to "test key" do, and that a key never comes back out.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AiKeysApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer providers = TestGateways.server();
    AiFixtures fixtures;
    AiFixtures.Person owner;
    String org;
    String keys;

    @BeforeEach
    void organization() {
        fixtures = new AiFixtures(jdbc, new Http(port));
        owner = fixtures.person("ai-keys-owner");
        org = fixtures.organization("byok");
        fixtures.member(org, owner, "owner");
        keys = "/api/v1/organizations/" + org + "/ai/keys";
    }

    @AfterEach
    void removeKeys() {
        fixtures.removeKeys();
    }

    static String key(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    String body(String provider, String key) {
        return "{\"provider\":\"" + provider + "\",\"name\":\"Studio key\",\"api_key\":\"" + key + "\"}";
    }

    /** The provider's model list answers this key (and only this key) with {@code response}. */
    void models(String provider, String key, ResponseDefinitionBuilder response) {
        MappingBuilder list = switch (provider) {
            case "openai" -> get(urlPathEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + key));
            case "anthropic" -> get(urlPathEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + key));
            default -> get(urlPathMatching("/v1(beta)?/models")).withHeader("x-goog-api-key", equalTo(key));
        };
        providers.stubFor(list.willReturn(response));
    }

    static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void ownersAndAdminsManageKeysOtherMembersGet403OutsidersAndStrangers404() {
        AiFixtures.Person admin = fixtures.person("ai-keys-admin");
        AiFixtures.Person editor = fixtures.person("ai-keys-editor");
        AiFixtures.Person viewer = fixtures.person("ai-keys-viewer");
        AiFixtures.Person outsider = fixtures.person("ai-keys-outsider");
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        String ownKey = key("sk-proj-");
        models("openai", ownKey, okJson(OPENAI_MODELS));

        for (AiFixtures.Person manager : List.of(owner, admin)) {
            var added = manager.http().postJson(keys, body("openai", ownKey));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(json(added).get("is_valid").asBoolean()).isTrue();
            assertThat(manager.http().get(keys, "application/json").statusCode()).isEqualTo(200);
            assertThat(manager.http().postJson(keys + "/openai/test", "").statusCode()).isEqualTo(200);
            assertThat(manager.http().call("DELETE", keys + "/openai", null).statusCode()).isEqualTo(204);
            assertThat(manager.http().call("DELETE", keys + "/openai", null).statusCode()).isEqualTo(404);
        }
        assertThat(owner.http().postJson(keys, body("openai", ownKey)).statusCode()).isEqualTo(201);
        for (AiFixtures.Person member : List.of(editor, viewer)) {
            assertThat(member.http().get(keys, "application/json").statusCode()).isEqualTo(403);
            assertThat(member.http().postJson(keys, body("openai", ownKey)).statusCode()).isEqualTo(403);
            assertThat(member.http().postJson(keys + "/openai/test", "").statusCode()).isEqualTo(403);
            assertThat(member.http().call("DELETE", keys + "/openai", null).statusCode()).isEqualTo(403);
        }
        assertThat(outsider.http().get(keys, "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.http().postJson(keys, body("openai", ownKey)).statusCode()).isEqualTo(404);
        assertThat(outsider.http().postJson(keys + "/openai/test", "").statusCode()).isEqualTo(404);
        assertThat(outsider.http().call("DELETE", keys + "/openai", null).statusCode()).isEqualTo(404);
        assertThat(owner.http().get("/api/v1/organizations/" + UUID.randomUUID() + "/ai/keys", "application/json").statusCode()).isEqualTo(404);
        assertThat(owner.http().call("DELETE", keys + "/stability", null).statusCode()).isEqualTo(404);
        Http anonymous = new Http(port);
        assertThat(anonymous.get(keys, "application/json").statusCode()).isEqualTo(401);
        assertThat(anonymous.postJson(keys, body("openai", ownKey)).statusCode()).isEqualTo(401);

        JsonNode listed = json(owner.http().get(keys, "application/json"));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("provider").asString()).isEqualTo("openai");
        assertThat(listed.get(0).get("last_four").asString()).isEqualTo(ownKey.substring(ownKey.length() - 4));
        assertThat(listed.get(0).has("api_key")).isFalse();
    }

    @Test
    void badFieldsAre400WithEachFieldNamed() {
        String good = key("sk-proj-");
        for (String[] bad : List.of(
                new String[] {"{\"name\":\"x\",\"api_key\":\"" + good + "\"}", "provider"},
                new String[] {body("stability", good), "provider"},
                new String[] {body("compatible", good), "provider"},
                new String[] {"{\"provider\":\"openai\"}", "api_key"},
                new String[] {body("openai", "   "), "api_key"},
                new String[] {body("openai", "sk-short"), "api_key"},
                new String[] {body("openai", "sk-proj-abc def-0123456789abcdef"), "api_key"},
                new String[] {body("openai", "sk-proj-abc\\ndef-0123456789abcdef"), "api_key"},
                new String[] {body("openai", "x".repeat(501)), "api_key"},
                new String[] {"{\"provider\":\"openai\",\"name\":\"" + "n".repeat(101) + "\",\"api_key\":\"" + good + "\"}", "name"},
                new String[] {"{\"provider\":1,\"api_key\":\"" + good + "\"}", "provider"})) {
            var response = owner.http().postJson(keys, bad[0]);
            assertThat(response.statusCode()).as(bad[0] + " " + response.body()).isEqualTo(400);
            assertThat(json(response).get("errors").findValuesAsString("field")).as(bad[0]).contains(bad[1]);
        }
        assertThat(jdbc.sql("select count(*) from user_api_keys where organization_id = cast(? as uuid)").param(org).query(Integer.class).single())
                .isZero();
    }

    @Test
    void onAPlanWithoutByokAddingIs409NamingThePlanThatAllowsIt() {
        String free = fixtures.organization("free");
        fixtures.member(free, owner, "owner");

        var refused = owner.http().postJson("/api/v1/organizations/" + free + "/ai/keys", body("anthropic", key("sk-ant-api03-")));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://modo.id/problems/byok-not-allowed");
        assertThat(problem.get("plan").asString()).isEqualTo("free");
        assertThat(problem.get("required_plan").asString()).isEqualTo("byok");
        assertThat(problem.get("upgrade_url").asString()).isEqualTo("/organizations/" + free + "/billing");
        assertThat(problem.get("detail").asString()).contains("BYOK plan");
        assertThat(jdbc.sql("select count(*) from user_api_keys where organization_id = cast(? as uuid)").param(free).query(Integer.class).single())
                .isZero();
    }

    @Test
    void theKeyNeverAppearsInAnswersLogsOrTheAuditLog(CapturedOutput output) {
        String secret = key("sk-proj-SECRET");
        String replacement = key("sk-proj-SECRET");
        models("openai", secret, okJson(OPENAI_MODELS));
        models("openai", replacement, status(401, OPENAI_401));
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();

        answers.add(owner.http().postJson(keys, body("openai", secret)));
        answers.add(owner.http().get(keys, "application/json"));
        answers.add(owner.http().postJson(keys + "/openai/test", ""));
        answers.add(owner.http().postJson(keys, body("openai", replacement)));
        answers.add(owner.http().postJson(keys, body("openai", replacement + " x")));
        answers.add(owner.http().call("DELETE", keys + "/openai", null));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(201, 200, 200, 201, 400, 204);
        for (String key : List.of(secret, replacement)) {
            assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(key));
            assertThat(output.getAll()).doesNotContain(key);
            List<String> audit = jdbc.sql("""
                    select concat(old_values::text, ' ', new_values::text, ' ', metadata::text) from audit_logs
                    where organization_id = cast(? as uuid) and entity_type = 'ai_key'""").param(org).query(String.class).list();
            assertThat(audit).hasSize(3).allSatisfy(values -> assertThat(values).doesNotContain(key).contains("openai"));
        }
        assertThat(jdbc.sql("select action from audit_logs where organization_id = cast(? as uuid) and entity_type = 'ai_key' order by created_at")
                .param(org).query(String.class).list()).containsExactly("ai_key_add", "ai_key_replace", "ai_key_delete");
        assertThat(json(answers.get(3)).get("is_valid").asBoolean()).as("a refused key is stored as invalid").isFalse();
    }

    @Test
    void testingAKeyRecordsWhatEachProviderSays() {
        for (String provider : List.of("openai", "anthropic", "gemini")) {
            // An organization per provider: each runs four provider calls, and ten a minute are allowed per organization.
            String byok = fixtures.organization("byok");
            fixtures.member(byok, owner, "owner");
            keys = "/api/v1/organizations/" + byok + "/ai/keys";
            String ownKey = key(provider + "-key-");
            String valid = switch (provider) {
                case "openai" -> OPENAI_MODELS;
                case "anthropic" -> ANTHROPIC_MODELS;
                default -> GEMINI_MODELS;
            };
            models(provider, ownKey, okJson(valid));
            var added = owner.http().postJson(keys, body(provider, ownKey));
            assertThat(added.statusCode()).as(provider + " " + added.body()).isEqualTo(201);
            assertThat(json(added).get("is_valid").asBoolean()).as(provider).isTrue();
            String validatedAt = json(added).get("last_validated_at").asString();

            models(provider, ownKey, status(429, "{\"error\":{\"message\":\"Rate limit reached\"}}").withHeader("Retry-After", "1"));
            var limited = owner.http().postJson(keys + "/" + provider + "/test", "");
            assertThat(limited.statusCode()).as(provider + " " + limited.body()).isEqualTo(503);
            assertThat(json(limited).get("type").asString()).endsWith("/ai-provider-unavailable");
            models(provider, ownKey, status(500, "{\"error\":{\"message\":\"The server had an error\"}}"));
            assertThat(owner.http().postJson(keys + "/" + provider + "/test", "").statusCode()).as(provider).isEqualTo(503);
            JsonNode unchanged = json(owner.http().get(keys, "application/json"));
            assertThat(unchanged.findValues("provider").stream().map(JsonNode::asString)).contains(provider);
            JsonNode stored = stored(unchanged, provider);
            assertThat(stored.get("is_valid").asBoolean()).as(provider + " keeps its state").isTrue();
            assertThat(stored.get("last_validated_at").asString()).isEqualTo(validatedAt);

            models(provider, ownKey, switch (provider) {
                case "openai" -> status(401, OPENAI_401);
                case "anthropic" -> status(401, ANTHROPIC_401);
                default -> status(400, GEMINI_BAD_KEY);
            });
            var refused = owner.http().postJson(keys + "/" + provider + "/test", "");
            assertThat(refused.statusCode()).as(provider + " " + refused.body()).isEqualTo(200);
            assertThat(json(refused).get("is_valid").asBoolean()).as(provider).isFalse();
            assertThat(json(refused).get("last_validated_at").asString()).isNotEqualTo(validatedAt);
        }
        for (int call = 5; call <= 10; call++) {
            assertThat(owner.http().postJson(keys + "/gemini/test", "").statusCode()).as("provider call %d in a minute", call).isEqualTo(200);
        }
        var limited = owner.http().postJson(keys + "/gemini/test", "");
        assertThat(limited.statusCode()).as("the eleventh").isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    private static JsonNode stored(JsonNode list, String provider) {
        for (JsonNode key : list) {
            if (key.get("provider").asString().equals(provider)) {
                return key;
            }
        }
        throw new AssertionError("no " + provider + " key in " + list);
    }
}
