package id.modo.verse.studio.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.ai.AiGatewayTest;
import id.modo.verse.ai.OpenAiWire;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.studio.character.CharacterSection;
import id.modo.verse.studio.section.SectionField;
import id.modo.verse.studio.universe.UniverseSection;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio's AI flows in the running app, the gateway's OpenAI platform key pointed at the local server that answers in
 * OpenAI's chat-completions format. Each test's project title carries its own marker, which every prompt holds
 * ("Title: …"), and its stubs answer only that.
 */
@AiGatewayTest
class AiFlowsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    Http owner;
    String project;
    String marker;

    @BeforeEach
    void project() {
        Http http = new Http(port);
        fixtures = new StudioFixtures(http, jdbc);
        studio = fixtures.studio("aiflows");
        owner = studio.asOwner();
        marker = "flow-" + UUID.randomUUID();
        project = fixtures.project(owner, studio.organizationId(), "Kancil " + marker, "team");
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void aGeneratedPremiseIsAProposalUntilAcceptedAndTheSettingsFillThePrompt() {
        ok(owner.call("PUT", ai("settings"), "{\"tone\":\"warm and witty\",\"audience\":\"children 6-10\",\"language\":\"id\"}"));
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"A mouse deer must cross a river.\"}"));
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion("Kancil si kancil cerdik harus menyeberangi sungai penuh buaya."))));

        HttpResponse<String> generated = owner.postJson(ai("premise"), "{\"idea\":\"a clever mouse deer and hungry crocodiles\"}");

        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode proposal = Http.json(generated);
        assertThat(proposal.get("flow").asString()).isEqualTo("premise");
        assertThat(proposal.get("section").asString()).isEqualTo("details");
        assertThat(proposal.get("base_version").asInt()).isEqualTo(1);
        assertThat(proposal.get("number").asInt()).isEqualTo(2);
        assertThat(proposal.get("generation").get("credits_charged").asInt()).isEqualTo(2);
        assertThat(changed(proposal, "delete")).contains("mouse", "deer");
        assertThat(changed(proposal, "insert")).contains("cerdik", "buaya");
        // Nothing of the user's text changed, and the version is not current.
        assertThat(Http.json(ok(owner.call("GET", story(), null))).get("details").get("premise").asString()).isEqualTo("A mouse deer must cross a river.");
        assertThat(jdbc.sql("select is_current::text || source || proposal_status from studio_versions where id = ?")
                .param(UUID.fromString(proposal.get("id").asString())).query(String.class).single()).isEqualTo("falseaipending");
        String sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)))
                .getFirst().getBodyAsString();
        assertThat(sent).contains("Tone: warm and witty", "Audience: children 6-10", "Language: Bahasa Indonesia",
                "Idea: a clever mouse deer and hungry crocodiles");

        JsonNode accepted = Http.json(ok(owner.postJson(proposals(proposal) + "/accept", "{\"base_version\":1}")));
        assertThat(accepted.get("source").asString()).isEqualTo("ai");
        assertThat(accepted.get("number").asInt()).isEqualTo(2);
        assertThat(Http.json(ok(owner.call("GET", story(), null))).get("details").get("premise").asString())
                .isEqualTo("Kancil si kancil cerdik harus menyeberangi sungai penuh buaya.");
        // Accepted once: it is no proposal any more.
        assertThat(owner.postJson(proposals(proposal) + "/accept", "{\"base_version\":2}").statusCode()).isEqualTo(404);
        // The next human save starts from the accepted version.
        ok(owner.call("PATCH", story(), "{\"base_version\":2,\"premise\":\"Edited by hand.\"}"));
    }

    @Test
    void aDiscardedProposalLeavesTheTextAsItWas() {
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"Kancil wants the cucumbers.\"}"));
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion("Kancil, hungry for cucumbers, must outwit a farmer."))));
        JsonNode proposal = Http.json(owner.postJson(ai("logline"), ""));
        assertThat(proposal.get("section").asString()).isEqualTo("details");

        assertThat(owner.postJson(proposals(proposal) + "/discard", "").statusCode()).isEqualTo(204);
        assertThat(owner.postJson(proposals(proposal) + "/accept", "{\"base_version\":1}").statusCode()).isEqualTo(404);
        assertThat(Http.json(ok(owner.call("GET", story(), null))).get("details").get("logline").isNull()).isTrue();
        JsonNode saved = Http.json(ok(owner.call("PATCH", story(), "{\"base_version\":1,\"logline\":\"By hand.\"}")));
        assertThat(saved.get("versions").get("details").get("number").asInt()).isEqualTo(2);
    }

    @Test
    void anAcceptThatRacesAHumanSaveGetsTheSameConflict() throws Exception {
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"Kancil and the crocodiles.\"}"));
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion("A proposed synopsis."))));
        JsonNode first = Http.json(owner.postJson(ai("synopsis"), ""));
        JsonNode second = Http.json(owner.postJson(ai("synopsis"), ""));
        assertThat(first.get("base_version").asInt()).isEqualTo(1);

        // A human save lands first: the accept from the base the user saw is 409 edit-conflict, as a second human save is.
        ok(owner.call("PATCH", story(), "{\"base_version\":1,\"synopsis\":\"Written by hand.\"}"));
        HttpResponse<String> late = owner.postJson(proposals(first) + "/accept", "{\"base_version\":1}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Http.json(late).get("type").asString()).endsWith("/edit-conflict");
        assertThat(Http.json(late).get("content").asString()).contains("Written by hand.");
        HttpResponse<String> human = owner.call("PATCH", story(), "{\"base_version\":1,\"synopsis\":\"Also by hand.\"}");
        assertThat(human.statusCode()).isEqualTo(409);
        assertThat(Http.json(human).get("type").asString()).endsWith("/edit-conflict");

        // At the same moment from the same base: exactly one of the accept and the save wins.
        int base = Http.json(ok(owner.call("GET", story(), null))).get("versions").get("details").get("number").asInt();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> accept = threads.submit(at(together, () -> owner.postJson(proposals(second) + "/accept",
                    "{\"base_version\":" + base + "}").statusCode()));
            Future<Integer> save = threads.submit(at(together, () -> owner.call("PATCH", story(),
                    "{\"base_version\":" + base + ",\"synopsis\":\"Racing by hand.\"}").statusCode()));
            assertThat(List.of(accept.get(), save.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            threads.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from studio_versions where entity_id = (select id from stories where project_id = ?) "
                + "and section = 'details' and is_current").param(UUID.fromString(project)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void beatsAreHeldToTheProjectsStructureAndAWrongKeyIsAskedForAgain() {
        ok(owner.call("PUT", story() + "/beats", "{\"base_version\":0,\"structure\":\"three_act\",\"beats\":{}}"));
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"synopsis\":\"Kancil tricks the crocodiles into a bridge.\"}"));
        JsonNode structure = Http.json(ok(owner.call("GET", story() + "/beats", null)));
        List<String> keys = new ArrayList<>();
        structure.get("beats").forEach(beat -> keys.add(beat.get("key").asString()));
        String wrong = "{\"beats\":[{\"name\":\"ordeal\",\"description\":\"A Hero's Journey beat\",\"intensity\":3}]}";
        String right = "{\"beats\":[{\"name\":\"" + keys.getFirst() + "\",\"description\":\"Kancil is hungry by the river.\",\"intensity\":1},"
                + "{\"name\":\"" + keys.getLast() + "\",\"description\":\"Kancil eats the fruit across the river.\",\"intensity\":7}]}";
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("asked again")
                .willReturn(okJson(OpenAiWire.completion(wrong))));
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs("asked again").willReturn(okJson(OpenAiWire.completion(right))));

        HttpResponse<String> generated = owner.postJson(ai("beats"), "");

        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        var sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)));
        assertThat(sent).hasSize(2);
        // The provider was asked for the structure's keys only.
        assertThat(sent.getFirst().getBodyAsString()).contains("\"enum\"", keys.getFirst(), "story_structure_keys");
        JsonNode proposal = Http.json(generated);
        assertThat(proposal.get("section").asString()).isEqualTo("beats");
        assertThat(proposal.get("content").asString()).contains("Kancil is hungry by the river.").doesNotContain("ordeal");
        assertThat(changed(proposal, "insert")).contains("hungry", "fruit");
        assertThat(proposal.get("generation").get("credits_charged").asInt()).isEqualTo(10);

        ok(owner.postJson(proposals(proposal) + "/accept", "{\"base_version\":" + proposal.get("base_version").asInt() + "}"));
        JsonNode beats = Http.json(ok(owner.call("GET", story() + "/beats", null)));
        assertThat(beats.get("beats").get(0).get("text").asString()).isEqualTo("Kancil is hungry by the river.");
        assertThat(beats.get("beats").get(0).get("intensity").asInt()).isEqualTo(1);
        // An intensity past the page's three levels is held to the most intense.
        assertThat(beats.get("beats").get(keys.size() - 1).get("intensity").asInt()).isEqualTo(3);
    }

    @Test
    void beatsWrongTwiceFailWithNothingProposedOrCharged() {
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"synopsis\":\"Kancil tricks the crocodiles.\"}"));
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion("{\"beats\":[{\"name\":\"not_a_beat\",\"description\":\"x\",\"intensity\":1}]}"))));

        HttpResponse<String> failed = owner.postJson(ai("beats"), "");

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        assertThat(Http.json(failed).get("type").asString()).endsWith("/ai-provider-failed");
        assertThat(jdbc.sql("select count(*) from studio_versions where project_id = ? and source = 'ai'").param(UUID.fromString(project))
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select credits_charged from ai_generations where project_id = ?").param(UUID.fromString(project))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void keyActionsOfOneBeatNameOnlyTheProjectsCharacters() {
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"synopsis\":\"Kancil tricks the crocodiles.\"}"));
        HttpResponse<String> character = owner.postJson("/api/v1/projects/" + project + "/characters", "{\"name\":\"Kancil\"}");
        assertThat(character.statusCode()).as(character.body()).isEqualTo(201);
        String kancil = Http.json(character).get("id").asString();
        String beat = Http.json(ok(owner.call("GET", story() + "/beats", null))).get("beats").get(0).get("key").asString();
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion(
                "{\"actions\":[{\"character\":\"Kancil\",\"action\":\"Counts the crocodiles\",\"consequence\":\"crosses the river\"}]}"))));

        assertThat(owner.postJson(ai("key_actions"), "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> badBeat = owner.postJson(ai("key_actions"), "{\"beat\":\"nope\"}");
        assertThat(badBeat.statusCode()).isEqualTo(400);
        assertThat(Http.json(badBeat).get("errors").get(0).get("field").asString()).isEqualTo("beat");

        JsonNode proposal = Http.json(owner.postJson(ai("key_actions"), "{\"beat\":\"" + beat + "\"}"));
        assertThat(proposal.get("content").asString()).contains(kancil, "Counts the crocodiles → crosses the river");
        String sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)))
                .getFirst().getBodyAsString();
        assertThat(sent).contains("\"enum\":[\"Kancil\"]");
    }

    @Test
    void aSceneFromABeatIsProposedAtTheEndOfTheScript() {
        ok(owner.call("PUT", story() + "/beats", "{\"base_version\":0,\"structure\":\"three_act\",\"beats\":{\"setup\":\"Kancil meets the crocodiles.\"}}"));
        ok(owner.call("PUT", story() + "/script", "{\"base_version\":0,\"script\":\"INT. FOREST - NIGHT\\n\\nKancil sleeps.\"}"));
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion("```fountain\nEXT. RIVER - DAY\n\nKancil counts the crocodiles.\n```"))));

        HttpResponse<String> unwritten = owner.postJson(ai("script_scene"), "{\"beat\":\"resolution\"}");
        assertThat(unwritten.statusCode()).isEqualTo(400);
        assertThat(Http.json(unwritten).get("errors").get(0).get("field").asString()).isEqualTo("beat");
        JsonNode proposal = Http.json(owner.postJson(ai("script_scene"), "{\"beat\":\"setup\"}"));

        assertThat(proposal.get("entity_type").asString()).isEqualTo("script");
        assertThat(proposal.get("content").asString()).isEqualTo("INT. FOREST - NIGHT\n\nKancil sleeps.\n\nEXT. RIVER - DAY\n\nKancil counts the crocodiles.");
        assertThat(changed(proposal, "delete")).isEmpty();
        String sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)))
                .getFirst().getBodyAsString();
        assertThat(sent).contains("Scene: Kancil meets the crocodiles.", "Previous scene: INT. FOREST - NIGHT");
        ok(owner.postJson(proposals(proposal) + "/accept", "{\"base_version\":" + proposal.get("base_version").asInt() + "}"));
        assertThat(Http.json(ok(owner.call("GET", story() + "/script", null))).get("script").asString()).endsWith("Kancil counts the crocodiles.");
    }

    @Test
    void aProfileFromAShortDescriptionProposesEachSectionCheckedAgainstItsSchema() {
        HttpResponse<String> created = owner.postJson("/api/v1/projects/" + project + "/characters",
                "{\"name\":\"Kancil\",\"physiological\":{\"height\":\"knee-high\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String kancil = Http.json(created).get("id").asString();
        String wrong = profile(Map.of("shoe_size", "tiny"));
        String right = profile(Map.of());
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("asked again")
                .willReturn(okJson(OpenAiWire.completion(wrong))));
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs("asked again").willReturn(okJson(OpenAiWire.completion(right))));

        HttpResponse<String> missing = owner.postJson(ai("character_profile"), "{\"character_id\":\"" + kancil + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Http.json(missing).get("errors").get(0).get("field").asString()).isEqualTo("description");
        StudioFixtures.Studio other = fixtures.studio("aiflows-chars");
        String foreign = Http.json(other.asOwner().postJson("/api/v1/projects/" + fixtures.project(other.asOwner(), other.organizationId(),
                "Other", "team") + "/characters", "{\"name\":\"Buaya\"}")).get("id").asString();
        HttpResponse<String> notOurs = owner.postJson(ai("character_profile"), "{\"character_id\":\"" + foreign + "\",\"description\":\"x\"}");
        assertThat(notOurs.statusCode()).isEqualTo(400);
        assertThat(Http.json(notOurs).get("errors").get(0).get("field").asString()).isEqualTo("character_id");

        HttpResponse<String> generated = owner.postJson(ai("character_profile"),
                "{\"character_id\":\"" + kancil + "\",\"description\":\"a small clever mouse deer\"}");

        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        // A field no section has is not fit: the answer was asked for again.
        var sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)));
        assertThat(sent).hasSize(2);
        assertThat(sent.getFirst().getBodyAsString()).contains("Name: Kancil", "Description: a small clever mouse deer", "character_sections");
        JsonNode proposal = Http.json(generated);
        assertThat(proposal.get("entity_type").asString()).isEqualTo("character");
        List<String> sections = new ArrayList<>();
        proposal.get("proposals").forEach(p -> sections.add(p.get("section").asString()));
        assertThat(sections).containsExactly("physiological", "psychological", "emotional");
        // What the writer filled stays where the model said nothing.
        assertThat(proposal.get("content").asString()).contains("knee-high", "generated gender");
        JsonNode psychological = proposal.get("proposals").get(1);
        ok(owner.postJson("/api/v1/projects/" + project + "/ai/proposals/" + psychological.get("id").asString() + "/accept",
                "{\"base_version\":" + psychological.get("base_version").asInt() + "}"));
        JsonNode character = Http.json(ok(owner.call("GET", "/api/v1/projects/" + project + "/characters/" + kancil, null)));
        assertThat(character.get("psychological").get("fears").asString()).isEqualTo("generated fears");
        assertThat(character.get("physiological").toString()).contains("knee-high").doesNotContain("generated");
    }

    @Test
    void theUniverseFromTheStoryProposesItsDetailsAndEachSectionKeepingWhatTheWriterFilled() {
        HttpResponse<String> noPremise = owner.postJson(ai("universe"), "");
        assertThat(noPremise.statusCode()).isEqualTo(400);
        assertThat(Http.json(noPremise).get("errors").get(0).get("field").asString()).isEqualTo("premise");
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"A mouse deer must cross a river of crocodiles.\"}"));
        ok(owner.call("PATCH", "/api/v1/projects/" + project + "/universe",
                "{\"environment\":{\"climate\":\"two monsoons\"},\"base_versions\":{\"environment\":0}}"));
        String wrong = universe(Map.of("dragons", "none"));
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("asked again")
                .willReturn(okJson(OpenAiWire.completion(wrong))));
        stub(openAi(marker).inScenario(marker).whenScenarioStateIs("asked again").willReturn(okJson(OpenAiWire.completion(universe(Map.of())))));

        HttpResponse<String> generated = owner.postJson(ai("universe"), "");

        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        var sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)));
        assertThat(sent).as("a field no section has is not fit: asked again").hasSize(2);
        assertThat(sent.getFirst().getBodyAsString()).contains("Premise: A mouse deer must cross a river of crocodiles.", "universe_sections");
        JsonNode proposal = Http.json(generated);
        assertThat(proposal.get("flow").asString()).isEqualTo("universe");
        assertThat(proposal.get("entity_type").asString()).isEqualTo("universe");
        List<String> parts = new ArrayList<>();
        proposal.get("proposals").forEach(p -> parts.add(p.get("section").asString()));
        assertThat(parts).containsExactly("details", "environment", "public_systems", "private_systems", "rules", "history");
        assertThat(proposal.get("content").asString()).contains("generated name");
        // Nothing changed before a click.
        JsonNode before = Http.json(ok(owner.call("GET", "/api/v1/projects/" + project + "/universe", null)));
        assertThat(before.path("name").isString()).isFalse();
        assertThat(before.get("environment").get("climate").asString()).isEqualTo("two monsoons");

        JsonNode environment = proposal.get("proposals").get(1);
        ok(owner.postJson("/api/v1/projects/" + project + "/ai/proposals/" + environment.get("id").asString() + "/accept",
                "{\"base_version\":" + environment.get("base_version").asInt() + "}"));
        ok(owner.postJson(proposals(proposal) + "/accept", "{\"base_version\":" + proposal.get("base_version").asInt() + "}"));
        JsonNode after = Http.json(ok(owner.call("GET", "/api/v1/projects/" + project + "/universe", null)));
        assertThat(after.get("name").asString()).isEqualTo("generated name");
        assertThat(after.get("environment").get("landscape").asString()).isEqualTo("generated landscape");
        assertThat(after.get("environment").get("climate").asString()).as("the writer's text stays where the model said nothing")
                .isEqualTo("two monsoons");
        assertThat(after.get("rules").toString()).as("a section not accepted is as it was").doesNotContain("generated");
    }

    /** A universe_sections answer: its details and every text field of the sections, climate left empty, plus {@code extra} members in the environment. */
    static String universe(Map<String, String> extra) {
        List<String> parts = new ArrayList<>();
        parts.add("\"details\":{\"name\":\"generated name\",\"description\":\"generated description\"}");
        for (UniverseSection section : UniverseSection.values()) {
            List<String> members = new ArrayList<>();
            section.fields().stream().filter(field -> field.kind() == SectionField.Kind.TEXT).forEach(field -> members.add("\"" + field.key()
                    + "\":\"" + (field.key().equals("climate") ? "" : "generated " + field.key().replace('_', ' ')) + "\""));
            if (section == UniverseSection.ENVIRONMENT) {
                extra.forEach((key, value) -> members.add("\"" + key + "\":\"" + value + "\""));
            }
            if (!members.isEmpty()) {
                parts.add("\"" + section.key() + "\":{" + String.join(",", members) + "}");
            }
        }
        return "{" + String.join(",", parts) + "}";
    }

    /** A character_sections answer: every field of the three sections, plus {@code extra} members in the physiological one. */
    static String profile(Map<String, String> extra) {
        StringBuilder json = new StringBuilder("{");
        List<CharacterSection> sections = List.of(CharacterSection.PHYSIOLOGICAL, CharacterSection.PSYCHOLOGICAL, CharacterSection.EMOTIONAL);
        for (CharacterSection section : sections) {
            json.append('"').append(section.key()).append("\":{");
            List<String> members = new ArrayList<>();
            section.fields().forEach(field -> members.add("\"" + field.key() + "\":\""
                    + (field.key().equals("height") ? "" : "generated " + field.key().replace('_', ' ')) + "\""));
            if (section == CharacterSection.PHYSIOLOGICAL) {
                extra.forEach((key, value) -> members.add("\"" + key + "\":\"" + value + "\""));
            }
            json.append(String.join(",", members)).append('}').append(section == CharacterSection.EMOTIONAL ? "" : ",");
        }
        return json.append('}').toString();
    }

    @Test
    void unknownFlowsMissingInputsAndOtherPeopleAreRefusedBeforeAnythingIsHeld() {
        HttpResponse<String> unknown = owner.postJson(ai("poem"), "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).get("flows").toString()).contains("premise", "beats", "key_actions");
        HttpResponse<String> noIdea = owner.postJson(ai("premise"), "{}");
        assertThat(noIdea.statusCode()).isEqualTo(400);
        assertThat(Http.json(noIdea).get("errors").get(0).get("field").asString()).isEqualTo("idea");
        HttpResponse<String> noPremise = owner.postJson(ai("logline"), "");
        assertThat(noPremise.statusCode()).isEqualTo(400);
        assertThat(Http.json(noPremise).get("errors").get(0).get("field").asString()).isEqualTo("premise");

        // Another organization's owner: 404 as for a missing project, on flows, proposals and settings alike.
        StudioFixtures.Studio other = fixtures.studio("aiflows-other");
        assertThat(other.asOwner().postJson(ai("premise"), "{\"idea\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("GET", ai("settings"), null).statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("PUT", ai("settings"), "{\"language\":\"en\"}").statusCode()).isEqualTo(404);
        // A viewer of the organization sees the team project but may not write its story or change its settings.
        Http viewer = new Http(port).withBearer(fixtures.member(studio, "viewer").token());
        assertThat(viewer.postJson(ai("premise"), "{\"idea\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.call("GET", ai("settings"), null).statusCode()).isEqualTo(200);
        assertThat(viewer.call("PUT", ai("settings"), "{\"language\":\"en\"}").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from ai_generations where project_id = ?").param(UUID.fromString(project))
                .query(Integer.class).single()).isZero();

        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"Kancil.\"}"));
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion("A logline."))));
        JsonNode proposal = Http.json(owner.postJson(ai("logline"), ""));
        assertThat(other.asOwner().postJson(proposals(proposal) + "/accept", "{\"base_version\":1}").statusCode()).isEqualTo(404);
        assertThat(other.asOwner().postJson(proposals(proposal) + "/discard", "").statusCode()).isEqualTo(404);
        assertThat(viewer.postJson(proposals(proposal) + "/accept", "{\"base_version\":1}").statusCode()).isEqualTo(403);
        assertThat(viewer.postJson(proposals(proposal) + "/discard", "").statusCode()).isEqualTo(403);
        assertThat(owner.postJson(proposals(proposal) + "/accept", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void settingsAreValidated() {
        JsonNode defaults = Http.json(ok(owner.call("GET", ai("settings"), null)));
        assertThat(defaults.get("language").asString()).isEqualTo("en");
        assertThat(defaults.get("monthly_credit_allotment").isNull()).isTrue();
        for (String bad : List.of("{\"language\":\"fr\"}", "{\"language\":\"en\",\"monthly_credit_allotment\":0}",
                "{\"language\":\"en\",\"tone\":\"" + "x".repeat(201) + "\"}", "{\"tone\":\"calm\"}")) {
            HttpResponse<String> refused = owner.call("PUT", ai("settings"), bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(Http.json(refused).get("type").asString()).endsWith("/validation-failed");
        }
        JsonNode saved = Http.json(ok(owner.call("PUT", ai("settings"), "{\"language\":\"id\",\"monthly_credit_allotment\":50,\"tone\":\" \"}")));
        assertThat(saved.get("language").asString()).isEqualTo("id");
        assertThat(saved.get("monthly_credit_allotment").asInt()).isEqualTo(50);
        assertThat(saved.get("tone").isNull()).isTrue();
    }

    @Test
    void theMonthlyAllotmentHoldsUnderConcurrentGenerations() throws Exception {
        ok(owner.call("PATCH", story(), "{\"base_version\":0,\"premise\":\"Kancil and the crocodiles.\"}"));
        stub(openAi(marker).willReturn(okJson(OpenAiWire.completion("A logline.")).withFixedDelay(300)));
        // Logline costs 2: an allotment of 5 allows two, whatever arrives at once.
        ok(owner.call("PUT", ai("settings"), "{\"language\":\"en\",\"monthly_credit_allotment\":5}"));

        int attempts = 6;
        CyclicBarrier together = new CyclicBarrier(attempts);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                answers.add(threads.submit(at(together, () -> owner.postJson(ai("logline"), ""))));
            }
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                    JsonNode problem = Http.json(response);
                    assertThat(problem.get("type").asString()).endsWith("/project-allotment-exceeded");
                    assertThat(problem.get("remaining").asInt()).isLessThan(2);
                }
            }
            assertThat(created).isEqualTo(2);
        } finally {
            threads.shutdown();
        }
        JsonNode settings = Http.json(ok(owner.call("GET", ai("settings"), null)));
        assertThat(settings.get("credits_this_month").asInt()).isEqualTo(4);
        HttpResponse<String> refused = owner.postJson(ai("logline"), "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Http.json(refused).get("remaining").asInt()).isEqualTo(1);
        // Raising the allotment lets the project generate again.
        ok(owner.call("PUT", ai("settings"), "{\"language\":\"en\",\"monthly_credit_allotment\":6}"));
        assertThat(owner.postJson(ai("logline"), "").statusCode()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- helpers

    static <T> Callable<T> at(CyclicBarrier barrier, Callable<T> call) {
        return () -> {
            barrier.await();
            return call.call();
        };
    }

    static String changed(JsonNode proposal, String kind) {
        StringBuilder text = new StringBuilder();
        proposal.get("diff").forEach(segment -> {
            if (kind.equals(segment.get("kind").asString())) {
                text.append(segment.get("text").asString());
            }
        });
        return text.toString();
    }

    MappingBuilder openAi(String text) {
        return post(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY))
                .withRequestBody(containing(text));
    }

    void stub(MappingBuilder stub) {
        stubs.add(providers.stubFor(stub));
    }

    String ai(String flow) {
        return "/api/v1/projects/" + project + "/ai/" + flow;
    }

    String proposals(JsonNode proposal) {
        return "/api/v1/projects/" + project + "/ai/proposals/" + proposal.get("id").asString();
    }

    String story() {
        return "/api/v1/projects/" + project + "/story";
    }

    static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
