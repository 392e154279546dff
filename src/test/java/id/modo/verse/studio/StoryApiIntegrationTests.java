package id.modo.verse.studio;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The story, its beats and want/need through the real API, each save a version, restores included. */
@IntegrationTest
class StoryApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    Http owner;
    String project;

    @BeforeEach
    void project() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        studio = fixtures.studio("story");
        owner = studio.asOwner();
        project = fixtures.project(owner, studio.organizationId(), "Kancil", "team");
    }

    @Test
    void detailsSaveAsVersionsAndAStaleBaseIsA409WithTheCurrentContentAndWhoSavedIt() {
        JsonNode first = json(ok(owner.call("PATCH", story(), """
                {"base_version":0,"premise":"A mouse-deer outwits a crocodile","logline":"Small but clever","format":"feature",
                 "episode_count":1,"intensity":"moderate","age_rating":"PG-13","theme":"Wit"}""")));
        assertThat(first.get("details").get("premise").asString()).isEqualTo("A mouse-deer outwits a crocodile");
        assertThat(first.get("details").get("age_rating").asString()).isEqualTo("PG-13");
        assertThat(first.get("versions").get("details").get("number").asInt()).isEqualTo(1);
        assertThat(first.get("versions").get("details").get("saved_by_name").asString()).isEqualTo("Test story");

        JsonNode second = json(ok(owner.call("PATCH", story(), "{\"base_version\":1,\"logline\":\"\",\"twist\":\"The river is dry\"}")));
        assertThat(second.get("details").get("logline").isNull()).isTrue();
        assertThat(second.get("details").get("premise").asString()).isEqualTo("A mouse-deer outwits a crocodile");
        assertThat(second.get("versions").get("details").get("number").asInt()).isEqualTo(2);

        HttpResponse<String> stale = owner.call("PATCH", story(), "{\"base_version\":1,\"premise\":\"Mine\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode conflict = json(stale);
        assertThat(conflict.get("type").asString()).endsWith("/edit-conflict");
        assertThat(conflict.get("current_version").asInt()).isEqualTo(2);
        assertThat(conflict.get("content").asString()).contains("The river is dry");
        assertThat(conflict.get("saved_by").get("name").asString()).isEqualTo("Test story");
        assertThat(conflict.get("saved_at").asString()).isNotBlank();

        for (String bad : new String[] {"{\"premise\":\"no base\"}", "{\"base_version\":-1}", "{\"base_version\":2,\"format\":\"opera\"}",
                "{\"base_version\":2,\"age_rating\":\"X\"}", "{\"base_version\":2,\"episode_count\":-3}", "{\"base_version\":\"two\"}"}) {
            assertThat(owner.call("PATCH", story(), bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void genreFormatAudienceAndMarketHaveOneHomeThatTheOverviewAndTheStoryDetailsBothShowAndEdit() {
        ok(owner.call("PATCH", story(), """
                {"base_version":0,"premise":"Kancil","genre":"Fable","sub_genre":"Comedy","format":"animation",
                 "target_audience":"Children 5-10","target_market":"Indonesia"}"""));
        JsonNode overview = json(ok(owner.call("GET", "/api/v1/projects/" + project, null)));
        assertThat(overview.get("genre").asString()).isEqualTo("Fable");
        assertThat(overview.get("sub_genre").asString()).isEqualTo("Comedy");
        assertThat(overview.get("format").asString()).isEqualTo("animation");
        assertThat(overview.get("target_audience").asString()).isEqualTo("Children 5-10");
        assertThat(overview.get("target_market").asString()).isEqualTo("Indonesia");

        ok(owner.call("PATCH", "/api/v1/projects/" + project, "{\"genre\":\"Folk tale\",\"target_audience\":\"Families\"}"));
        JsonNode details = json(ok(owner.call("GET", story(), null))).get("details");
        assertThat(details.get("genre").asString()).isEqualTo("Folk tale");
        assertThat(details.get("target_audience").asString()).isEqualTo("Families");
        assertThat(details.get("premise").asString()).isEqualTo("Kancil");

        // The overview's save is the details' next version: a story form opened before it is stale, not a silent undo.
        JsonNode afterOverview = json(ok(owner.call("GET", story(), null)));
        assertThat(afterOverview.get("versions").get("details").get("number").asInt()).isEqualTo(2);
        HttpResponse<String> stale = owner.call("PATCH", story(), "{\"base_version\":1,\"genre\":\"Fable\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("current_version").asInt()).isEqualTo(2);

        // Clearing it in the story clears the project's: there is no second copy left behind.
        ok(owner.call("PATCH", story(), "{\"base_version\":2,\"target_market\":\"\"}"));
        assertThat(json(ok(owner.call("GET", "/api/v1/projects/" + project, null))).get("target_market").isNull()).isTrue();
    }

    @Test
    void aBaseVersionAheadOfTheCurrentOneIsTheClientsMistakeNotSomeoneElsesSave() {
        HttpResponse<String> neverSaved = owner.call("PATCH", story(), "{\"base_version\":3,\"premise\":\"Kancil\"}");
        assertThat(neverSaved.statusCode()).isEqualTo(400);
        assertThat(json(neverSaved).get("detail").asString()).isEqualTo(
                "Version 3 of this section does not exist: the current version is 0. Start your edit from it.");
        assertThat(json(neverSaved).get("errors").get(0).get("field").asString()).isEqualTo("base_version");
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"Kancil\"}"));
        HttpResponse<String> ahead = owner.call("PATCH", story(), "{\"base_version\":2,\"premise\":\"Buaya\"}");
        assertThat(ahead.statusCode()).isEqualTo(400);
        assertThat(json(ahead).get("detail").asString()).doesNotContain("saved version").contains("the current version is 1");
        assertThat(json(ok(owner.call("GET", story(), null))).get("details").get("premise").asString()).isEqualTo("Kancil");
    }

    @Test
    void anUnknownEnumeratedDetailIsRefusedNamingTheFieldAndItsValues() {
        HttpResponse<String> format = owner.call("PATCH", story(), "{\"base_version\":0,\"format\":\"short_film\"}");
        assertThat(format.statusCode()).isEqualTo(400);
        JsonNode error = json(format).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("format");
        assertThat(error.get("message").asString()).isEqualTo("must be one of feature, series, short_movie, short_video, animation");
        JsonNode intensity = json(owner.call("PATCH", story(), "{\"base_version\":0,\"intensity\":\"gentle\"}")).get("errors").get(0);
        assertThat(intensity.get("field").asString()).isEqualTo("intensity");
        assertThat(intensity.get("message").asString()).isEqualTo("must be one of light, moderate, intense");
    }

    @Test
    void beatsBelongToTheChosenStructureAndSwitchingKeepsTheOldOnesAsAVersionThatCanBeRestored() {
        JsonNode empty = json(ok(owner.call("GET", story() + "/beats", null)));
        assertThat(empty.get("structure").asString()).isEqualTo("hero");
        assertThat(empty.get("beats").size()).isEqualTo(12);

        String character = jdbc.sql("insert into characters (project_id, name) values (cast(? as uuid), 'Kancil') returning id::text")
                .param(project).query(String.class).single();
        JsonNode cat = json(ok(owner.call("PUT", story() + "/beats", """
                {"base_version":0,"structure":"cat","beats":{"opening_image":"Kancil naps by the river","catalyst":"Drought"},
                 "intensities":{"opening_image":1,"catalyst":3},"key_actions":{"catalyst":{"%s":"Sees the dry field"}}}"""
                .formatted(character))));
        assertThat(cat.get("structure").asString()).isEqualTo("cat");
        assertThat(cat.get("beats").size()).isEqualTo(15);
        assertThat(cat.get("beats").get(0).get("key").asString()).isEqualTo("opening_image");
        assertThat(cat.get("beats").get(0).get("title").asString()).isEqualTo("Opening image");
        assertThat(cat.get("beats").get(0).get("text").asString()).isEqualTo("Kancil naps by the river");
        assertThat(cat.get("beats").get(3).get("intensity").asInt()).isEqualTo(3);
        assertThat(cat.get("beats").get(3).get("key_actions").get(character).asString()).isEqualTo("Sees the dry field");
        assertThat(cat.get("version").get("number").asInt()).isEqualTo(1);

        // A key of another structure, a bad intensity, a character of no or another project: 400 naming it.
        HttpResponse<String> foreignKey = owner.call("PUT", story() + "/beats",
                "{\"base_version\":1,\"structure\":\"cat\",\"beats\":{\"ordeal\":\"Hero's Journey beat\"}}");
        assertThat(foreignKey.statusCode()).isEqualTo(400);
        assertThat(json(foreignKey).get("errors").get(0).get("field").asString()).isEqualTo("beats.ordeal");
        assertThat(json(foreignKey).get("errors").get(0).get("message").asString()).isEqualTo("is not a beat of Save the Cat");
        assertThat(owner.call("PUT", story() + "/beats", "{\"base_version\":1,\"structure\":\"cat\",\"intensities\":{\"finale\":4}}")
                .statusCode()).isEqualTo(400);
        assertThat(owner.call("PUT", story() + "/beats", "{\"base_version\":1,\"structure\":\"cat\",\"key_actions\":{\"finale\":{\""
                + UUID.randomUUID() + "\":\"x\"}}}").statusCode()).isEqualTo(400);
        assertThat(owner.call("PUT", story() + "/beats", "{\"base_version\":1,\"structure\":\"epic\"}").statusCode()).isEqualTo(400);

        // Switching to a custom structure: the cat beats are version 1, the custom ones version 2.
        JsonNode custom = json(ok(owner.call("PUT", story() + "/beats", """
                {"base_version":1,"structure":"custom","custom_beats":[{"key":"drought","title":"Drought"},{"key":"trick","title":"The trick"}],
                 "beats":{"trick":"Kancil counts the crocodiles"},"intensities":{"trick":2}}""")));
        assertThat(custom.get("beats").size()).isEqualTo(2);
        assertThat(custom.get("beats").get(1).get("title").asString()).isEqualTo("The trick");
        assertThat(owner.call("PUT", story() + "/beats", """
                {"base_version":2,"structure":"custom","custom_beats":[{"key":"a","title":"A"},{"key":"a","title":"B"}]}""").statusCode())
                .isEqualTo(400);

        JsonNode history = json(ok(owner.call("GET", "/api/v1/projects/" + project + "/versions?entity_type=story&section=beats", null)));
        assertThat(history.get("items").size()).isEqualTo(2);
        String catVersion = history.get("items").get(1).get("id").asString();
        String customVersion = history.get("items").get(0).get("id").asString();
        JsonNode diff = json(ok(owner.call("GET", "/api/v1/projects/" + project + "/versions/diff?from=" + catVersion + "&to=" + customVersion, null)));
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        diff.get("segments").forEach(segment -> ("delete".equals(segment.get("kind").asString()) ? deleted : inserted)
                .append("equal".equals(segment.get("kind").asString()) ? "" : segment.get("text").asString()));
        assertThat(deleted.toString()).contains("Save the Cat", "naps", "Catalyst (intensity 3)", "Drought", "Sees the dry field")
                .doesNotContain("{");
        assertThat(inserted.toString()).contains("Custom", "trick", "counts", "crocodiles");
        assertThat(json(ok(owner.call("GET", "/api/v1/projects/" + project + "/versions/" + catVersion, null))).get("content").asString())
                .contains("Kancil naps by the river");

        JsonNode restored = json(ok(owner.postJson("/api/v1/projects/" + project + "/versions/" + catVersion + "/restore", "")));
        assertThat(restored.get("number").asInt()).isEqualTo(3);
        assertThat(restored.get("source").asString()).isEqualTo("restore");
        assertThat(restored.get("restored_from").asString()).isEqualTo(catVersion);
        JsonNode back = json(ok(owner.call("GET", story() + "/beats", null)));
        assertThat(back.get("structure").asString()).isEqualTo("cat");
        assertThat(back.get("beats").get(0).get("text").asString()).isEqualTo("Kancil naps by the river");
        assertThat(back.get("version").get("number").asInt()).isEqualTo(3);
        assertThat(json(ok(owner.call("GET", "/api/v1/projects/" + project + "/versions?section=beats", null))).get("items").size())
                .isEqualTo(3);
        assertThat(owner.postJson("/api/v1/projects/" + project + "/versions/" + UUID.randomUUID() + "/restore", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void wantAndNeedImplyTheEndingWhichTheWriterMayOverride() {
        String[][] cases = {{"true", "true", "happy"}, {"false", "true", "bittersweet"}, {"true", "false", "hollow"}, {"false", "false", "tragic"}};
        int base = 0;
        for (String[] c : cases) {
            JsonNode matrix = json(ok(owner.call("PUT", story() + "/want-need", """
                    {"base_version":%d,"want":{"external":"Cross the river","known":"He knows he wants food","specific":"The mangoes",
                     "achieved":%s},"need":{"internal":"Humility","unknown":"He thinks he is already wise","universal":"Respect",
                     "achieved":%s}}""".formatted(base, c[0], c[1]))));
            assertThat(matrix.get("implied_ending").asString()).isEqualTo(c[2]);
            assertThat(matrix.get("ending").asString()).isEqualTo(c[2]);
            assertThat(matrix.get("ending_type").isNull()).isTrue();
            base = matrix.get("version").get("number").asInt();
        }
        JsonNode overridden = json(ok(owner.call("PUT", story() + "/want-need", """
                {"base_version":%d,"want":{"achieved":false},"need":{"achieved":false},"ending_type":"open"}""".formatted(base))));
        assertThat(overridden.get("implied_ending").asString()).isEqualTo("tragic");
        assertThat(overridden.get("ending").asString()).isEqualTo("open");
        assertThat(jdbc.sql("select ending_type from stories where project_id = cast(? as uuid)").param(project).query(String.class).single())
                .isEqualTo("open");
        assertThat(owner.call("PUT", story() + "/want-need", "{\"base_version\":5,\"want\":{},\"need\":{},\"ending_type\":\"sad\"}").statusCode())
                .isEqualTo(400);
        assertThat(owner.call("PUT", story() + "/want-need", "{\"base_version\":5,\"need\":{}}").statusCode()).isEqualTo(400);
    }

    @Test
    void aStorySupervisorWritesTheStoryButNotTheTeamAndAViewerOnlyReads() {
        var supervisor = fixtures.member(studio, "editor");
        fixtures.collaborator(studio, project, supervisor.id(), "story_supervisor", "story");
        Http asSupervisor = new Http(port).withBearer(supervisor.token());
        ok(asSupervisor.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"By the supervisor\"}"));
        ok(asSupervisor.call("PUT", story() + "/beats", "{\"base_version\":0,\"structure\":\"freytag\",\"beats\":{\"climax\":\"Jump\"}}"));
        assertThat(asSupervisor.postJson("/api/v1/projects/" + project + "/collaborators",
                "{\"user_id\":\"" + supervisor.id() + "\",\"role\":\"head_creative\",\"permissions\":[]}").statusCode()).isEqualTo(403);
        assertThat(asSupervisor.call("PATCH", "/api/v1/projects/" + project, "{\"genre\":\"x\"}").statusCode()).isEqualTo(403);

        Http asViewer = new Http(port).withBearer(fixtures.member(studio, "viewer").token());
        assertThat(json(ok(asViewer.call("GET", story(), null))).get("details").get("premise").asString()).isEqualTo("By the supervisor");
        assertThat(asViewer.call("PATCH", story(), "{\"base_version\":1,\"premise\":\"No\"}").statusCode()).isEqualTo(403);
        String version = json(ok(asViewer.call("GET", "/api/v1/projects/" + project + "/versions", null))).get("items").get(0).get("id").asString();
        assertThat(asViewer.postJson("/api/v1/projects/" + project + "/versions/" + version + "/restore", "").statusCode()).isEqualTo(403);
    }

    private String story() {
        return "/api/v1/projects/" + project + "/story";
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
