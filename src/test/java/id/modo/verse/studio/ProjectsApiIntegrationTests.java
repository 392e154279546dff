package id.modo.verse.studio;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Projects and their team through the real API. */
@IntegrationTest
class ProjectsApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;

    @BeforeEach
    void studio() {
        http = new Http(port);
        fixtures = new StudioFixtures(http, jdbc);
        studio = fixtures.studio("projects");
    }

    @Test
    void creatingGivesADraftWithAnAddressItsStoryAndItsCreatorAsProducerAndIgnoresWhatClientsMayNotSet() {
        // unchecked: it sends, on purpose, fields the API document does not list (no client may set them)
        var created = studio.asOwner().unchecked().postJson(projects(), """
                {"title":"  Si Kancil & Buaya! ","status":"published","organization_id":"%s","modo_tokens":999,"deleted_at":"2020-01-01T00:00:00Z"}"""
                .formatted(UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode project = json(created);
        assertThat(project.get("title").asString()).isEqualTo("Si Kancil & Buaya!");
        assertThat(project.get("slug").asString()).isEqualTo("si-kancil-buaya");
        assertThat(project.get("status").asString()).isEqualTo("draft");
        assertThat(project.get("allowed_statuses").toString()).isEqualTo("[\"in_progress\"]");
        assertThat(project.get("visibility").asString()).isEqualTo("private");
        assertThat(project.get("organization_id").asString()).isEqualTo(studio.organizationId());
        assertThat(project.get("modo_tokens").asLong()).isZero();
        assertThat(project.get("deleted_at").isNull()).isTrue();
        assertThat(project.get("editable_sections").toString()).isEqualTo("[\"story\",\"characters\",\"universe\",\"team\",\"prediction\"]");
        String id = project.get("id").asString();
        assertThat(jdbc.sql("select count(*) from stories where project_id = cast(? as uuid)").param(id).query(Integer.class).single())
                .isEqualTo(1);

        var team = json(studio.asOwner().call("GET", "/api/v1/projects/" + id + "/collaborators", null));
        assertThat(team.size()).isEqualTo(1);
        assertThat(team.get(0).get("user_id").asString()).isEqualTo(studio.owner().id());
        assertThat(team.get(0).get("role").asString()).isEqualTo("ip_producer");
        assertThat(audit(id, "create")).isEqualTo(1);

        // The same title gets the next free address; a taken one asked for is 409 with a suggestion.
        assertThat(json(studio.asOwner().postJson(projects(), "{\"title\":\"Si Kancil & Buaya\"}")).get("slug").asString())
                .isEqualTo("si-kancil-buaya-2");
        var taken = studio.asOwner().postJson(projects(), "{\"title\":\"Other\",\"slug\":\"si-kancil-buaya\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).get("suggestion").asString()).isEqualTo("si-kancil-buaya-3");
        assertThat(studio.asOwner().postJson(projects(), "{\"title\":\"Other\",\"slug\":\"Not A Slug\"}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().postJson(projects(), "{\"title\":\"   \"}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().postJson(projects(), "{\"title\":\"x\",\"visibility\":\"secret\"}").statusCode()).isEqualTo(400);
        var secret = studio.asOwner().call("PATCH", "/api/v1/projects/" + id, "{\"visibility\":\"secret\"}");
        assertThat(secret.statusCode()).isEqualTo(400);
        assertThat(json(secret).get("errors").get(0).get("field").asString()).isEqualTo("visibility");
        assertThat(json(secret).get("errors").get(0).get("message").asString()).isEqualTo("must be one of private, team, public");
        var shortFilm = studio.asOwner().call("PATCH", "/api/v1/projects/" + id, "{\"format\":\"short_film\"}");
        assertThat(json(shortFilm).get("errors").get(0).get("message").asString())
                .isEqualTo("must be one of feature, series, short_movie, short_video, animation");
        assertThat(json(studio.asOwner().call("GET", "/api/v1/projects/" + id, null)).get("visibility").asString()).isEqualTo("private");
    }

    @Test
    void everyDetailCanBeChangedAndIsValidatedAndOnlyAdminsAllotTokens() {
        String id = fixtures.project(studio.asOwner(), studio.organizationId(), "Details", "team");
        var patched = studio.asOwner().call("PATCH", "/api/v1/projects/" + id, """
                {"description":"A fable","logo":"https://cdn.example.id/logo.png","thumbnail_mood":"https://cdn.example.id/mood.jpg",
                 "genre":"Fable","sub_genre":"Comedy","format":"animation","target_audience":"Kids 6-10","target_market":"Indonesia",
                 "studio_name":"Studio Kancil","studio_logo":"http://cdn.example.id/studio.png","ip_owner":"PT Kancil",
                 "production_date":"2027-03-01","brand_logos":["https://cdn.example.id/b1.png"],"color_palette":["#1A2b3c","#ffffff"],
                 "visibility":"public","modo_tokens":5000}""");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode project = json(patched);
        assertThat(project.get("format").asString()).isEqualTo("animation");
        assertThat(project.get("production_date").asString()).isEqualTo("2027-03-01");
        assertThat(project.get("color_palette").toString()).isEqualTo("[\"#1a2b3c\",\"#ffffff\"]");
        assertThat(project.get("brand_logos").toString()).isEqualTo("[\"https://cdn.example.id/b1.png\"]");
        assertThat(project.get("visibility").asString()).isEqualTo("public");
        assertThat(project.get("modo_tokens").asLong()).isEqualTo(5000);
        assertThat(audit(id, "update")).isEqualTo(1);
        // The read (one JDBC query) answers what the write (the entity) answered; PostgreSQL keeps times to the microsecond.
        JsonNode read = json(studio.asOwner().call("GET", "/api/v1/projects/" + id, null));
        for (String field : List.of("updated_at", "created_at")) {
            assertThat(Instant.parse(read.get(field).asString()))
                    .isCloseTo(Instant.parse(project.get(field).asString()), within(1, ChronoUnit.MICROS));
        }
        ((ObjectNode) read).remove(List.of("updated_at", "created_at"));
        ((ObjectNode) project).remove(List.of("updated_at", "created_at"));
        assertThat(read).isEqualTo(project);

        // An empty value clears; absent ones stay.
        JsonNode cleared = json(studio.asOwner().call("PATCH", "/api/v1/projects/" + id, "{\"description\":\"\",\"production_date\":\"\"}"));
        assertThat(cleared.get("description").isNull()).isTrue();
        assertThat(cleared.get("production_date").isNull()).isTrue();
        assertThat(cleared.get("genre").asString()).isEqualTo("Fable");

        for (String bad : List.of("{\"color_palette\":[\"#12345\"]}", "{\"color_palette\":[\"red\"]}", "{\"logo\":\"javascript:alert(1)\"}",
                "{\"brand_logos\":[\"ftp://x\"]}", "{\"production_date\":\"2027-02-30\"}", "{\"format\":\"opera\"}", "{\"title\":\" \"}",
                "{\"modo_tokens\":-1}")) {
            var response = studio.asOwner().call("PATCH", "/api/v1/projects/" + id, bad);
            assertThat(response.statusCode()).as(bad + " → " + response.body()).isEqualTo(400);
        }

        // A producer who is an editor in the organization manages the project but does not allot tokens.
        Users.Signed producer = fixtures.member(studio, "editor");
        fixtures.collaborator(studio, id, producer.id(), "ip_producer", "story");
        Http asProducer = http.withBearer(producer.token());
        assertThat(asProducer.call("PATCH", "/api/v1/projects/" + id, "{\"genre\":\"Folk tale\"}").statusCode()).isEqualTo(200);
        assertThat(asProducer.call("PATCH", "/api/v1/projects/" + id, "{\"modo_tokens\":1}").statusCode()).isEqualTo(403);
    }

    @Test
    void statusMovesFollowTheLifeOfAProjectAndAnIllegalOneListsTheAllowedMoves() {
        String id = fixtures.project(studio.asOwner(), studio.organizationId(), "Status", "team");
        var illegal = studio.asOwner().postJson("/api/v1/projects/" + id + "/status", "{\"status\":\"published\"}");
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(json(illegal).get("from").asString()).isEqualTo("draft");
        assertThat(json(illegal).get("to").asString()).isEqualTo("published");
        assertThat(json(illegal).get("allowed").toString()).isEqualTo("[\"in_progress\"]");
        assertThat(json(illegal).get("type").asString()).endsWith("/illegal-status-transition");
        for (String next : List.of("in_progress", "completed", "in_progress", "completed", "published")) {
            var moved = studio.asOwner().postJson("/api/v1/projects/" + id + "/status", "{\"status\":\"" + next + "\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            assertThat(json(moved).get("status").asString()).isEqualTo(next);
        }
        JsonNode published = json(studio.asOwner().call("GET", "/api/v1/projects/" + id, null));
        assertThat(published.get("published_at").isNull()).isFalse();
        assertThat(published.get("allowed_statuses").size()).isZero();
        assertThat(studio.asOwner().postJson("/api/v1/projects/" + id + "/status", "{\"status\":\"draft\"}").statusCode()).isEqualTo(409);
        assertThat(studio.asOwner().postJson("/api/v1/projects/" + id + "/status", "{\"status\":\"archived\"}").statusCode()).isEqualTo(400);
        assertThat(audit(id, "status_change")).isEqualTo(5);
    }

    @Test
    void theFreePlansThirdProjectIsTheLastAndTheFourthIsPaymentRequired() {
        Users.Signed owner = new Users(http).signUpAndIn("free-plan");
        Http asOwner = http.withBearer(owner.token());
        String org = Http.json(asOwner.postJson("/api/v1/organizations", "{\"name\":\"Free " + StudioFixtures.unique() + "\"}"))
                .get("id").asString();
        for (int i = 1; i <= 3; i++) {
            assertThat(asOwner.postJson("/api/v1/organizations/" + org + "/projects", "{\"title\":\"P" + i + "\"}").statusCode()).isEqualTo(201);
        }
        var refused = asOwner.postJson("/api/v1/organizations/" + org + "/projects", "{\"title\":\"P4\"}");
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(json(refused).get("resource").asString()).isEqualTo("projects");
        assertThat(json(refused).get("limit").asInt()).isEqualTo(3);
        assertThat(json(refused).get("used").asInt()).isEqualTo(3);
        assertThat(json(refused).get("plan").asString()).isEqualTo("byok");
        assertThat(json(refused).get("upgrade_url").asString()).isEqualTo("/organizations/" + org + "/billing");

        // The projects page the refused form comes back to says the same.
        var page = id.modo.verse.support.PageSession.signIn(http, owner).get("/organizations/" + org + "/projects?error=limit");
        assertThat(page.body()).contains("plan-limit", "Your Free plan allows 3 projects; this organization has 3.", "The Bring-your-own-key plan allows more");
    }

    @Test
    void theListIsNewestFirstInPagesFilteredByStatusAndGenreAndHidesPrivateProjectsFromNonCollaborators() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fixtures.project(studio.asOwner(), studio.organizationId(), "List " + i, i == 4 ? "private" : "team"));
        }
        studio.asOwner().call("PATCH", "/api/v1/projects/" + ids.get(1), "{\"genre\":\"Horror\"}");
        studio.asOwner().postJson("/api/v1/projects/" + ids.get(2) + "/status", "{\"status\":\"in_progress\"}");

        JsonNode first = json(studio.asOwner().call("GET", projects() + "?limit=3", null));
        assertThat(titles(first)).containsExactly("List 4", "List 3", "List 2");
        JsonNode second = json(studio.asOwner().call("GET", projects() + "?limit=3&cursor=" + first.get("next_cursor").asString(), null));
        assertThat(titles(second)).containsExactly("List 1", "List 0");
        assertThat(second.get("next_cursor").isNull()).isTrue();

        assertThat(titles(json(studio.asOwner().call("GET", projects() + "?genre=horror", null)))).containsExactly("List 1");
        assertThat(titles(json(studio.asOwner().call("GET", projects() + "?status=in_progress", null)))).containsExactly("List 2");
        assertThat(studio.asOwner().call("GET", projects() + "?status=nope", null).statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().call("GET", projects() + "?cursor=made-up", null).statusCode()).isEqualTo(400);

        Users.Signed editor = fixtures.member(studio, "editor");
        assertThat(titles(json(http.withBearer(editor.token()).call("GET", projects(), null))))
                .containsExactly("List 3", "List 2", "List 1", "List 0");
        assertThat(http.withBearer(editor.token()).call("GET", "/api/v1/projects/" + ids.get(4), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aTrashedProjectLeavesListsAndPagesUntilRestored() {
        String id = fixtures.project(studio.asOwner(), studio.organizationId(), "Trash me", "team");
        assertThat(studio.asOwner().call("DELETE", "/api/v1/projects/" + id, null).statusCode()).isEqualTo(204);
        assertThat(studio.asOwner().call("GET", "/api/v1/projects/" + id, null).statusCode()).isEqualTo(404);
        assertThat(titles(json(studio.asOwner().call("GET", projects(), null)))).doesNotContain("Trash me");
        JsonNode trash = json(studio.asOwner().call("GET", projects() + "/trash", null));
        assertThat(trash.get(0).get("title").asString()).isEqualTo("Trash me");
        assertThat(trash.get(0).get("purge_after").isNull()).isFalse();
        assertThat(studio.asOwner().call("DELETE", "/api/v1/projects/" + id, null).statusCode()).isEqualTo(404);

        var restored = studio.asOwner().postJson("/api/v1/projects/" + id + "/restore", "");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(studio.asOwner().call("GET", "/api/v1/projects/" + id, null).statusCode()).isEqualTo(200);
        assertThat(studio.asOwner().postJson("/api/v1/projects/" + id + "/restore", "").statusCode()).isEqualTo(404);
        assertThat(audit(id, "delete")).isEqualTo(1);
        assertThat(audit(id, "restore")).isEqualTo(1);
    }

    @Test
    void theTeamIsMadeOfOrganizationMembersWithRolesAndSections() {
        String id = fixtures.project(studio.asOwner(), studio.organizationId(), "Team", "private");
        String team = "/api/v1/projects/" + id + "/collaborators";
        Users.Signed outsider = new Users(http).signUpAndIn("not-member");
        var refused = studio.asOwner().postJson(team, "{\"user_id\":\"" + outsider.id() + "\",\"role\":\"head_creative\",\"permissions\":[]}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("detail").asString()).contains("Invite them to the organization first");

        Users.Signed writer = fixtures.member(studio, "editor");
        assertThat(studio.asOwner().postJson(team, "{\"user_id\":\"" + writer.id() + "\",\"role\":\"custom\",\"permissions\":[\"story\"]}")
                .statusCode()).as("custom needs a title").isEqualTo(400);
        assertThat(studio.asOwner().postJson(team, "{\"user_id\":\"" + writer.id() + "\",\"role\":\"chef\",\"permissions\":[]}").statusCode())
                .isEqualTo(400);
        assertThat(studio.asOwner().postJson(team, "{\"user_id\":\"" + writer.id() + "\",\"role\":\"story_supervisor\",\"permissions\":[\"plot\"]}")
                .statusCode()).isEqualTo(400);
        var added = studio.asOwner().postJson(team, """
                {"user_id":"%s","role":"custom","custom_role_title":"Dalang","permissions":["story","story"]}""".formatted(writer.id()));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).get("custom_role_title").asString()).isEqualTo("Dalang");
        assertThat(json(added).get("permissions").toString()).isEqualTo("[\"story\"]");
        assertThat(studio.asOwner().postJson(team, "{\"user_id\":\"" + writer.id() + "\",\"role\":\"head_creative\",\"permissions\":[]}")
                .statusCode()).isEqualTo(409);

        // The writer now sees the private project, edits its story, but not its team.
        Http asWriter = http.withBearer(writer.token());
        assertThat(json(asWriter.call("GET", "/api/v1/projects/" + id, null)).get("editable_sections").toString()).isEqualTo("[\"story\"]");
        Users.Signed another = fixtures.member(studio, "editor");
        assertThat(asWriter.postJson(team, "{\"user_id\":\"" + another.id() + "\",\"role\":\"head_creative\",\"permissions\":[]}").statusCode())
                .isEqualTo(403);

        var changed = studio.asOwner().call("PATCH", team + "/" + writer.id(), "{\"role\":\"story_supervisor\",\"permissions\":[\"story\",\"team\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("custom_role_title").isNull()).isTrue();
        assertThat(asWriter.postJson(team, "{\"user_id\":\"" + another.id() + "\",\"role\":\"head_creative\",\"permissions\":[]}").statusCode())
                .isEqualTo(201);

        // The only producer stays; removing others works.
        var lastProducer = studio.asOwner().call("DELETE", team + "/" + studio.owner().id(), null);
        assertThat(lastProducer.statusCode()).isEqualTo(409);
        assertThat(json(lastProducer).get("type").asString()).endsWith("/last-producer");
        assertThat(json(lastProducer).get("detail").asString()).isEqualTo("This is the project's only producer. Make someone else ip_producer first.");
        assertThat(studio.asOwner().call("PATCH", team + "/" + studio.owner().id(), "{\"role\":\"head_creative\"}").statusCode()).isEqualTo(409);
        assertThat(studio.asOwner().call("DELETE", team + "/" + another.id(), null).statusCode()).isEqualTo(204);
        assertThat(studio.asOwner().call("DELETE", team + "/" + another.id(), null).statusCode()).isEqualTo(404);
        assertThat(json(studio.asOwner().call("GET", team, null)).size()).isEqualTo(2);
    }

    @Test
    void anotherOrganizationsProjectAnswersExactlyLikeAMissingOne() {
        String id = fixtures.project(studio.asOwner(), studio.organizationId(), "Secret", "team");
        Http stranger = fixtures.studio("stranger").asOwner();
        for (String path : List.of("/api/v1/projects/%s", "/api/v1/projects/%s/collaborators")) {
            HttpResponse<String> foreign = stranger.call("GET", path.formatted(id), null);
            HttpResponse<String> missing = stranger.call("GET", path.formatted(UUID.randomUUID()), null);
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(missing));
        }
    }

    private String projects() {
        return "/api/v1/organizations/" + studio.organizationId() + "/projects";
    }

    private int audit(String projectId, String action) {
        return jdbc.sql("select count(*) from audit_logs where entity_type = 'project' and entity_id = cast(? as uuid) and action = ?")
                .params(projectId, action).query(Integer.class).single();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    private static String withoutInstance(HttpResponse<String> response) {
        return response.body().replaceAll("\"instance\":\"[^\"]*\",?", "").replaceAll(",}", "}");
    }
}
