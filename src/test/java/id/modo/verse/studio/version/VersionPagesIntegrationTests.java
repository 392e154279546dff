package id.modo.verse.studio.version;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The versions page names every part the way its own page does, in the reader's language, never by its storage key. */
@IntegrationTest
class VersionPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theHistoryShowsLocalizedPartNamesInsteadOfRawSectionKeys() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("history");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil History", "team");
        String base = "/api/v1/projects/" + project;
        Http owner = studio.asOwner();
        ok(owner.call("PATCH", base + "/story", "{\"base_version\":0,\"premise\":\"A mouse-deer outwits the crocodiles\"}"));
        ok(owner.call("PUT", base + "/story/beats", "{\"base_version\":0,\"structure\":\"cat\",\"beats\":{\"catalyst\":\"Drought\"}}"));
        ok(owner.call("PUT", base + "/story/want-need", "{\"base_version\":0,\"want\":{\"external\":\"Mangoes\",\"achieved\":true},\"need\":{\"internal\":\"Trust\",\"achieved\":false}}"));
        ok(owner.call("PUT", base + "/story/script", "{\"base_version\":0,\"script\":\"EXT. RIVER - DAY\\n\\nKancil naps.\"}"));
        HttpResponse<String> character = owner.postJson(base + "/characters",
                "{\"name\":\"Kancil\",\"physiological\":{\"age\":\"7\"},\"swot_analysis\":{\"strengths\":\"wit\"},\"character_arc\":\"grows\"}");
        assertThat(character.statusCode()).as(character.body()).isEqualTo(201);
        ok(owner.call("PATCH", base + "/universe", """
                {"name":"Rimba","environment":{"landscape":"Mangroves"},"rules":{"limitations":"never at noon"},
                 "base_versions":{"details":0,"environment":0,"rules":0}}"""));

        PageSession session = PageSession.signIn(new Http(port), studio.owner());
        HttpResponse<String> english = session.get("/projects/" + project + "/versions?lang=en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(cells(english.body())).contains("Story · Story details", "Story · Beat board", "Story · Want and need", "<td>Script</td>",
                "Kancil · Profile", "Kancil · Physiology", "Kancil · SWOT analysis", "Kancil · Arc", "Universe · Name and overview",
                "Universe · Environment", "Universe · Rules and magic");
        for (String key : new String[] {"details", "beats", "want_need", "script", "profile", "physiological", "swot_analysis", "arc",
                "environment", "rules"}) {
            assertThat(cells(english.body())).as(key).doesNotContain("· " + key + "</td>", "<td>" + key + "</td>");
        }

        HttpResponse<String> indonesian = session.get("/projects/" + project + "/versions?lang=id");
        assertThat(cells(indonesian.body())).contains("Cerita · Rincian cerita", "Cerita · Papan beat", "Cerita · Keinginan dan kebutuhan",
                "<td>Naskah</td>", "Kancil · Fisiologi", "Kancil · Analisis SWOT", "Kancil · Alur tokoh", "Semesta · Lingkungan",
                "Semesta · Aturan dan sihir");
    }

    /** A viewer reads the history and compares, but is offered no Restore, which could only be refused. */
    @Test
    void aViewerIsNotOfferedRestore() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("history-viewer");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil Viewer", "team");
        String base = "/api/v1/projects/" + project;
        ok(studio.asOwner().call("PATCH", base + "/story", "{\"base_version\":0,\"premise\":\"First\"}"));
        ok(studio.asOwner().call("PATCH", base + "/story", "{\"base_version\":1,\"premise\":\"Second\"}"));

        HttpResponse<String> asOwner = PageSession.signIn(new Http(port), studio.owner()).get("/projects/" + project + "/versions");
        assertThat(asOwner.body()).contains("/restore\"");
        HttpResponse<String> asViewer = PageSession.signIn(new Http(port), fixtures.member(studio, "viewer")).get("/projects/" + project + "/versions");
        assertThat(asViewer.statusCode()).isEqualTo(200);
        assertThat(asViewer.body()).contains("Story · Story details").doesNotContain("/restore\"").doesNotContain(">Restore<");
    }

    /** The history table's body, where each row names its part. */
    private static String cells(String page) {
        int start = page.indexOf("<tbody>");
        return page.substring(start, page.indexOf("</tbody>", start));
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
