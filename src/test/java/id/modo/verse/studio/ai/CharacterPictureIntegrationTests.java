package id.modo.verse.studio.ai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.modo.verse.ai.AiGatewayTest;
import id.modo.verse.ai.OpenAiWire;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.TestGateways;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
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
 * A character's AI picture in the running app: the gateway's OpenAI platform key points at the local server, which
 * answers {@code POST /v1/images/generations} in OpenAI's documented format (the picture as {@code b64_json}). The
 * picture is a proposal until accepted; discarding one deletes its picture.
 */
@AiGatewayTest
class CharacterPictureIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer providers = TestGateways.server();
    final List<StubMapping> stubs = new ArrayList<>();
    StudioFixtures fixtures;
    Http owner;
    String project;
    String marker;

    @BeforeEach
    void project() {
        fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("aipicture");
        owner = studio.asOwner();
        marker = "picture-" + UUID.randomUUID();
        project = fixtures.project(owner, studio.organizationId(), "Kancil", "team");
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(providers::removeStub);
    }

    @Test
    void aPictureFromTheProfileIsAProposalUntilAcceptedAndADiscardedOneIsDeleted() throws IOException {
        stubs.add(providers.stubFor(post(urlEqualTo("/v1/images/generations"))
                .withHeader("Authorization", equalTo("Bearer " + AiGatewayTest.OPENAI_KEY)).withRequestBody(containing(marker))
                .willReturn(okJson(OpenAiWire.image(Base64.getEncoder().encodeToString(png()))))));
        String kancil = character("{\"name\":\"Kancil\",\"physiological\":{\"hair_color\":\"golden brown " + marker + "\",\"height\":\"knee-high\"}}");
        String bare = character("{\"name\":\"Buaya\"}");

        HttpResponse<String> nothingToDraw = owner.postJson(start(), "{\"character_id\":\"" + bare + "\"}");
        assertThat(nothingToDraw.statusCode()).isEqualTo(400);
        assertThat(Http.json(nothingToDraw).get("errors").get(0).get("field").asString()).isEqualTo("description");

        HttpResponse<String> started = owner.postJson(start(), "{\"character_id\":\"" + kancil + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode proposal = Http.json(started);
        assertThat(proposal.get("status").asString()).isIn("pending", "running");
        assertThat(proposal.get("credits_price").asInt()).isPositive();
        assertThat(owner.postJson(start(), "{\"character_id\":\"" + kancil + "\"}").statusCode()).as("one proposal at a time").isEqualTo(409);

        JsonNode made = waitUntilEnded(proposal);
        assertThat(made.get("status").asString()).as(made.toString()).isEqualTo("completed");
        assertThat(made.get("credits_charged").asInt()).isPositive();
        assertThat(owner.get(made.get("image_url").asString(), "image/*").statusCode()).isEqualTo(200);
        String sent = providers.findAll(postRequestedFor(urlEqualTo("/v1/images/generations")).withRequestBody(containing(marker)))
                .getFirst().getBodyAsString();
        assertThat(sent).contains("Kancil: Height: knee-high; Hair colour: golden brown");
        assertThat(Http.json(owner.get(characterUrl(kancil), "application/json")).path("image_url").isString())
                .as("nothing changes before a click").isFalse();

        JsonNode accepted = Http.json(ok(owner.postJson(proposal(proposal) + "/accept", "")));
        assertThat(accepted.get("image_url").asString()).isEqualTo(made.get("reference").asString()).startsWith("/media/");
        assertThat(Http.json(owner.get(characterUrl(kancil), "application/json")).get("image_url").asString())
                .isEqualTo(made.get("reference").asString());
        assertThat(owner.get(proposal(proposal), "application/json").statusCode()).as("accepted once").isEqualTo(404);

        // A second picture, discarded: the character keeps the first, and the second's file is gone.
        JsonNode second = Http.json(ok(owner.postJson(start(), "{\"character_id\":\"" + kancil + "\",\"description\":\"asleep " + marker + "\"}")));
        JsonNode secondMade = waitUntilEnded(second);
        assertThat(secondMade.get("status").asString()).isEqualTo("completed");
        assertThat(owner.postJson(proposal(second) + "/discard", "").statusCode()).isEqualTo(204);
        UUID discardedAsset = UUID.fromString(secondMade.get("reference").asString().substring("/media/".length()));
        assertThat(jdbc.sql("select count(*) from assets where id = ?").param(discardedAsset).query(Long.class).single()).isZero();
        assertThat(Http.json(owner.get(characterUrl(kancil), "application/json")).get("image_url").asString())
                .isEqualTo(made.get("reference").asString());
        assertThat(owner.postJson(proposal(second) + "/accept", "").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsProjectAndItsProposalsAnswer404() {
        String kancil = character("{\"name\":\"Kancil\",\"physiological\":{\"height\":\"knee-high\"}}");
        Http stranger = fixtures.studio("aipicture-other").asOwner();
        assertThat(stranger.postJson(start(), "{\"character_id\":\"" + kancil + "\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/projects/" + project + "/ai/picture-proposals/" + UUID.randomUUID(), "application/json").statusCode())
                .isEqualTo(404);
        assertThat(owner.postJson(start(), "{\"character_id\":\"not-an-id\"}").statusCode()).isEqualTo(400);
    }

    private String character(String body) {
        HttpResponse<String> created = owner.postJson("/api/v1/projects/" + project + "/characters", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    private String characterUrl(String id) {
        return "/api/v1/projects/" + project + "/characters/" + id;
    }

    private String start() {
        return "/api/v1/projects/" + project + "/ai/character_image";
    }

    private String proposal(JsonNode proposal) {
        return "/api/v1/projects/" + project + "/ai/picture-proposals/" + proposal.get("id").asString();
    }

    private JsonNode waitUntilEnded(JsonNode proposal) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode now = Http.json(ok(owner.get(proposal(proposal), "application/json")));
            if (!List.of("pending", "running").contains(now.get("status").asString())) {
                return now;
            }
            assertThat(Instant.now()).as("waited 60 s for " + now).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private static byte[] png() throws IOException {
        BufferedImage picture = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(5, 5, 0xE07A1F);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }
}
