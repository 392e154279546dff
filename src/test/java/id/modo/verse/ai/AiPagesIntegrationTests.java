package id.modo.verse.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.TestGateways;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static id.modo.verse.ai.provider.ProviderValidationBodies.OPENAI_MODELS;
import static org.assertj.core.api.Assertions.assertThat;

/** The AI keys and usage pages as a signed-in browser gets them, in each role the pages treat differently. */
@IntegrationTest
class AiPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer providers = TestGateways.server();
    AiFixtures fixtures;
    AiFixtures.Person owner;
    String org;

    @BeforeEach
    void organization() {
        fixtures = new AiFixtures(jdbc, new Http(port));
        owner = fixtures.person("ai-pages-owner");
        org = fixtures.organization("byok");
        fixtures.member(org, owner, "owner");
    }

    @AfterEach
    void removeKeys() {
        fixtures.removeKeys();
    }

    PageSession browser(AiFixtures.Person person) {
        return PageSession.signIn(new Http(port), person.signed());
    }

    @Test
    void anOwnerAddsTestsAndDeletesAKeyThroughTheFormsAndSeesOnlyItsLastFour() {
        String key = "sk-proj-page" + UUID.randomUUID().toString().replace("-", "");
        providers.stubFor(get(urlPathEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + key)).willReturn(okJson(OPENAI_MODELS)));
        PageSession browser = browser(owner);
        String keys = "/organizations/" + org + "/ai/keys";

        var empty = browser.get(keys + "?lang=en");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("AI keys", "OpenAI", "Anthropic", "Google Gemini", "No key", "name=\"api_key\"", "type=\"password\"")
                .doesNotContain("style=");

        var bad = browser.post(keys, empty, "provider=openai&name=Studio&api_key=sk-short", PageSession.HTML);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("20 to 500 characters").doesNotContain("sk-short");

        var added = browser.post(keys, empty, "provider=openai&name=Studio&api_key=" + key, PageSession.HTML);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?done=added"));
        var listed = browser.get(keys + "?done=added&lang=en");
        assertThat(listed.body()).contains("accepted it", "••••" + key.substring(key.length() - 4), "Works", "Test key", "Delete")
                .doesNotContain(key);

        var tested = browser.post(keys + "/openai/test", listed, "", PageSession.HTML);
        assertThat(tested.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?done=valid"));
        var deleted = browser.post(keys + "/openai/delete", listed, "", PageSession.HTML);
        assertThat(deleted.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?done=deleted"));
        assertThat(browser.get(keys + "?lang=en").body()).doesNotContain("••••");

        var organization = browser.get("/organizations/" + org + "?lang=en");
        assertThat(organization.body()).contains("href=\"/organizations/" + org + "/ai/keys\"", "href=\"/organizations/" + org + "/ai/usage\"");
    }

    @Test
    void aViewerReadsWhyAndGetsNoFormsAFreePlanReadsWhichPlanAllowsKeys() {
        AiFixtures.Person viewer = fixtures.person("ai-pages-viewer");
        fixtures.member(org, viewer, "viewer");
        PageSession browser = browser(viewer);

        var page = browser.get("/organizations/" + org + "/ai/keys?lang=id");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hanya pemilik dan admin").doesNotContain("name=\"api_key\"").doesNotContain("/openai/delete");
        var refused = browser.post("/organizations/" + org + "/ai/keys", page, "provider=openai&api_key=sk-proj-" + "x".repeat(30), PageSession.HTML);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(browser.get("/organizations/" + org + "?lang=en").body()).doesNotContain("/ai/keys\"");

        String free = fixtures.organization("free");
        fixtures.member(free, owner, "owner");
        var plan = browser(owner).get("/organizations/" + free + "/ai/keys?lang=en");
        assertThat(plan.body()).contains("does not include your own AI keys", "BYOK plan", "href=\"/organizations/" + free + "/billing\"")
                .doesNotContain("name=\"api_key\"");
    }

    @Test
    void theUsagePageChartsTheDaysAndListsTypesAndMembersOrSaysWhatWillAppear() {
        PageSession browser = browser(owner);
        String usage = "/organizations/" + org + "/ai/usage";

        var empty = browser.get(usage + "?lang=en");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("No AI usage in these days", "each generation appears here").doesNotContain("ai-chart__bar");

        fixtures.usage(org, owner, "synopsis", "success", 3, 120, 300, "2026-11-02T03:00:00Z");
        fixtures.usage(org, owner, "character_image", "error", 0, 40, 0, "2026-11-03T03:00:00Z");
        var page = browser.get(usage + "?from=2026-11-01&to=2026-11-30&lang=id");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pemakaian AI", "class=\"ai-chart__bar\"", "Sinopsis", "Gambar karakter", "Test ai-pages-owner",
                "2026-11-02: 1 generasi, 3 kredit, 420 token").doesNotContain("style=");

        var bad = browser.get(usage + "?from=2026-11-30&to=2026-11-01&lang=en");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("on or after the first day");
    }
}
