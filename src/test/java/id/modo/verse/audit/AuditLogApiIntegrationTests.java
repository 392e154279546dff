package id.modo.verse.audit;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the audit log through the API: filters, keyset paging, limits, cursors and who may read what. */
@IntegrationTest
class AuditLogApiIntegrationTests {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    AuditFixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http(port);
        fixtures = new AuditFixtures(http, jdbc);
    }

    @Test
    void pagingVisitsEveryRowExactlyOnceNewestFirstAlsoWhenRowsShareATimestamp() {
        AuditFixtures.Team team = fixtures.team("Audit Paging");
        Instant base = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(20260501);
        for (int i = 0; i < 31; i++) {
            // Groups of three rows share one instant, so the order relies on the id tiebreak.
            Instant at = base.plusSeconds(i / 3).plusNanos((i / 3) * 1000L);
            fixtures.row(team.org(), random.nextBoolean() ? team.owner().id() : team.admin().id(), "update", "project", at,
                    "{\"title\":\"Old " + i + "\"}", "{\"title\":\"New " + i + "\"}");
        }
        List<String> expected = fixtures.expectedOrder(team.org());
        assertThat(expected).hasSizeGreaterThanOrEqualTo(33); // 31 rows + the organization's own create and member_add

        Http owner = http.withBearer(team.owner().token());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var response = owner.get(base(team.org()) + "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), JSON);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Http.json(response);
            assertThat(body.get("items").size()).isLessThanOrEqualTo(7);
            body.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asString();
            pages++;
            assertThat(pages).as("paging ends").isLessThan(20);
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 6) / 7);
    }

    @Test
    void itemsCarryTheActorsNameAndTheValuesAsJson() {
        AuditFixtures.Team team = fixtures.team("Audit Items");
        var patch = http.withBearer(team.owner().token()).call("PATCH", "/api/v1/organizations/" + team.org(),
                "{\"description\":\"Stories from Bandung\"}");
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);

        var response = http.withBearer(team.admin().token()).get(base(team.org()) + "?action=update&entity_type=organization", JSON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode items = Http.json(response).get("items");
        assertThat(items.size()).isEqualTo(1);
        JsonNode item = items.get(0);
        assertThat(item.get("actor_id").asString()).isEqualTo(team.owner().id());
        assertThat(item.get("actor_name").asString()).isEqualTo("Test audit-owner");
        assertThat(item.get("entity_id").asString()).isEqualTo(team.org());
        assertThat(item.get("new_values").get("description").asString()).isEqualTo("Stories from Bandung");
        assertThat(item.get("old_values").isObject()).isTrue();
        assertThat(item.get("metadata").isObject()).isTrue();
        assertThat(item.get("ip_address").asString()).isNotBlank();
        assertThat(item.get("user_agent").isNull() || item.get("user_agent").isString()).isTrue();
        assertThat(item.get("created_at").asString()).endsWith("Z");
        assertThat(Http.json(response).get("next_cursor").isNull()).isTrue();
    }

    @Test
    void filtersByActorActionEntityTypeAndTimeRange() {
        AuditFixtures.Team team = fixtures.team("Audit Filters");
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        String a = fixtures.row(team.org(), team.owner().id(), "publish", "story", t0, null, "{\"status\":\"published\"}");
        String b = fixtures.row(team.org(), team.admin().id(), "publish", "story", t0.plus(1, ChronoUnit.HOURS), null, null);
        String c = fixtures.row(team.org(), team.admin().id(), "archive", "story", t0.plus(2, ChronoUnit.HOURS), null, null);
        String d = fixtures.row(team.org(), team.admin().id(), "publish", "campaign", t0.plus(3, ChronoUnit.HOURS), null, null);
        Http owner = http.withBearer(team.owner().token());

        assertThat(ids(owner, base(team.org()) + "?action=publish")).containsExactly(d, b, a);
        assertThat(ids(owner, base(team.org()) + "?action=publish&entity_type=story")).containsExactly(b, a);
        assertThat(ids(owner, base(team.org()) + "?entity_type=story&actor=" + team.admin().id())).containsExactly(c, b);
        assertThat(ids(owner, base(team.org()) + "?from=" + enc("2026-03-01T07:00:00+07:00") + "&to=" + enc("2026-03-01T02:00:00Z")))
                .as("from inclusive, to exclusive, offsets honoured").containsExactly(b, a);
        assertThat(ids(owner, base(team.org()) + "?from=2026-03-01T02:00:00Z&action=publish")).containsExactly(d);
        assertThat(ids(owner, base(team.org()) + "?actor=" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void limitsAreCheckedAndDefaultToTwenty() {
        AuditFixtures.Team team = fixtures.team("Audit Limits");
        for (int i = 0; i < 25; i++) {
            fixtures.row(team.org(), team.owner().id(), "touch", "project", Instant.now().minusSeconds(i), null, null);
        }
        Http owner = http.withBearer(team.owner().token());
        var first = owner.get(base(team.org()), JSON);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Http.json(first).get("items").size()).isEqualTo(20);
        assertThat(Http.json(first).get("next_cursor").isString()).isTrue();
        assertThat(Http.json(owner.get(base(team.org()) + "?limit=100", JSON)).get("items").size()).isEqualTo(27);
        assertThat(Http.json(owner.get(base(team.org()) + "?limit=1", JSON)).get("items").size()).isEqualTo(1);

        for (String bad : List.of("0", "-1", "101", "1000", "abc", "2147483648")) {
            var response = owner.get(base(team.org()) + "?limit=" + bad, JSON);
            assertThat(response.statusCode()).as("limit=" + bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"field\":\"limit\"");
        }
    }

    @Test
    void tamperedCursorsAndMalformedParametersAre400NotServerErrors() {
        AuditFixtures.Team team = fixtures.team("Audit Cursor");
        for (int i = 0; i < 5; i++) {
            fixtures.row(team.org(), team.owner().id(), "touch", "project", Instant.now().minusSeconds(i), null, null);
        }
        Http owner = http.withBearer(team.owner().token());
        String cursor = Http.json(owner.get(base(team.org()) + "?limit=2", JSON)).get("next_cursor").asString();
        assertThat(owner.get(base(team.org()) + "?limit=2&cursor=" + cursor, JSON).statusCode()).isEqualTo(200);

        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        List<String> tampered = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x01;
            tampered.add(Base64.getUrlEncoder().withoutPadding().encodeToString(copy));
        }
        tampered.addAll(List.of(cursor.substring(1), cursor + "A", "not-a-cursor", "%25%25", "AAAA", "====", enc("{\"id\":1}"),
                Base64.getUrlEncoder().encodeToString(new byte[29])));
        Set<Integer> statuses = new HashSet<>();
        for (String bad : tampered) {
            var response = owner.get(base(team.org()) + "?cursor=" + bad, JSON);
            statuses.add(response.statusCode());
            if (response.statusCode() == 400) {
                assertThat(response.body()).as(bad).contains("invalid-cursor");
            }
        }
        assertThat(statuses).containsOnly(400);

        for (String query : List.of("actor=not-a-uuid", "from=yesterday", "to=2026-13-01T00:00:00Z", "from=2026-03-01",
                "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "action=nothing-like-this", "action=Touch",
                "entity_type=" + "p".repeat(51))) {
            var response = owner.get(base(team.org()) + "?" + query, JSON);
            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("validation-failed").doesNotContain("Exception");
        }
        assertThat(owner.get("/api/v1/organizations/not-a-uuid/audit-logs", JSON).statusCode()).isEqualTo(400);
        assertThat(Http.json(owner.get(base(team.org()) + "?action=no-such", JSON)).get("errors").get(0).get("field").asString())
                .isEqualTo("action");
    }

    @Test
    void ownersAndAdminsReadTheirOwnOrganizationOnly() {
        AuditFixtures.Team team = fixtures.team("Audit Access");
        AuditFixtures.Team other = fixtures.team("Audit Other");
        String mine = fixtures.row(team.org(), team.owner().id(), "touch", "project", Instant.now(), null, null);
        fixtures.row(other.org(), other.owner().id(), "touch", "project", Instant.now(), null, null);

        assertThat(ids(http.withBearer(team.owner().token()), base(team.org()))).contains(mine).allSatisfy(id ->
                assertThat(fixtures.expectedOrder(team.org())).contains(id));
        assertThat(http.withBearer(team.admin().token()).get(base(team.org()), JSON).statusCode()).isEqualTo(200);
        assertThat(http.withBearer(team.editor().token()).get(base(team.org()), JSON).statusCode()).isEqualTo(403);
        assertThat(http.withBearer(team.viewer().token()).get(base(team.org()), JSON).statusCode()).isEqualTo(403);
        assertThat(http.withBearer(other.owner().token()).get(base(team.org()), JSON).statusCode()).isEqualTo(404);
        assertThat(http.withBearer(team.owner().token()).get(base(UUID.randomUUID().toString()), JSON).statusCode()).isEqualTo(404);
        assertThat(http.get(base(team.org()), JSON).statusCode()).isEqualTo(401);
    }

    @Test
    void platformAdminsReadEveryOrganizationAndOthersAreRefused() {
        AuditFixtures.Team a = fixtures.team("Audit Platform A");
        AuditFixtures.Team b = fixtures.team("Audit Platform B");
        String action = "platform_" + UUID.randomUUID().toString().substring(0, 8);
        String inA = fixtures.row(a.org(), a.owner().id(), action, "project", Instant.now().minusSeconds(2), null, null);
        String inB = fixtures.row(b.org(), b.owner().id(), action, "project", Instant.now().minusSeconds(1), null, null);
        Users.Signed admin = fixtures.platformAdmin();
        Http platform = http.withBearer(admin.token());

        assertThat(ids(platform, "/api/v1/admin/audit-logs?action=" + action)).containsExactly(inB, inA);
        assertThat(ids(platform, "/api/v1/admin/audit-logs?action=" + action + "&organization=" + a.org())).containsExactly(inA);
        var page = Http.json(platform.get("/api/v1/admin/audit-logs?action=" + action + "&limit=1", JSON));
        assertThat(page.get("items").get(0).get("organization_id").asString()).isEqualTo(b.org());
        assertThat(ids(platform, "/api/v1/admin/audit-logs?action=" + action + "&limit=1&cursor=" + page.get("next_cursor").asString()))
                .containsExactly(inA);
        assertThat(platform.get("/api/v1/admin/audit-logs?limit=101", JSON).statusCode()).isEqualTo(400);
        assertThat(platform.get("/api/v1/admin/audit-logs?organization=nope", JSON).statusCode()).isEqualTo(400);
        assertThat(platform.get("/api/v1/admin/audit-logs?entity_type=no-such", JSON).statusCode()).isEqualTo(400);

        var owner = http.withBearer(a.owner().token()).get("/api/v1/admin/audit-logs", JSON);
        assertThat(owner.statusCode()).isEqualTo(403);
        assertThat(owner.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(http.get("/api/v1/admin/audit-logs", JSON).statusCode()).isEqualTo(401);
    }

    private static String base(String org) {
        return "/api/v1/organizations/" + org + "/audit-logs";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> ids(Http caller, String path) {
        HttpResponse<String> response = caller.get(path, JSON);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Http.json(response).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
