package id.modo.verse.studio.moodboard;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.awt.Color;
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

/** The moodboard through the real API: items on the project's beats, validation, reorder with versions, pictures, tenancy. */
@IntegrationTest
class MoodboardApiIntegrationTests {

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
        studio = fixtures.studio("moodboard");
        owner = studio.asOwner();
        project = fixtures.project(owner, studio.organizationId(), "Kancil", "team");
        String buaya = jdbc.sql("insert into characters (project_id, name) values (cast(? as uuid), 'Buaya') returning id::text")
                .param(project).query(String.class).single();
        String kancil = jdbc.sql("insert into characters (project_id, name) values (cast(? as uuid), 'Kancil') returning id::text")
                .param(project).query(String.class).single();
        ok(owner.call("PUT", "/api/v1/projects/" + project + "/story/beats", """
                {"base_version":0,"structure":"cat","beats":{"opening_image":"Kancil naps by the river","catalyst":"The dry season"},
                 "key_actions":{"catalyst":{"%s":"Counts the crocodiles","%s":"Lines up across the river"}}}""".formatted(kancil, buaya)));
    }

    @Test
    void itemsBelongToTheStructuresBeatsAndComeInStoryOrder() {
        JsonNode late = created(item("{\"beat_key\":\"catalyst\",\"description\":\"Cracked mud\",\"animation_style\":\"sketch\"}"));
        JsonNode early = created(item("""
                {"beat_key":"opening_image","description":"A sleepy riverbank","ai_prompt":"warm dawn over a brown river",
                 "animation_style":"3d","color_mood":"warm greens","lighting":"golden hour","notes":"keep it calm",
                 "references":["https://example.com/river.jpg"]}"""));
        assertThat(early.get("status").asString()).isEqualTo("pending");
        assertThat(early.get("version").asInt()).isZero();
        assertThat(early.get("beat_index").asInt()).isZero();
        assertThat(early.get("reference_urls").get(0).asString()).isEqualTo("https://example.com/river.jpg");

        JsonNode split = json(ok(owner.postJson(moodboard() + "/beats/catalyst/split", "")));
        assertThat(split.size()).isEqualTo(2);
        assertThat(split.get(0).get("key_action_index").asInt()).isZero();
        assertThat(List.of(split.get(0).get("description").asString(), split.get(1).get("description").asString()))
                .containsExactlyInAnyOrder("Kancil: Counts the crocodiles", "Buaya: Lines up across the river");
        assertThat(json(ok(owner.postJson(moodboard() + "/beats/catalyst/split", ""))).size()).as("already split").isZero();
        assertThat(owner.postJson(moodboard() + "/beats/opening_image/split", "").statusCode()).as("no key actions").isEqualTo(400);

        JsonNode board = json(ok(owner.get(moodboard(), "application/json")));
        assertThat(board.get("structure").asString()).isEqualTo("Save the Cat");
        assertThat(board.get("beats").size()).isEqualTo(15);
        JsonNode opening = board.get("beats").get(0);
        assertThat(opening.get("key").asString()).isEqualTo("opening_image");
        assertThat(opening.get("text").asString()).isEqualTo("Kancil naps by the river");
        assertThat(opening.get("items").get(0).get("id").asString()).isEqualTo(early.get("id").asString());
        JsonNode catalyst = board.get("beats").get(3);
        // Key actions keep the story's order, and each split item describes the key action of its index.
        assertThat(split.get(1).get("description").asString()).isEqualTo(catalyst.get("key_actions").get(1).get("character").asString()
                + ": " + catalyst.get("key_actions").get(1).get("action").asString());
        assertThat(ids(catalyst.get("items"))).containsExactly(late.get("id").asString(), split.get(0).get("id").asString(),
                split.get(1).get("id").asString());

        // The reader other features use answers the same order.
        List<String> story = jdbc.sql("select id::text from moodboards where project_id = cast(? as uuid) order by "
                + MoodboardItems.STORY_ORDER).param(project).query(String.class).list();
        assertThat(story).containsExactly(early.get("id").asString(), late.get("id").asString(), split.get(0).get("id").asString(),
                split.get(1).get("id").asString());
    }

    @Test
    void invalidItemsAre400WithEachFieldAndNothingIsStored() {
        assertField(item("{\"beat_key\":\"ordinary_world\"}"), "beat_key");
        assertField(item("{\"description\":\"no beat\"}"), "beat_key");
        assertField(item("{\"beat_key\":\"catalyst\",\"key_action_index\":2}"), "key_action_index");
        assertField(item("{\"beat_key\":\"opening_image\",\"key_action_index\":0}"), "key_action_index");
        assertField(item("{\"beat_key\":\"catalyst\",\"animation_style\":\"anime\"}"), "animation_style");
        assertField(item("{\"beat_key\":\"catalyst\",\"status\":\"generating\"}"), "status");
        assertField(item("{\"beat_key\":\"catalyst\",\"image\":\"/media/00000000-0000-0000-0000-000000000001\"}"), "image");
        assertField(item("{\"beat_key\":\"catalyst\",\"references\":[\"javascript:alert(1)\"]}"), "references[0]");
        assertField(item("{\"beat_key\":\"catalyst\",\"color_mood\":\"" + "x".repeat(101) + "\"}"), "color_mood");
        assertThat(item("{\"beat_key\":\"catalyst\",\"animation_style\":3}").statusCode()).isEqualTo(400);
        assertThat(item("{\"beat_key\":\"catalyst\",\"beat_key\":\"midpoint\"}").statusCode()).as("duplicate key").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from moodboards where project_id = cast(? as uuid)").param(project).query(Integer.class).single())
                .isZero();
    }

    @Test
    void anEditFromAStaleVersionIs409AndAFreshOneBumpsTheVersion() {
        JsonNode item = created(item("{\"beat_key\":\"catalyst\",\"description\":\"Cracked mud\"}"));
        String path = moodboard() + "/items/" + item.get("id").asString();

        assertField(owner.call("PATCH", path, "{\"description\":\"no version\"}"), "version");
        JsonNode changed = json(ok(owner.call("PATCH", path, "{\"version\":0,\"lighting\":\"harsh noon\",\"description\":\"\",\"status\":\"completed\"}")));
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        assertThat(changed.get("lighting").asString()).isEqualTo("harsh noon");
        assertThat(changed.get("description").isNull()).isTrue();
        assertThat(changed.get("status").asString()).isEqualTo("completed");

        HttpResponse<String> stale = owner.call("PATCH", path, "{\"version\":0,\"notes\":\"mine\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("type").asString()).endsWith("/concurrent-change");
        assertThat(json(stale).get("current_version").asInt()).isEqualTo(1);
        assertThat(owner.call("DELETE", path + "?version=0", null).statusCode()).isEqualTo(409);
        assertThat(owner.call("DELETE", path + "?version=1", null).statusCode()).isEqualTo(204);
        assertThat(owner.get(path, "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void theWholeBoardIsReorderedAtOnceOrNotAtAll() {
        JsonNode a = created(item("{\"beat_key\":\"catalyst\",\"description\":\"a\"}"));
        JsonNode b = created(item("{\"beat_key\":\"catalyst\",\"description\":\"b\"}"));
        JsonNode c = created(item("{\"beat_key\":\"opening_image\",\"description\":\"c\"}"));

        // b first, a moved to the opening image after c, versions as read.
        String order = """
                {"items":[{"id":"%s","version":0,"beat_key":"opening_image"},{"id":"%s","version":0,"beat_key":"opening_image"},
                          {"id":"%s","version":0,"beat_key":"catalyst","key_action_index":1}]}"""
                .formatted(c.get("id").asString(), a.get("id").asString(), b.get("id").asString());
        ok(owner.call("PATCH", moodboard() + "/items/" + b.get("id").asString(), "{\"version\":0,\"notes\":\"changed meanwhile\"}"));
        HttpResponse<String> stale = owner.call("PUT", moodboard(), order);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(beatOf(a)).as("nothing moved").isEqualTo("catalyst");

        assertField(owner.call("PUT", moodboard(), "{\"items\":[{\"id\":\"%s\",\"version\":0,\"beat_key\":\"catalyst\"}]}"
                .formatted(a.get("id").asString())), "items");
        assertField(owner.call("PUT", moodboard(), order.replace("\"opening_image\"}", "\"nowhere\"}")), "items[1].beat_key");
        assertField(owner.call("PUT", moodboard(), "{\"items\":[{\"id\":\"%1$s\",\"version\":0,\"beat_key\":\"catalyst\"},{\"id\":\"%1$s\",\"version\":0,\"beat_key\":\"catalyst\"},{\"id\":\"%2$s\",\"version\":0,\"beat_key\":\"catalyst\"}]}"
                .formatted(a.get("id").asString(), c.get("id").asString())), "items[1].id");

        JsonNode board = json(ok(owner.call("PUT", moodboard(), order.replace("\"version\":0,\"beat_key\":\"catalyst\"", "\"version\":1,\"beat_key\":\"catalyst\""))));
        assertThat(ids(board.get("beats").get(0).get("items"))).containsExactly(c.get("id").asString(), a.get("id").asString());
        JsonNode moved = board.get("beats").get(3).get("items").get(0);
        assertThat(moved.get("key_action_index").asInt()).isEqualTo(1);
        assertThat(moved.get("version").asInt()).isEqualTo(2);
        assertThat(board.get("beats").get(0).get("items").get(1).get("beat_index").asInt()).isZero();
    }

    @Test
    void picturesComeFromTheOrganizationsLibraryOnlyAndUploadsAreImages() {
        JsonNode item = created(item("{\"beat_key\":\"catalyst\"}"));
        String path = moodboard() + "/items/" + item.get("id").asString();
        fixtures.picture(owner, path + "/image", Color.ORANGE);
        JsonNode uploaded = json(ok(owner.get(path, "application/json")));
        assertThat(uploaded.get("status").asString()).isEqualTo("completed");
        String reference = uploaded.get("image").asString();
        assertThat(reference).startsWith("/media/");
        HttpResponse<String> picture = owner.get(uploaded.get("image_url").asString(), "image/*");
        assertThat(picture.statusCode()).isEqualTo(200);

        // The same picture, picked from the library by its asset id, for another item and as a reference.
        JsonNode picked = created(item("{\"beat_key\":\"opening_image\",\"image\":\"%s\",\"references\":[\"%s\"]}"
                .formatted(reference.substring("/media/".length()), reference)));
        assertThat(picked.get("image").asString()).isEqualTo(reference);
        assertThat(picked.get("status").asString()).isEqualTo("completed");
        assertThat(picked.get("reference_urls").get(0).asString()).contains("/media/");

        StudioFixtures.Studio other = fixtures.studio("moodboard-other");
        String otherProject = fixtures.project(other.asOwner(), other.organizationId(), "Other", "team");
        ok(other.asOwner().call("PUT", "/api/v1/projects/" + otherProject + "/story/beats", "{\"base_version\":0,\"structure\":\"cat\"}"));
        assertField(other.asOwner().postJson("/api/v1/projects/" + otherProject + "/moodboard/items",
                "{\"beat_key\":\"catalyst\",\"image\":\"" + reference + "\"}"), "image");
    }

    @Test
    void anotherOrganizationSeesNothingAndReadersChangeNothing() {
        JsonNode item = created(item("{\"beat_key\":\"catalyst\",\"description\":\"Cracked mud\"}"));
        String path = moodboard() + "/items/" + item.get("id").asString();
        StudioFixtures.Studio other = fixtures.studio("moodboard-stranger");
        Http stranger = other.asOwner();
        assertThat(stranger.get(moodboard(), "application/json").statusCode()).isEqualTo(404);
        assertThat(stranger.get(path, "application/json").statusCode()).isEqualTo(404);
        assertThat(stranger.call("PATCH", path, "{\"version\":0,\"notes\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.call("DELETE", path, null).statusCode()).isEqualTo(404);
        assertThat(stranger.postJson(path + "/generate", "").statusCode()).isEqualTo(404);

        // The item of one project is not found through another project of the same organization.
        String second = fixtures.project(owner, studio.organizationId(), "Second", "team");
        assertThat(owner.get("/api/v1/projects/" + second + "/moodboard/items/" + item.get("id").asString(), "application/json").statusCode())
                .isEqualTo(404);

        Users.Signed viewer = fixtures.member(studio, "viewer");
        Http reader = new Http(port).withBearer(viewer.token());
        assertThat(reader.get(moodboard(), "application/json").statusCode()).isEqualTo(200);
        assertThat(reader.call("PATCH", path, "{\"version\":0,\"notes\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(reader.postJson(moodboard() + "/items", "{\"beat_key\":\"catalyst\"}").statusCode()).isEqualTo(403);
        assertThat(reader.call("PUT", moodboard(), "{\"items\":[]}").statusCode()).isEqualTo(403);
        assertThat(owner.get("/api/v1/projects/" + project + "/moodboard/items/not-a-uuid", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutAnAiProviderTheButtonsSayHowToConfigureOneAndTheItemStaysAsItWas() {
        JsonNode item = created(item("{\"beat_key\":\"catalyst\",\"ai_prompt\":\"cracked mud under a white sky\"}"));
        String path = moodboard() + "/items/" + item.get("id").asString();
        HttpResponse<String> image = owner.postJson(path + "/generate", "");
        assertThat(image.statusCode()).as(image.body()).isEqualTo(409);
        assertThat(json(image).get("type").asString()).endsWith("/ai-not-configured");
        assertThat(owner.postJson(path + "/prompt", "{}").statusCode()).isEqualTo(409);
        JsonNode after = json(ok(owner.get(path, "application/json")));
        assertThat(after.get("status").asString()).isEqualTo("pending");
        assertThat(after.get("generation_id").isNull()).isTrue();
        assertThat(after.get("prompt_generation_id").isNull()).isTrue();
    }

    private String beatOf(JsonNode item) {
        return json(ok(owner.get(moodboard() + "/items/" + item.get("id").asString(), "application/json"))).get("beat_key").asString();
    }

    private HttpResponse<String> item(String body) {
        return owner.postJson(moodboard() + "/items", body);
    }

    private String moodboard() {
        return "/api/v1/projects/" + project + "/moodboard";
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).endsWith("/validation-failed");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
