package id.modo.verse.invest;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns and tiers from the organization's side, the admins' review and the public reads. */
@IntegrationTest
class CampaignApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    InvestFixtures f;

    @BeforeEach
    void organization() {
        f = new InvestFixtures(port, jdbc);
    }

    @Test
    void aCampaignIsDraftedSubmittedApprovedAndThenPublic() {
        String campaign = f.draft("Si Kancil: The Movie", "all_or_nothing");
        JsonNode draft = json(f.owner.get(f.campaigns() + "/" + campaign, "application/json"));
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("slug").asString()).isEqualTo("si-kancil-the-movie");
        assertThat(draft.get("goal_amount").asString()).isEqualTo("10000000.00");
        assertThat(draft.get("raised_amount").asString()).isEqualTo("0.00");
        assertThat(draft.get("currency").asString()).isEqualTo("IDR");
        assertThat(draft.get("funding_type").asString()).isEqualTo("all_or_nothing");
        assertThat(f.http.get("/api/v1/campaigns/" + campaign, "application/json").statusCode()).isEqualTo(404);

        String tier = f.tier(campaign, "Supporter", "100000", "5000000", 10);
        HttpResponse<String> changed = f.owner.call("PUT", f.campaigns() + "/" + campaign + "/tiers/" + tier,
                "{\"name\":\"Early bird\",\"min_amount\":\"150000.00\",\"limit_quantity\":20,\"is_featured\":true}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("min_amount").asString()).isEqualTo("150000.00");
        assertThat(json(changed).get("left").asInt()).isEqualTo(20);

        HttpResponse<String> submitted = f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(json(submitted).get("status").asString()).isEqualTo("pending_review");
        JsonNode queue = json(f.admin.get("/api/v1/admin/campaigns/review?limit=100", "application/json"));
        assertThat(queue.get("items").valueStream().map(n -> n.get("id").asString())).contains(campaign);

        HttpResponse<String> approved = f.admin.call("POST", "/api/v1/admin/campaigns/" + campaign + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("status").asString()).isEqualTo("active");
        assertThat(json(approved).get("is_verified").asBoolean()).isTrue();

        HttpResponse<String> open = f.http.get("/api/v1/campaigns/" + campaign, "application/json");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        JsonNode page = json(open);
        assertThat(page.get("story_html").asString()).contains("<h3>The pitch</h3>").contains("<p>Kancil crosses the river.</p>");
        assertThat(page.get("risks_html").asString()).contains("<em>time</em>");
        assertThat(page.get("days_left").asInt()).isBetween(29, 30);
        assertThat(page.get("tiers").get(0).get("name").asString()).isEqualTo("Early bird");
        assertThat(page.get("tiers").get(0).get("left").asInt()).isEqualTo(20);
        assertThat(page.get("organization_name").asString()).isEqualTo("Campaign Studio");
    }

    @Test
    void theLaunchRulesNameWhatIsMissing() {
        HttpResponse<String> created = f.owner.postJson(f.campaigns(), "{\"title\":\"Empty\",\"end_date\":\"" + InvestFixtures.endInDays(91) + "\"}");
        String campaign = json(created).get("id").asString();
        HttpResponse<String> refused = f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("type").asString()).endsWith("/campaign-incomplete");
        assertThat(fields(json(refused))).containsExactlyInAnyOrder("goal_amount", "end_date", "tiers", "story");
        assertThat(refused.body()).contains("at most 90 days");

        HttpResponse<String> past = f.owner.call("PATCH", f.campaigns() + "/" + campaign, "{\"end_date\":\"2020-01-01T00:00:00+07:00\","
                + "\"goal_amount\":\"5000000\",\"story\":\"A story\"}");
        assertThat(past.statusCode()).as(past.body()).isEqualTo(200);
        f.tier(campaign, "Supporter", "50000", null, null);
        HttpResponse<String> stillRefused = f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null);
        assertThat(fields(json(stillRefused))).containsExactly("end_date");
        assertThat(stillRefused.body()).contains("must be in the future");

        f.owner.call("PATCH", f.campaigns() + "/" + campaign, "{\"end_date\":\"" + InvestFixtures.endInDays(89) + "\"}");
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null).statusCode()).isEqualTo(200);
    }

    @Test
    void illegalTransitionsAre409WithTheAllowedMoves() {
        String campaign = f.draft("Moves", "flexible");
        HttpResponse<String> approveDraft = f.admin.call("POST", "/api/v1/admin/campaigns/" + campaign + "/approve", null);
        assertThat(approveDraft.statusCode()).isEqualTo(409);
        JsonNode problem = json(approveDraft);
        assertThat(problem.get("type").asString()).endsWith("/illegal-transition");
        assertThat(problem.get("from").asString()).isEqualTo("draft");
        assertThat(problem.get("to").asString()).isEqualTo("active");
        assertThat(problem.get("allowed").valueStream().map(JsonNode::asString)).containsExactly("pending_review", "cancelled");
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/complete", null).statusCode()).isEqualTo(409);
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/close", null).statusCode()).isEqualTo(409);

        f.tier(campaign, "Supporter", "50000", null, null);
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null).statusCode()).isEqualTo(200);
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null).statusCode()).isEqualTo(409);
        // Tiers and terms are what was reviewed: they no longer change.
        HttpResponse<String> tierLocked = f.owner.postJson(f.campaigns() + "/" + campaign + "/tiers", "{\"name\":\"Late\",\"min_amount\":\"1000\"}");
        assertThat(json(tierLocked).get("type").asString()).endsWith("/campaign-locked");
        HttpResponse<String> goalLocked = f.owner.call("PATCH", f.campaigns() + "/" + campaign, "{\"goal_amount\":\"1.00\"}");
        assertThat(goalLocked.statusCode()).isEqualTo(409);
        assertThat(json(goalLocked).get("fields").valueStream().map(JsonNode::asString)).containsExactly("goal_amount");

        HttpResponse<String> rejected = f.admin.postJson("/api/v1/admin/campaigns/" + campaign + "/reject",
                "{\"reason\":\"Please add the production schedule to the risks.\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonNode back = json(f.owner.get(f.campaigns() + "/" + campaign, "application/json"));
        assertThat(back.get("status").asString()).isEqualTo("draft");
        assertThat(back.get("review_note").asString()).isEqualTo("Please add the production schedule to the risks.");
        assertThat(f.admin.postJson("/api/v1/admin/campaigns/" + campaign + "/reject", "{\"reason\":\" \"}").statusCode()).isEqualTo(400);

        assertThat(json(f.owner.call("POST", f.campaigns() + "/" + campaign + "/cancel", null)).get("status").asString()).isEqualTo("cancelled");
        assertThat(f.owner.call("POST", f.campaigns() + "/" + campaign + "/submit", null).statusCode()).isEqualTo(409);
        assertThat(f.owner.call("PATCH", f.campaigns() + "/" + campaign, "{\"story\":\"More\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void noClientSetsTheMoneyTheBackersOrTheStatus() {
        HttpResponse<String> created = f.owner.unchecked().postJson(f.campaigns(), """
                {"title":"Greedy","raised_amount":"99999999.00","backer_count":500,"status":"active","is_verified":true,
                 "update_count":3,"performance_score":100}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("raised_amount").asString()).isEqualTo("0.00");
        assertThat(body.get("backer_count").asInt()).isZero();
        assertThat(body.get("status").asString()).isEqualTo("draft");
        assertThat(body.get("is_verified").asBoolean()).isFalse();
        String tier = f.tier(body.get("id").asString(), "Tier", "1000", null, 5);
        HttpResponse<String> sold = f.owner.unchecked().call("PUT", f.campaigns() + "/" + body.get("id").asString() + "/tiers/" + tier,
                "{\"name\":\"Tier\",\"min_amount\":\"1000\",\"sold_quantity\":5}");
        assertThat(json(sold).get("sold_quantity").asInt()).isZero();
    }

    @Test
    void badInputIs400NamingTheField() {
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"title\":\"X\",\"goal_amount\":\"-5\"}")))).containsExactly("goal_amount");
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"title\":\"X\",\"goal_amount\":\"5.001\"}")))).containsExactly("goal_amount");
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"title\":\"X\",\"goal_amount\":5000}")))).containsExactly("goal_amount");
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"title\":\"X\",\"category\":\"opera\"}")))).containsExactly("category");
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"title\":\"X\",\"equity_offered\":\"101\"}")))).containsExactly("equity_offered");
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"title\":\"X\",\"video_url\":\"javascript:alert(1)\"}")))).containsExactly("video_url");
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"tagline\":\"no title\"}")))).containsExactly("title");
        assertThat(fields(json(f.owner.postJson(f.campaigns(), "{\"title\":\"X\",\"project_id\":\"" + java.util.UUID.randomUUID() + "\"}"))))
                .containsExactly("project_id");
        String campaign = f.draft("Tiers", "flexible");
        String tiers = f.campaigns() + "/" + campaign + "/tiers";
        assertThat(fields(json(f.owner.postJson(tiers, "{\"name\":\"T\",\"min_amount\":\"0\"}")))).containsExactly("min_amount");
        assertThat(fields(json(f.owner.postJson(tiers, "{\"name\":\"T\",\"min_amount\":\"100\",\"max_amount\":\"50\"}")))).containsExactly("max_amount");
        assertThat(fields(json(f.owner.postJson(tiers, "{\"name\":\"T\",\"min_amount\":\"100\",\"limit_quantity\":0}")))).containsExactly("limit_quantity");
        assertThat(f.owner.get(f.campaigns() + "/not-a-uuid", "application/json").statusCode()).isEqualTo(400);
        assertThat(f.http.get("/api/v1/campaigns?sort=cheapest", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationsCampaignIs404AndViewersOnlyRead() {
        String campaign = f.draft("Tenancy", "flexible");
        String tier = f.tier(campaign, "Supporter", "1000", null, null);
        String one = f.campaigns() + "/" + campaign;
        Http stranger = f.stranger();
        // The stranger's own organization does not open the campaign either.
        String theirs = json(stranger.postJson("/api/v1/organizations", "{\"name\":\"Other Studio\"}")).get("id").asString();
        String viaTheirs = "/api/v1/organizations/" + theirs + "/campaigns/" + campaign;
        for (HttpResponse<String> response : List.of(stranger.get(one, "application/json"), stranger.get(viaTheirs, "application/json"),
                stranger.call("PATCH", one, "{\"story\":\"x\"}"), stranger.call("PATCH", viaTheirs, "{\"story\":\"x\"}"),
                stranger.call("POST", one + "/submit", null), stranger.call("POST", viaTheirs + "/cancel", null),
                stranger.get(one + "/tiers", "application/json"), stranger.postJson(viaTheirs + "/tiers", "{\"name\":\"T\",\"min_amount\":\"1\"}"),
                stranger.call("DELETE", viaTheirs + "/tiers/" + tier, null), stranger.get(f.campaigns(), "application/json"))) {
            assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(404);
        }
        assertThat(json(stranger.get("/api/v1/organizations/" + theirs + "/campaigns", "application/json")).get("items")).isEmpty();

        Http viewer = f.member("viewer");
        assertThat(viewer.get(one, "application/json").statusCode()).isEqualTo(200);
        assertThat(viewer.get(one + "/tiers", "application/json").statusCode()).isEqualTo(200);
        assertThat(viewer.call("PATCH", one, "{\"story\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.postJson(f.campaigns(), "{\"title\":\"Mine\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.call("DELETE", one + "/tiers/" + tier, null).statusCode()).isEqualTo(403);
        assertThat(viewer.call("POST", one + "/submit", null).statusCode()).isEqualTo(403);

        Http editor = f.member("editor");
        assertThat(editor.call("PATCH", one, "{\"story\":\"Edited\"}").statusCode()).isEqualTo(200);
        assertThat(editor.call("DELETE", one + "/tiers/" + tier, null).statusCode()).isEqualTo(204);

        assertThat(f.owner.call("POST", "/api/v1/admin/campaigns/" + campaign + "/approve", null).statusCode()).isEqualTo(403);
        assertThat(f.http.get(one, "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void exploreListsActiveCampaignsSortedAndFilteredWithAKeyset() {
        String first = f.active("Explore one", "1000", null, null);
        String second = f.active("Explore two", "1000", null, null);
        jdbc.sql("update campaigns set raised_amount = 5000, end_date = now() + interval '2 days' where id = ?::uuid").param(first).update();
        jdbc.sql("update campaigns set raised_amount = 7000, end_date = now() + interval '1 days' where id = ?::uuid").param(second).update();
        f.draft("Explore draft", "flexible");

        assertThat(walk("/api/v1/campaigns?sort=ending_soon&category=animation&limit=1")).containsSubsequence(second, first);
        assertThat(walk("/api/v1/campaigns?sort=most_funded&limit=1")).containsSubsequence(second, first);
        assertThat(walk("/api/v1/campaigns?sort=newest&limit=1")).containsSubsequence(second, first);
        assertThat(walk("/api/v1/campaigns?category=film")).doesNotContain(first, second);
        assertThat(walk("/api/v1/campaigns")).doesNotContain(json(f.owner.get(f.campaigns(), "application/json")).get("items")
                .valueStream().filter(n -> n.get("status").asString().equals("draft")).map(n -> n.get("id").asString()).toArray(String[]::new));
        assertThat(f.http.get("/api/v1/campaigns?cursor=made-up", "application/json").statusCode()).isEqualTo(400);
    }

    private List<String> walk(String path) {
        List<String> ids = new ArrayList<>();
        String next = path;
        for (int page = 0; next != null && page < 500; page++) {
            HttpResponse<String> response = f.http.get(next, "application/json");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            body.get("items").forEach(item -> ids.add(item.get("id").asString()));
            JsonNode cursor = body.get("next_cursor");
            next = cursor == null || cursor.isNull() ? null : path + "&cursor=" + cursor.asString();
        }
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
