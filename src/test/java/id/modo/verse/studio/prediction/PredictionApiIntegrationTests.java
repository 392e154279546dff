package id.modo.verse.studio.prediction;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
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

/** Predictions through the real API, on the embedded app without any AI provider. */
@IntegrationTest
class PredictionApiIntegrationTests {

    static final String FACTORS = """
            "cast":{"score":7,"note":"A known voice actor"},"director":{"score":6},"producer":{"score":5},"exec_producer":{"score":5},
            "distributor":{"score":4},"publisher":{"score":3},"brand_positioning":{"score":6},"theme":{"score":8},"usp":{"score":7},
            "story_values":{"score":9},"fans_loyalty":{"score":5},"social_media":{"score":4},"teaser_engagement":{"score":3}""";

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
        studio = fixtures.studio("predict");
        owner = studio.asOwner();
        project = fixtures.project(owner, studio.organizationId(), "Kancil", "team");
    }

    static String request(String extra) {
        return "{" + FACTORS + ",\"production_budget\":\"16000000000\",\"promotion_budget\":\"8000000000\"" + extra + "}";
    }

    @Test
    void aPredictionStoresTheFactorsTheGrossWithItsIntervalTheAudienceAndRealComparables() {
        ok(owner.call("PATCH", "/api/v1/projects/" + project + "/story",
                "{\"base_version\":0,\"genre\":\"comedy\",\"age_rating\":\"G\",\"duration\":\"90 minutes\"}"));

        HttpResponse<String> created = owner.postJson(predictions(), request(",\"creative_type\":\"Kids Fiction\",\"release_month\":6"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode p = json(created);
        assertThat(created.headers().firstValue("Location")).hasValue("http://localhost:" + port + predictions() + "/" + p.get("id").asString());
        assertThat(p.get("input_data").get("cast").get("score").asInt()).isEqualTo(7);
        assertThat(p.get("input_data").get("cast").get("note").asString()).isEqualTo("A known voice actor");
        assertThat(p.get("input_data").get("production_budget").get("amount").asString()).isEqualTo("16000000000.00");
        assertThat(p.get("input_data").get("production_budget").get("currency").asString()).isEqualTo("IDR");
        assertThat(p.get("input_data").properties()).hasSize(15);
        // 16 billion rupiah at 16,000 to the dollar is a one-million-dollar film; the story gave genre, rating and length.
        JsonNode inputs = p.get("model_inputs");
        assertThat(inputs.get("production_budget_usd").asString()).isEqualTo("1000000.00");
        assertThat(inputs.get("genre").asString()).isEqualTo("Comedy");
        assertThat(inputs.get("mpaa_rating").asString()).isEqualTo("G");
        assertThat(inputs.get("running_time").asInt()).isEqualTo(90);
        assertThat(inputs.get("creative_type").asString()).isEqualTo("Kids Fiction");
        assertThat(inputs.get("from_project").toString()).contains("genre", "mpaa_rating", "running_time");

        double gross = Double.parseDouble(p.get("gross_usd").asString());
        assertThat(Double.parseDouble(p.get("gross_low_usd").asString())).isLessThan(gross);
        assertThat(Double.parseDouble(p.get("gross_high_usd").asString())).isGreaterThan(gross);
        assertThat(p.get("market").asString()).isEqualTo("IDR");
        assertThat(p.get("ticket_price").asString()).isEqualTo("45000.00");
        assertThat(p.get("predicted_audience").asLong()).isEqualTo(Math.round(gross * 16000 / 45000));
        assertThat(p.get("audience_low").asInt()).isLessThan(p.get("predicted_audience").asInt());
        assertThat(p.get("audience_high").asInt()).isGreaterThan(p.get("predicted_audience").asInt());

        assertThat(p.get("scores").size()).isEqualTo(15);
        assertThat(p.get("scores").get(0).get("name").asString()).isEqualTo("cast");
        assertThat(p.get("scores").get(0).get("score").asInt()).isEqualTo(7);
        assertThat(p.get("scores").get(0).get("in_model").asBoolean()).isFalse();
        JsonNode budget = p.get("scores").get(13);
        assertThat(budget.get("name").asString()).isEqualTo("production_budget");
        assertThat(budget.get("in_model").asBoolean()).isTrue();
        assertThat(budget.get("score").asInt()).isBetween(1, 10);
        assertThat(p.get("scores").get(14).get("score").asInt()).isEqualTo(5);
        assertThat(p.get("drivers").findValuesAsString("trait")).contains("production_budget", "genre", "mpaa_rating");

        assertThat(p.get("comparables").size()).isEqualTo(5);
        List<String> titles = new ArrayList<>();
        for (JsonNode film : p.get("comparables")) {
            titles.add(film.get("title").asString());
            assertThat(Long.parseLong(film.get("worldwide_gross_usd").asString().replace(".00", ""))).isPositive();
        }
        List<String> known = FilmData.load().stream().map(Film::title).toList();
        assertThat(known).containsAll(titles);
        assertThat(p.get("competitor_audience").asInt()).isPositive();
        assertThat(p.get("model_version").asString()).isEqualTo(AudienceModel.VERSION);
        assertThat(p.get("accuracy").get("beats_baseline").asBoolean()).isTrue();
        assertThat(p.get("accuracy").get("r2").asDouble()).isGreaterThan(p.get("accuracy").get("baseline_r2").asDouble());
        assertThat(p.get("suggestions_status").asString()).isEqualTo("not_configured");
        assertThat(p.get("suggestions").size()).isZero();

        JsonNode second = json(ok(owner.postJson(predictions(), request(",\"market\":\"USD\",\"currency\":\"USD\""))));
        JsonNode list = json(ok(owner.get(predictions(), "application/json")));
        assertThat(list.get("items").findValuesAsString("id")).containsExactly(second.get("id").asString(), p.get("id").asString());
        JsonNode page = json(ok(owner.get(predictions() + "?limit=1", "application/json")));
        assertThat(page.get("items").size()).isEqualTo(1);
        JsonNode next = json(ok(owner.get(predictions() + "?limit=1&cursor=" + page.get("next_cursor").asString(), "application/json")));
        assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(p.get("id").asString());
        assertThat(json(ok(owner.get(predictions() + "/" + p.get("id").asString(), "application/json"))).get("gross_usd").asString())
                .isEqualTo(p.get("gross_usd").asString());
        // Sixteen billion US dollars is a far bigger film than sixteen billion rupiah.
        assertThat(Double.parseDouble(second.get("gross_usd").asString())).isGreaterThan(gross);
    }

    @Test
    void wrongFieldsAre400NamingEachAndNothingIsStored() {
        Http unchecked = owner.unchecked();
        String[][] cases = {
                {request("").replace("\"cast\":{\"score\":7,", "\"cast\":{\"score\":11,"), "cast.score"},
                {request("").replace("\"director\":{\"score\":6},", ""), "director"},
                {request("").replace("\"16000000000\"", "\"-5\""), "production_budget"},
                {request("").replace("\"16000000000\"", "\"0\""), "production_budget"},
                {request("").replace("\"16000000000\"", "16000000000"), "production_budget"},
                {request("").replace("\"8000000000\"", "\"1.234\""), "promotion_budget"},
                {request(",\"genre\":\"Opera\""), "genre"},
                {request(",\"currency\":\"EUR\""), "currency"},
                {request(",\"market\":\"JPY\""), "market"},
                {request(",\"release_month\":13"), "release_month"},
                {request(",\"running_time\":0"), "running_time"}};
        for (String[] c : cases) {
            HttpResponse<String> refused = unchecked.postJson(predictions(), c[0]);
            assertThat(refused.statusCode()).as(c[1] + ": " + refused.body()).isEqualTo(400);
            assertThat(json(refused).get("type").asString()).endsWith("/validation-failed");
            assertThat(json(refused).get("errors").findValuesAsString("field")).as(refused.body()).contains(c[1]);
        }
        assertThat(json(unchecked.postJson(predictions(), request(",\"genre\":\"Opera\""))).get("errors").get(0).get("message").asString())
                .contains("Comedy", "Adventure");
        assertThat(jdbc.sql("select count(*) from performance_predictions where project_id = cast(? as uuid)").param(project)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anotherOrganizationSees404AndOnlyThePredictionSectionMayPredict() {
        Users.Signed stranger = new Users(new Http(port)).signUpAndIn("predict-stranger");
        Http asStranger = new Http(port).withBearer(stranger.token());
        String id = json(ok(owner.postJson(predictions(), request("")))).get("id").asString();

        assertThat(asStranger.get(predictions(), "application/json").statusCode()).isEqualTo(404);
        assertThat(asStranger.get(predictions() + "/" + id, "application/json").statusCode()).isEqualTo(404);
        assertThat(asStranger.postJson(predictions(), request("")).statusCode()).isEqualTo(404);
        String otherProject = fixtures.project(owner, studio.organizationId(), "Other", "team");
        assertThat(owner.get("/api/v1/projects/" + otherProject + "/predictions/" + id, "application/json").statusCode()).isEqualTo(404);

        Users.Signed editor = fixtures.member(studio, "editor");
        Http asEditor = new Http(port).withBearer(editor.token());
        assertThat(asEditor.get(predictions(), "application/json").statusCode()).isEqualTo(200);
        assertThat(asEditor.postJson(predictions(), request("")).statusCode()).isEqualTo(403);
        fixtures.collaborator(studio, project, editor.id(), "head_business", "prediction");
        assertThat(asEditor.postJson(predictions(), request("")).statusCode()).isEqualTo(201);
    }

    String predictions() {
        return "/api/v1/projects/" + project + "/predictions";
    }

    static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response;
    }
}
