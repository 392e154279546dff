package id.modo.verse.ai;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The usage API summing rows written as the gateway writes them: per day in Jakarta's calendar, per type, per member. */
@IntegrationTest
class AiUsageApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    AiFixtures fixtures;
    AiFixtures.Person owner;
    AiFixtures.Person viewer;
    String org;
    String usage;

    @BeforeEach
    void organization() {
        fixtures = new AiFixtures(jdbc, new Http(port));
        owner = fixtures.person("ai-usage-owner");
        viewer = fixtures.person("ai-usage-viewer");
        org = fixtures.organization("pro");
        fixtures.member(org, owner, "owner");
        fixtures.member(org, viewer, "viewer");
        usage = "/api/v1/organizations/" + org + "/ai/usage";
        // 2026-11-30 18:00 UTC is already 1 December in Jakarta (UTC+7).
        fixtures.usage(org, owner, "synopsis", "success", 3, 120, 300, "2026-11-30T18:00:00Z");
        fixtures.usage(org, owner, "synopsis", "error", 0, 120, 0, "2026-11-30T16:59:59Z");
        fixtures.usage(org, viewer, "character_image", "success", 12, 40, 0, "2026-12-01T05:00:00Z");
        fixtures.usage(org, viewer, "logline", "timeout", 0, 30, 0, "2026-12-03T01:00:00Z");
        fixtures.usage(org, null, "logline", "success", 2, 30, 20, "2026-12-03T02:00:00Z");
        // Outside the range, and another organization's usage: neither counts.
        fixtures.usage(org, owner, "synopsis", "success", 3, 1, 1, "2026-12-04T17:00:00Z");
        String other = fixtures.organization("free");
        fixtures.usage(other, owner, "synopsis", "success", 99, 1, 1, "2026-12-01T05:00:00Z");
    }

    JsonNode report(String query) {
        var response = viewer.http().get(usage + "?from=2026-11-30&to=2026-12-04&" + query, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void everyDayOfTheRangeInJakartaTimeWithTotals() {
        JsonNode body = report("group_by=day");

        assertThat(body.get("time_zone").asString()).isEqualTo("Asia/Jakarta");
        assertThat(body.get("from").asString()).isEqualTo("2026-11-30");
        assertThat(body.get("totals").get("credits").asLong()).isEqualTo(17);
        assertThat(body.get("totals").get("generations").asLong()).isEqualTo(5);
        assertThat(body.get("totals").get("failures").asLong()).isEqualTo(2);
        assertThat(body.get("totals").get("input_tokens").asLong()).isEqualTo(340);
        assertThat(body.get("totals").get("output_tokens").asLong()).isEqualTo(320);
        assertThat(body.get("rows").findValuesAsString("key")).containsExactly("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04");
        assertThat(body.get("rows").findValues("credits").stream().map(JsonNode::asLong)).containsExactly(0L, 15L, 0L, 2L, 0L);
        assertThat(body.get("rows").findValues("generations").stream().map(JsonNode::asLong)).containsExactly(1L, 2L, 0L, 2L, 0L);
    }

    @Test
    void perTypeAndPerMemberMostCreditsFirst() {
        JsonNode types = report("group_by=type").get("rows");
        assertThat(types.findValuesAsString("key")).containsExactly("character_image", "synopsis", "logline");
        assertThat(types.get(1).get("generations").asLong()).isEqualTo(2);
        assertThat(types.get(1).get("failures").asLong()).isEqualTo(1);
        assertThat(types.get(2).get("failures").asLong()).isEqualTo(1);

        JsonNode members = report("group_by=member").get("rows");
        assertThat(members.size()).isEqualTo(3);
        assertThat(members.get(0).get("key").asString()).isEqualTo(viewer.id());
        assertThat(members.get(0).get("name").asString()).isEqualTo("Test ai-usage-viewer");
        assertThat(members.get(0).get("credits").asLong()).isEqualTo(12);
        assertThat(members.get(1).get("key").asString()).isEqualTo(owner.id());
        assertThat(members.get(2).get("key").isNull()).as("usage without a member").isTrue();
    }

    @Test
    void badRangesAre400AndOutsidersGet404() {
        for (String query : List.of("from=yesterday", "to=2026-13-01", "from=2026-12-04&to=2026-12-01", "from=2025-01-01&to=2026-01-02",
                "from=1900-01-01", "group_by=week")) {
            var response = owner.http().get(usage + "?" + query, "application/json");
            assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(400);
            assertThat(json(response).get("type").asString()).endsWith("/validation-failed");
        }
        assertThat(owner.http().get(usage + "?from=2025-12-04&to=2026-12-04", "application/json").statusCode()).as("366 days").isEqualTo(200);
        JsonNode fallback = json(owner.http().get(usage, "application/json"));
        assertThat(fallback.get("rows").size()).as("the last 30 days").isEqualTo(30);

        AiFixtures.Person outsider = fixtures.person("ai-usage-outsider");
        assertThat(outsider.http().get(usage, "application/json").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get(usage, "application/json").statusCode()).isEqualTo(401);
    }
}
