package id.modo.verse.studio.story;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The story tab's forms bind the API's requests: the same limits, the same nesting of want and need. */
@IntegrationTest
class StoryPagesIntegrationTests {

    private static final String HTML = "text/html";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDetailsAndWantNeedFormsSaveWhatTheApiTakesAndNameTheFieldTheyRefuse() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("story-form");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil dan Buaya", "team");
        PageSession session = PageSession.signIn(new Http(port), studio.owner());
        String path = "/projects/" + project + "/story";
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"want.external\"", "name=\"need.achieved\"", "name=\"_need.achieved\"");
        // Enumerated details are chosen from their values, not typed as codes.
        assertThat(page.body()).contains("<select class=\"field__input\" id=\"story-format\" name=\"format\"",
                "<option value=\"short_movie\">Short movie</option>", "<select class=\"field__input\" id=\"story-intensity\"",
                "<option value=\"moderate\">Moderate</option>", "<select class=\"field__input\" id=\"story-age_rating\"",
                "<option value=\"PG-13\">PG-13</option>").doesNotContain("short_movie, short_video)");

        HttpResponse<String> longLogline = session.post(path + "/details", page, "base_version=0&premise=Kancil&logline=" + "x".repeat(2001)
                + "&episode_count=12", HTML);
        assertThat(longLogline.body()).contains("logline: size must be between 0 and 2000").doesNotContain("studio-saved");
        HttpResponse<String> notANumber = session.post(path + "/details", page, "base_version=0&premise=Kancil&episode_count=dua+belas", HTML);
        assertThat(notANumber.body()).contains("episode_count: must be a number");
        HttpResponse<String> badRating = session.post(path + "/details", page, "base_version=0&age_rating=XXX", HTML);
        assertThat(badRating.body()).contains("age_rating: must be one of G, PG, PG-13, R, NC-17");
        JsonNode unchanged = Http.json(studio.asOwner().get("/api/v1/projects/" + project + "/story", "application/json"));
        assertThat(unchanged.at("/details/premise").isNull() || unchanged.at("/details/premise").isMissingNode()).as("nothing saved").isTrue();

        HttpResponse<String> details = session.post(path + "/details", page, "base_version=0&premise=Kancil+menipu+buaya&episode_count=12"
                + "&age_rating=PG", HTML);
        assertThat(details.statusCode()).isEqualTo(302);
        JsonNode saved = Http.json(studio.asOwner().get("/api/v1/projects/" + project + "/story", "application/json"));
        assertThat(saved.at("/details/premise").asString()).isEqualTo("Kancil menipu buaya");
        assertThat(saved.at("/details/episode_count").asInt()).isEqualTo(12);

        HttpResponse<String> tooLong = session.post(path + "/want-need", page, "base_version=0&want.external=" + "w".repeat(5001)
                + "&need.internal=Percaya&_want.achieved=on&_need.achieved=on", HTML);
        assertThat(tooLong.body()).contains("want.external: size must be between 0 and 5000");
        HttpResponse<String> noMarkers = session.post(path + "/want-need", page, "base_version=0&want.external=Sungai&need.internal=Percaya", HTML);
        assertThat(noMarkers.body()).containsAnyOf("want.achieved: is required", "need.achieved: is required");
        HttpResponse<String> wantNeed = session.post(path + "/want-need", page, "base_version=0&want.external=Menyeberang+sungai"
                + "&want.achieved=on&_want.achieved=on&need.internal=Rendah+hati&_need.achieved=on&ending_type=bittersweet", HTML);
        assertThat(wantNeed.statusCode()).isEqualTo(302);
        JsonNode matrix = Http.json(studio.asOwner().get("/api/v1/projects/" + project + "/story/want-need", "application/json"));
        assertThat(matrix.at("/want/external").asString()).isEqualTo("Menyeberang sungai");
        assertThat(matrix.at("/want/achieved").asBoolean()).isTrue();
        assertThat(matrix.at("/need/internal").asString()).isEqualTo("Rendah hati");
        assertThat(matrix.at("/need/achieved").asBoolean()).isFalse();
        assertThat(matrix.at("/ending_type").asString()).isEqualTo("bittersweet");
    }
}
