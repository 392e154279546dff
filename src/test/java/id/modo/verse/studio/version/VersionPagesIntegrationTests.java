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

    /** Compare says what is wrong instead of reloading: nothing chosen, or versions of two parts. */
    @Test
    void comparingNeedsTwoVersionsOfTheSamePartAndTheTitleNamesIt() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("history-compare");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil Compare", "team");
        String base = "/api/v1/projects/" + project;
        Http owner = studio.asOwner();
        ok(owner.call("PATCH", base + "/story", "{\"base_version\":0,\"premise\":\"First\"}"));
        ok(owner.call("PATCH", base + "/story", "{\"base_version\":1,\"premise\":\"Second\"}"));
        ok(owner.call("PUT", base + "/story/script", "{\"base_version\":0,\"script\":\"EXT. RIVER - DAY\"}"));
        String details1 = versionId(project, "details", 1);
        String details2 = versionId(project, "details", 2);
        String script1 = versionId(project, "script", 1);

        PageSession session = PageSession.signIn(new Http(port), studio.owner());
        String page = "/projects/" + project + "/versions?lang=en";
        assertThat(session.get(page + "&compare=1").body()).contains("Choose a From version and a To version to compare.");
        assertThat(session.get(page + "&compare=1&from=" + details1).body()).contains("Choose a From version and a To version to compare.");
        assertThat(session.get(page).body()).doesNotContain("Choose a From version and a To version");

        String mixed = session.get(page + "&compare=1&from=" + script1 + "&to=" + details1).body();
        assertThat(mixed).contains("These are versions of different parts.").doesNotContain("id=\"diff-title\"");
        HttpResponse<String> api = owner.call("GET", base + "/versions/diff?from=" + script1 + "&to=" + details1, null);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(Http.json(api).get("type").asString()).endsWith("/different-parts");

        String diff = session.get(page + "&compare=1&from=" + details1 + "&to=" + details2).body();
        assertThat(diff).contains("Changes to Story · Story details from version 1 to version 2", "<del>First</del>", "<ins>Second</ins>");
        assertThat(session.get("/projects/" + project + "/versions?lang=id&compare=1&from=" + details1 + "&to=" + details2).body())
                .contains("Perubahan pada Cerita · Rincian cerita dari versi 1 ke versi 2");
    }

    /** Restore is offered for exactly the sections the reader may edit: an editor of the story, not of the universe. */
    @Test
    void anEditorIsOfferedRestoreForTheSectionsTheyMayEditOnly() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("history-editor");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil Editor", "team");
        String base = "/api/v1/projects/" + project;
        Http owner = studio.asOwner();
        ok(owner.call("PATCH", base + "/story", "{\"base_version\":0,\"premise\":\"First\"}"));
        ok(owner.call("PATCH", base + "/story", "{\"base_version\":1,\"premise\":\"Second\"}"));
        ok(owner.call("PATCH", base + "/universe", "{\"name\":\"Rimba\",\"base_versions\":{\"details\":0}}"));
        ok(owner.call("PATCH", base + "/universe", "{\"name\":\"Rimba Raya\",\"base_versions\":{\"details\":1}}"));
        var editor = fixtures.member(studio, "editor");
        fixtures.collaborator(studio, project, editor.id(), "story_supervisor", "story");

        String body = PageSession.signIn(new Http(port), editor).get("/projects/" + project + "/versions").body();
        String storyOld = versionId(project, "details", 1, "story");
        String universeOld = versionId(project, "details", 1, "universe");
        assertThat(body).contains("action=\"/projects/" + project + "/versions/" + storyOld + "/restore\"")
                .doesNotContain("/versions/" + universeOld + "/restore");
    }

    private String versionId(String project, String section, int number) {
        return versionId(project, section, number, section.equals("script") ? "script" : "story");
    }

    private String versionId(String project, String section, int number, String entityType) {
        return jdbc.sql("select id::text from studio_versions where project_id = cast(? as uuid) and entity_type = ? and section = ? and number = ?")
                .params(project, entityType, section, number).query(String.class).single();
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
