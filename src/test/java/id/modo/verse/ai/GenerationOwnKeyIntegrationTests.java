package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Generations an organization's own key serves, counted on the key in the transaction of their usage row. */
@AiGatewayTest
class GenerationOwnKeyIntegrationTests {

    static final String OWN_KEY = "sk-own-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationKeys keys;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    Http owner;
    String org;
    String marker;

    @BeforeEach
    void organizationOnAPlanWithOwnKeys() {
        Http http = new Http(port);
        Users.Signed signed = new Users(http).signUpAndIn("ai-own-key");
        owner = http.withBearer(signed.token());
        org = GenerationApiIntegrationTests.organizationOf(owner);
        marker = "marker-" + UUID.randomUUID();
        GenerationApiIntegrationTests.waitFor(() -> jdbc.sql("select count(*) from subscriptions where organization_id = ?")
                .param(UUID.fromString(org)).query(Integer.class).single() == 1);
        jdbc.sql("update subscriptions set plan = 'byok', status = 'active' where organization_id = ?").param(UUID.fromString(org)).update();
        keys.store(OrganizationId.of(UUID.fromString(org)), UserId.of(UUID.fromString(signed.id())), ProviderKind.OPENAI, "Our key", OWN_KEY);
    }

    @AfterEach
    void removeStubsAndKeys() {
        stubs.forEach(providers::removeStub);
        jdbc.sql("delete from user_api_keys where organization_id = ?").param(UUID.fromString(org)).update();
    }

    @Test
    void eachGenerationTheOwnKeyServedCountsOnceAndAFailedOneNotAtAll() {
        stubs.add(providers.stubFor(post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + OWN_KEY))
                .withRequestBody(containing(marker + "-ok")).willReturn(okJson(OpenAiWire.completion(GenerationApiIntegrationTests.SYNOPSIS)))));
        stubs.add(providers.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker + "-down"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(OpenAiWire.SERVER_ERROR))));
        stubs.add(providers.stubFor(post(urlEqualTo("/v1/messages")).withRequestBody(containing(marker + "-down"))
                .willReturn(aResponse().withStatus(500))));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> served = owner.postJson(generations(), GenerationApiIntegrationTests.synopsis(marker + "-ok"));
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(Http.json(served).get("own_key").asBoolean()).isTrue();
        }
        assertThat(owner.postJson(generations(), GenerationApiIntegrationTests.synopsis(marker + "-down")).statusCode()).isEqualTo(503);

        assertThat(usageCount()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from ai_usage_logs where organization_id = ? and status = 'success' and (request_metadata ->> 'own_key')::boolean")
                .param(UUID.fromString(org)).query(Integer.class).single()).isEqualTo(usageCount());
        assertThat(owner.get("/api/v1/organizations/" + org + "/ai/keys", "application/json").body()).contains("\"usage_count\":2");
    }

    int usageCount() {
        return jdbc.sql("select usage_count from user_api_keys where organization_id = ? and provider = 'openai'")
                .param(UUID.fromString(org)).query(Integer.class).single();
    }

    String generations() {
        return "/api/v1/organizations/" + org + "/ai/generations";
    }
}
