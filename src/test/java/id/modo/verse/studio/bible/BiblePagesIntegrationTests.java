package id.modo.verse.studio.bible;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public bible as an anonymous visitor gets it: the whole bible of a public project (header, story, characters with
 * their pictures and graph, universe) in both languages, and nothing of a team or private project, not even a picture.
 */
@IntegrationTest
class BiblePagesIntegrationTests {

    private static final String HTML = "text/html";
    private static final Pattern MEDIA = Pattern.compile("src=\"(/media/[^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http anonymous;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;

    @BeforeEach
    void studio() {
        anonymous = new Http(port);
        fixtures = new StudioFixtures(anonymous, jdbc);
        studio = fixtures.studio("bible");
    }

    @Test
    void anAnonymousVisitorReadsTheWholeBibleOfAPublicProjectWithItsPictures() {
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Si Kancil Bible", "public");
        ok(studio.asOwner().call("PATCH", "/api/v1/projects/" + project, """
                {"genre":"Fable","sub_genre":"Comedy","format":"animation","studio_name":"Studio Kancil","color_palette":["#1a2b3c","#f6a623"]}"""));
        String kancil = write(project);

        HttpResponse<String> page = anonymous.get("/bible/" + project + "?lang=en", HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<h1 class=\"section__title\" id=\"bible-title\">Si Kancil Bible</h1>", "Small but clever",
                "Fable · Comedy", "Animation", "Studio Kancil", "fill=\"#1a2b3c\"",
                "A mouse-deer outwits the crocodiles", "Kancil naps by the river", "Save the Cat", "tension-curve",
                "The mangoes across the river", "Implied ending: Hollow");
        assertThat(body).contains("id=\"character-" + kancil + "\"", ">Kancil</h3>", "Protagonist", "Age 7", "Physiology", "Eye colour",
                "amber", "Buaya", "Enemy", "Kancil fools him to cross the river", "From trickster to friend");
        assertThat(body).contains("class=\"relationship-graph\"", "href=\"#character-" + kancil + "\"");
        assertThat(body).contains("Universe: Rimba Nusantara", "Environment", "Landscape", "Mangrove forests by a wide brown river");
        assertThat(body).contains("<link rel=\"canonical\" href=\"http", "/bible/" + project + "\">",
                "<meta name=\"description\" content=\"Small but clever\">");
        // Nothing of the workspace: no links into it, no one's name, no history, no script.
        assertThat(body).doesNotContain("/projects/" + project, "Test bible", "base_version", "Versions", "/story/script");

        Matcher pictures = MEDIA.matcher(body);
        int loaded = 0;
        while (pictures.find()) {
            HttpResponse<String> picture = anonymous.get(pictures.group(1).replace("&amp;", "&"), "image/*");
            assertThat(picture.statusCode()).as(pictures.group(1)).isEqualTo(200);
            assertThat(picture.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
            loaded++;
        }
        assertThat(loaded).as("the character's picture and the universe's environment picture").isEqualTo(2);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("img-src 'self'");

        String indonesian = anonymous.get("/bible/" + project + "?lang=id", HTML).body();
        assertThat(indonesian).contains("Fisiologi", "Warna mata", "Usia 7", "Protagonis", "Semesta: Rimba Nusantara", "Lingkungan",
                "Bentang alam", "Keinginan dan kebutuhan");
    }

    @Test
    void aTeamOrPrivateProjectsBibleIsTheSame404AsAMissingOneAndItsPicturesStayPrivate() {
        String team = fixtures.project(studio.asOwner(), studio.organizationId(), "Team Bible", "team");
        String secret = fixtures.project(studio.asOwner(), studio.organizationId(), "Secret Bible", "public");
        write(secret);
        String asset = jdbc.sql("select substring(image_url from 8) from characters where project_id = cast(? as uuid) and name = 'Kancil'")
                .param(secret).query(String.class).single();
        assertThat(anonymous.get("/bible/" + secret, HTML).statusCode()).isEqualTo(200);
        ok(studio.asOwner().call("PATCH", "/api/v1/projects/" + secret, "{\"visibility\":\"private\"}"));

        HttpResponse<String> missing = anonymous.get("/bible/" + UUID.randomUUID(), HTML);
        assertThat(missing.statusCode()).isEqualTo(404);
        for (String project : new String[] {team, secret}) {
            HttpResponse<String> hidden = anonymous.get("/bible/" + project, HTML);
            assertThat(hidden.statusCode()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("Bible", "Kancil", asset).isEqualTo(missing.body().replace(missing.uri().getPath(), hidden.uri().getPath()));
            // A signed-in member of the organization gets no more from the public address than anyone else.
            assertThat(studio.asOwner().get("/bible/" + project, HTML).statusCode()).isEqualTo(404);
        }
        assertThat(anonymous.get("/bible/not-a-project", HTML).statusCode()).isEqualTo(404);
        // The picture's stable address answers nothing without a signature, and a forged one is refused.
        assertThat(anonymous.get("/media/" + asset, "image/*").statusCode()).isIn(403, 404);
        assertThat(anonymous.get("/media/" + asset + "?expires=4102444800&signature=forged", "image/*").statusCode()).isIn(403, 404);
    }

    /** Writes a small bible through the API: story, two related characters (one with a picture), a universe with a picture. */
    private String write(String project) {
        Http owner = studio.asOwner();
        String base = "/api/v1/projects/" + project;
        // An overview change before (genre, format) already made a story-details version.
        var version = Http.json(ok(owner.get(base + "/story", "application/json"))).get("versions").get("details");
        int details = version == null || version.isNull() ? 0 : version.get("number").asInt();
        ok(owner.call("PATCH", base + "/story", """
                {"base_version":%d,"premise":"A mouse-deer outwits the crocodiles","logline":"Small but clever","synopsis":"Kancil crosses."}""".formatted(details)));
        ok(owner.call("PUT", base + "/story/beats", """
                {"base_version":0,"structure":"cat","beats":{"opening_image":"Kancil naps by the river"},"intensities":{"opening_image":1}}"""));
        ok(owner.call("PUT", base + "/story/want-need", """
                {"base_version":0,"want":{"external":"The mangoes across the river","achieved":true},"need":{"internal":"Trust","achieved":false}}"""));
        String kancil = Http.json(created(owner.postJson(base + "/characters", """
                {"name":"Kancil","role":"protagonist","physiological":{"age":"7","eye_color":"amber"},
                 "character_arc":"From trickster to friend"}"""))).get("id").asString();
        String buaya = Http.json(created(owner.postJson(base + "/characters", "{\"name\":\"Buaya\",\"role\":\"antagonist\"}"))).get("id").asString();
        HttpResponse<String> related = owner.postJson(base + "/characters/" + kancil + "/relationships",
                "{\"character_id\":\"" + buaya + "\",\"relationship_type\":\"enemy\",\"description\":\"Kancil fools him to cross the river\"}");
        assertThat(related.statusCode()).as(related.body()).isIn(200, 201);
        fixtures.picture(owner, base + "/characters/" + kancil + "/image", Color.ORANGE);
        ok(owner.call("PATCH", base + "/universe", """
                {"name":"Rimba Nusantara","environment":{"landscape":"Mangrove forests by a wide brown river"},
                 "base_versions":{"details":0,"environment":0}}"""));
        fixtures.picture(owner, base + "/universe/images/environment/image?base_version=1", Color.GREEN);
        return kancil;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }
}
