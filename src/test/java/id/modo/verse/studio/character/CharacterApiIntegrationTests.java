package id.modo.verse.studio.character;

import static org.assertj.core.api.Assertions.assertThat;

import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.studio.Versions;
import java.util.UUID;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Characters through the API on the real database: sections, versions, order, relationships, access. */
@IntegrationTest
class CharacterApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Versions versions;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    String project;
    Http owner;

    @BeforeEach
    void project() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        studio = fixtures.studio("characters");
        owner = studio.asOwner();
        project = fixtures.project(owner, studio.organizationId(), "Si Kancil", "team");
    }

    private String base() {
        return "/api/v1/projects/" + project + "/characters";
    }

    private String create(String body) {
        HttpResponse<String> created = owner.postJson(base(), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    @Test
    void aCharacterKeepsEveryColumnAndSectionAndEachSaveIsAVersion() {
        HttpResponse<String> created = owner.postJson(base(), """
                {"name":"  Kancil ","role":"protagonist","archetype":"trickster","cast_reference":"Reza Rahadian",
                 "physiological":{"age":"12","eye_color":"brown","height":""},
                 "swot_analysis":{"strengths":"wit"},
                 "character_arc":"From trickster to protector","transformation":"learns to share"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode kancil = Http.json(created);
        String id = kancil.get("id").asString();
        assertThat(kancil.get("name").asString()).isEqualTo("Kancil");
        assertThat(kancil.get("role").asString()).isEqualTo("protagonist");
        assertThat(kancil.get("cast_reference").asString()).isEqualTo("Reza Rahadian");
        assertThat(kancil.get("physiological").toString()).isEqualTo("{\"age\":\"12\",\"eye_color\":\"brown\"}");
        assertThat(kancil.get("psychological").size()).isZero();
        assertThat(kancil.get("versions").get("profile").get("number").asInt()).isEqualTo(1);
        assertThat(kancil.get("versions").get("physiological").get("number").asInt()).isEqualTo(1);
        assertThat(kancil.get("versions").get("arc").get("saved_by_name").asString()).isEqualTo("Test characters");
        assertThat(kancil.get("versions").get("arc").get("saved_by_id").asString()).isEqualTo(studio.owner().id());
        assertThat(kancil.get("versions").has("psychological")).isFalse();

        HttpResponse<String> patched = owner.call("PATCH", base() + "/" + id, """
                {"psychological":{"fears":"the crocodile king","wants":"cucumbers"},"role":"supporting",
                 "base_versions":{"psychological":0,"profile":1}}""");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode after = Http.json(patched);
        assertThat(after.get("role").asString()).isEqualTo("supporting");
        assertThat(after.get("name").asString()).as("a profile change keeps what was not sent").isEqualTo("Kancil");
        assertThat(after.get("psychological").get("fears").asString()).isEqualTo("the crocodile king");
        assertThat(after.get("physiological").get("age").asString()).as("other sections untouched").isEqualTo("12");
        assertThat(after.get("versions").get("profile").get("number").asInt()).isEqualTo(2);
        assertThat(after.get("versions").get("psychological").get("number").asInt()).isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from studio_versions where entity_type = 'character' and entity_id = cast(? as uuid)")
                .param(id).query(Integer.class).single()).as("profile, physiological, swot_analysis, arc, then psychological and profile").isEqualTo(6);
        JsonNode row = Http.json(owner.get(base() + "/" + id, "application/json"));
        assertThat(row.get("psychological").get("wants").asString()).isEqualTo("cucumbers");

        // The list reads every character's versions in one query; each still gets its own.
        String other = create("{\"name\":\"Buaya\"}");
        Map<String, JsonNode> listed = new HashMap<>();
        Http.json(owner.get(base(), "application/json")).get("items").forEach(c -> listed.put(c.get("id").asString(), c.get("versions")));
        assertThat(listed.get(id).get("profile").get("number").asInt()).isEqualTo(2);
        assertThat(listed.get(id).get("psychological").get("number").asInt()).isEqualTo(1);
        assertThat(listed.get(other).get("profile").get("number").asInt()).isEqualTo(1);
        assertThat(listed.get(other).has("psychological")).isFalse();
    }

    @Test
    void aStaleBaseIsAConflictAndNothingOfThatPatchIsWritten() {
        String id = create("{\"name\":\"Buaya\",\"family\":{\"parents\":\"the river\"}}");
        HttpResponse<String> first = owner.call("PATCH", base() + "/" + id,
                "{\"family\":{\"parents\":\"the old river\"},\"base_versions\":{\"family\":1}}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        HttpResponse<String> stale = owner.call("PATCH", base() + "/" + id,
                "{\"name\":\"Raja Buaya\",\"family\":{\"parents\":\"the sea\"},\"base_versions\":{\"family\":1,\"profile\":1}}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        JsonNode problem = Http.json(stale);
        assertThat(problem.get("type").asString()).endsWith("/edit-conflict");
        assertThat(problem.get("current_version").asInt()).isEqualTo(2);
        assertThat(problem.get("content").asString()).contains("the old river");

        JsonNode row = Http.json(owner.get(base() + "/" + id, "application/json"));
        assertThat(row.get("name").asString()).as("the profile of the refused patch is not written either").isEqualTo("Buaya");
        assertThat(row.get("family").get("parents").asString()).isEqualTo("the old river");
    }

    @Test
    void unknownSectionKeysAndMissingBasesAreRefusedWithEachNamed() {
        String id = create("{\"name\":\"Harimau\"}");
        HttpResponse<String> unknown = owner.call("PATCH", base() + "/" + id, """
                {"physiological":{"age":"40","shoe_size":"44"},"swot_analysis":{"strenghts":"claws"},
                 "base_versions":{"physiological":0,"swot_analysis":0}}""");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        JsonNode problem = Http.json(unknown);
        assertThat(problem.get("detail").asString()).contains("physiological.shoe_size", "swot_analysis.strenghts");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("physiological.shoe_size", "swot_analysis.strenghts");

        HttpResponse<String> noBase = owner.call("PATCH", base() + "/" + id, "{\"emotional\":{\"tone\":\"grim\"}}");
        assertThat(noBase.statusCode()).as(noBase.body()).isEqualTo(400);
        assertThat(noBase.body()).contains("base_versions.emotional");

        HttpResponse<String> badRole = owner.call("PATCH", base() + "/" + id, "{\"role\":\"hero\",\"base_versions\":{\"profile\":1}}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("protagonist, antagonist, supporting, minor");

        HttpResponse<String> notText = owner.call("PATCH", base() + "/" + id, "{\"family\":\"all of them\",\"base_versions\":{\"family\":0}}");
        assertThat(notText.statusCode()).isEqualTo(400);
        HttpResponse<String> nameless = owner.postJson(base(), "{\"name\":\"  \"}");
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(Http.json(nameless).get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void theDisplayOrderChangesOnlyWithEveryCharacterListedOnce() {
        String a = create("{\"name\":\"A\"}");
        String b = create("{\"name\":\"B\"}");
        String c = create("{\"name\":\"C\"}");
        HttpResponse<String> reordered = owner.call("PUT", base() + "/order", "{\"character_ids\":[\"" + c + "\",\"" + a + "\",\"" + b + "\"]}");
        assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);
        assertThat(names(Http.json(owner.get(base(), "application/json")).get("items"))).containsExactly("C", "A", "B");

        assertThat(owner.call("PUT", base() + "/order", "{\"character_ids\":[\"" + c + "\",\"" + a + "\"]}").statusCode()).isEqualTo(400);
        assertThat(owner.call("PUT", base() + "/order", "{\"character_ids\":[\"" + c + "\",\"" + a + "\",\"" + a + "\"]}").statusCode())
                .isEqualTo(400);
        String elsewhere = fixtures.project(owner, studio.organizationId(), "Other", "team");
        String stranger = Http.json(owner.postJson("/api/v1/projects/" + elsewhere + "/characters", "{\"name\":\"X\"}")).get("id").asString();
        HttpResponse<String> foreign = owner.call("PUT", base() + "/order",
                "{\"character_ids\":[\"" + c + "\",\"" + a + "\",\"" + stranger + "\"]}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("character_ids[2]");
        assertThat(names(Http.json(owner.get(base(), "application/json")).get("items"))).containsExactly("C", "A", "B");
    }

    @Test
    void relationshipsStayInTheProjectAndGoWithADeletedCharacter() {
        String kancil = create("{\"name\":\"Kancil\"}");
        String buaya = create("{\"name\":\"Buaya\"}");
        String harimau = create("{\"name\":\"Harimau\"}");
        HttpResponse<String> rival = owner.postJson(base() + "/" + kancil + "/relationships",
                "{\"character_id\":\"" + buaya + "\",\"relationship_type\":\"rival\",\"description\":\"the river crossing\"}");
        assertThat(rival.statusCode()).as(rival.body()).isEqualTo(201);
        HttpResponse<String> replaced = owner.postJson(base() + "/" + kancil + "/relationships",
                "{\"character_id\":\"" + buaya + "\",\"relationship_type\":\"enemy\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(owner.postJson(base() + "/" + harimau + "/relationships",
                "{\"character_id\":\"" + kancil + "\",\"relationship_type\":\"mentor\"}").statusCode()).isEqualTo(201);
        assertThat(owner.postJson(base() + "/" + buaya + "/relationships",
                "{\"character_id\":\"" + kancil + "\",\"relationship_type\":\"ally\"}").statusCode()).isEqualTo(201);

        JsonNode list = Http.json(owner.get(base() + "/" + kancil + "/relationships", "application/json"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("relationship_type").asString()).isEqualTo("enemy");
        assertThat(list.get(0).get("character_name").asString()).isEqualTo("Buaya");

        assertThat(owner.postJson(base() + "/" + kancil + "/relationships",
                "{\"character_id\":\"" + kancil + "\",\"relationship_type\":\"friend\"}").statusCode()).as("not with itself").isEqualTo(400);
        assertThat(owner.postJson(base() + "/" + kancil + "/relationships",
                "{\"character_id\":\"" + buaya + "\",\"relationship_type\":\"frenemy\"}").statusCode()).isEqualTo(400);
        String elsewhere = fixtures.project(owner, studio.organizationId(), "Other", "team");
        String stranger = Http.json(owner.postJson("/api/v1/projects/" + elsewhere + "/characters", "{\"name\":\"X\"}")).get("id").asString();
        HttpResponse<String> foreign = owner.postJson(base() + "/" + kancil + "/relationships",
                "{\"character_id\":\"" + stranger + "\",\"relationship_type\":\"friend\"}");
        assertThat(foreign.statusCode()).as("not with another project's character").isEqualTo(400);
        assertThat(owner.postJson("/api/v1/projects/" + elsewhere + "/characters/" + kancil + "/relationships",
                "{\"character_id\":\"" + stranger + "\",\"relationship_type\":\"friend\"}").statusCode())
                .as("a character is found only under its own project").isEqualTo(404);

        assertThat(owner.call("DELETE", base() + "/" + buaya, null).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from character_relationships where project_id = cast(? as uuid)").param(project)
                .query(Integer.class).single()).as("both of Buaya's edges went with it").isEqualTo(1);
        assertThat(owner.call("DELETE", base() + "/" + harimau + "/relationships/" + kancil, null).statusCode()).isEqualTo(204);
        assertThat(owner.call("DELETE", base() + "/" + harimau + "/relationships/" + kancil, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_logs where entity_type = 'character' and entity_id = cast(? as uuid)")
                .param(kancil).query(Integer.class).single()).isPositive();
    }

    @Test
    void aCollaboratorWithOnlyTheStoryReadsCharactersButMayNotChangeThemAndOutsidersSeeNothing() {
        String kancil = create("{\"name\":\"Kancil\"}");
        Users.Signed writer = fixtures.member(studio, "editor");
        fixtures.collaborator(studio, project, writer.id(), "story_supervisor", "story");
        Http asWriter = new Http(port).withBearer(writer.token());
        assertThat(asWriter.get(base(), "application/json").statusCode()).isEqualTo(200);
        assertThat(asWriter.postJson(base(), "{\"name\":\"Buaya\"}").statusCode()).isEqualTo(403);
        assertThat(asWriter.call("PATCH", base() + "/" + kancil, "{\"name\":\"K\",\"base_versions\":{\"profile\":1}}").statusCode()).isEqualTo(403);
        assertThat(asWriter.call("DELETE", base() + "/" + kancil, null).statusCode()).isEqualTo(403);
        assertThat(asWriter.call("PATCH", "/api/v1/projects/" + project + "/universe",
                "{\"name\":\"Rimba\",\"base_versions\":{\"details\":0}}").statusCode()).isEqualTo(403);

        StudioFixtures.Studio other = fixtures.studio("outsider");
        HttpResponse<String> outsider = other.asOwner().get(base(), "application/json");
        HttpResponse<String> missing = other.asOwner().get("/api/v1/projects/" + java.util.UUID.randomUUID() + "/characters", "application/json");
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(Http.json(outsider).get("detail")).isEqualTo(Http.json(missing).get("detail"));
        assertThat(other.asOwner().get(base() + "/" + kancil, "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void theUniverseIsOnePerProjectVersionedPerSectionAndValidatedAgainstItsSchema() {
        String universe = "/api/v1/projects/" + project + "/universe";
        JsonNode empty = Http.json(owner.get(universe, "application/json"));
        assertThat(empty.get("id").isNull()).isTrue();
        assertThat(empty.get("environment").size()).isZero();

        HttpResponse<String> saved = owner.call("PATCH", universe, """
                {"name":"Rimba Nusantara","rules":{"magic_system":"animals speak at dusk","image":"/api/v1/assets/a/content"},
                 "base_versions":{"details":0,"rules":0}}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode world = Http.json(saved);
        assertThat(world.get("name").asString()).isEqualTo("Rimba Nusantara");
        assertThat(world.get("rules").get("magic_system").asString()).isEqualTo("animals speak at dusk");
        assertThat(world.get("versions").get("rules").get("number").asInt()).isEqualTo(1);

        HttpResponse<String> again = owner.call("PATCH", universe, "{\"rules\":{\"limitations\":\"never at noon\"},\"base_versions\":{\"rules\":1}}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again).get("rules").has("magic_system")).as("a section is replaced whole").isFalse();
        assertThat(Http.json(again).get("id").asString()).isEqualTo(world.get("id").asString());

        HttpResponse<String> stale = owner.call("PATCH", universe, "{\"rules\":{\"limitations\":\"x\"},\"base_versions\":{\"rules\":1}}");
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> unknown = owner.call("PATCH", universe, "{\"history\":{\"origin\":\"x\",\"prophecy\":\"y\"},\"base_versions\":{\"history\":0}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Http.json(unknown).get("detail").asString()).contains("history.prophecy");
        HttpResponse<String> remote = owner.call("PATCH", universe,
                "{\"visualizations\":{\"map_image\":\"https://evil.example/map.png\"},\"base_versions\":{\"visualizations\":0}}");
        assertThat(remote.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from universes where project_id = cast(? as uuid)").param(project).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRestoredVersionIsWrittenBackToTheCharacter() {
        String id = create("{\"name\":\"Kancil\",\"emotional\":{\"tone\":\"cheeky\"}}");
        assertThat(owner.call("PATCH", base() + "/" + id, "{\"emotional\":{\"tone\":\"wistful\"},\"base_versions\":{\"emotional\":1}}")
                .statusCode()).isEqualTo(200);
        String first = jdbc.sql("""
                select id from studio_versions where entity_type = 'character' and entity_id = cast(? as uuid)
                and section = 'emotional' and number = 1""").param(id).query(String.class).single();
        versions.restore(UserId.of(UUID.fromString(studio.owner().id())), ProjectId.of(UUID.fromString(project)), UUID.fromString(first));
        JsonNode row = Http.json(owner.get(base() + "/" + id, "application/json"));
        assertThat(row.get("emotional").get("tone").asString()).isEqualTo("cheeky");
        assertThat(row.get("versions").get("emotional").get("number").asInt()).isEqualTo(3);
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asString()));
        return names;
    }
}
