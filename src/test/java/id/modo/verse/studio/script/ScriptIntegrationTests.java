package id.modo.verse.studio.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.studio.Versions;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The screenplay endpoints and the Script tab on the real database, with Studio's access rules. */
@IntegrationTest
class ScriptIntegrationTests {

    private static final String HTML = PageSession.HTML;
    private static final String SCRIPT = """
            INT. HARBOUR OFFICE - NIGHT

            Rain hammers the window.

            SARI
            (quietly)
            One more crossing.
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Versions versions;
    Http http;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    String project;
    String base;

    @BeforeEach
    void project() {
        http = new Http(port);
        fixtures = new StudioFixtures(http, jdbc);
        studio = fixtures.studio("script");
        project = fixtures.project(studio.asOwner(), studio.organizationId(), "The Last Ferry", "team");
        base = "/api/v1/projects/" + project + "/story/script";
    }

    private HttpResponse<String> put(Http as, String script, int baseVersion) {
        return as.call("PUT", base, "{\"script\":" + quote(script) + ",\"base_version\":" + baseVersion + "}");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void savesCountVersionsAndAStaleBaseIsAConflictWithTheirText() {
        HttpResponse<String> empty = studio.asOwner().get(base, "application/json");
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(200);
        assertThat(Http.json(empty).get("script").asString()).isEmpty();
        assertThat(Http.json(empty).get("script_version").asInt()).isZero();
        assertThat(Http.json(empty).get("saved_by").isNull()).isTrue();
        assertThat(Http.json(empty).get("can_edit").asBoolean()).isTrue();

        HttpResponse<String> first = put(studio.asOwner(), SCRIPT, 0);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode saved = Http.json(first);
        assertThat(saved.get("script_version").asInt()).isEqualTo(1);
        assertThat(saved.get("script").asString()).isEqualTo(SCRIPT);
        assertThat(saved.get("saved_by").get("id").asString()).isEqualTo(studio.owner().id());
        assertThat(saved.get("saved_by").get("name").asString()).isEqualTo("Test script");
        assertThat(saved.get("saved_at").asString()).isNotBlank();

        HttpResponse<String> second = put(studio.asOwner(), SCRIPT + "\nCUT TO:\n", 1);
        assertThat(Http.json(second).get("script_version").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select script_version from stories where project_id = cast(? as uuid)").param(project)
                .query(Integer.class).single()).isEqualTo(2);

        HttpResponse<String> stale = put(studio.asOwner(), "My text from version 1", 1);
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode conflict = Http.json(stale);
        assertThat(conflict.get("type").asString()).endsWith("/edit-conflict");
        assertThat(conflict.get("current_version").asInt()).isEqualTo(2);
        assertThat(conflict.get("content").asString()).isEqualTo(SCRIPT + "\nCUT TO:\n");
        assertThat(conflict.get("saved_by").get("name").asString()).isEqualTo("Test script");

        // the same text again is no new version
        assertThat(Http.json(put(studio.asOwner(), SCRIPT + "\nCUT TO:\n", 2)).get("script_version").asInt()).isEqualTo(2);
    }

    @Test
    void fountainTextByAcceptHeaderAndAsADownload() {
        put(studio.asOwner(), SCRIPT, 0);
        HttpResponse<String> text = studio.asOwner().get(base, "text/x-fountain");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x-fountain"));
        assertThat(text.headers().firstValue("Script-Version")).contains("1");
        assertThat(text.body()).isEqualTo(SCRIPT);
        // JSON ranked higher wins; an unreadable Accept means JSON
        assertThat(studio.asOwner().get(base, "application/json, text/x-fountain;q=0.5").body()).startsWith("{");
        assertThat(studio.asOwner().get(base, "text/x-fountain, application/json;q=0.5").body()).isEqualTo(SCRIPT);
        assertThat(studio.asOwner().get(base, "not a media type").body()).startsWith("{");

        HttpResponse<String> file = studio.asOwner().get(base + ".fountain", "*/*");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(SCRIPT);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("the-last-ferry-script.fountain");
    }

    @Test
    void pdfInBothPaperSizesWithTheProjectTitleOnTheTitlePage() throws IOException {
        put(studio.asOwner(), SCRIPT, 0);
        for (String paper : List.of("letter", "a4")) {
            HttpResponse<byte[]> pdf = bytes(http.withBearer(studio.owner().token()).request(base + ".pdf?paper=" + paper));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("the-last-ferry-script.pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
                PDRectangle expected = paper.equals("a4") ? PDRectangle.A4 : PDRectangle.LETTER;
                assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(expected.getWidth());
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo("The Last Ferry");
            }
            List<PdfLines.Piece> pieces = PdfLines.read(pdf.body());
            assertThat(pieces).filteredOn(p -> p.page() == 2).extracting(PdfLines.Piece::text)
                    .containsSubsequence("INT. HARBOUR OFFICE - NIGHT", "Rain hammers the window.", "SARI", "(quietly)", "One more crossing.");
        }
        HttpResponse<String> legal = studio.asOwner().get(base + ".pdf?paper=legal", "application/json");
        assertThat(legal.statusCode()).isEqualTo(400);
        assertThat(legal.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void onlyTheClientsFieldsBindAndBadBodiesAre400() {
        // unchecked: script_version and saved_by are not fields of the save; sent on purpose
        HttpResponse<String> sneaky = studio.asOwner().unchecked().call("PUT", base,
                "{\"script\":\"Hi.\",\"base_version\":0,\"script_version\":99,\"saved_by\":{\"name\":\"Someone else\"}}");
        assertThat(sneaky.statusCode()).as(sneaky.body()).isEqualTo(200);
        assertThat(Http.json(sneaky).get("script_version").asInt()).isEqualTo(1);
        assertThat(Http.json(sneaky).get("saved_by").get("name").asString()).isEqualTo("Test script");

        assertThat(studio.asOwner().call("PUT", base, "{\"script\":\"Hi.\"}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().call("PUT", base, "{\"base_version\":1}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().call("PUT", base, "{\"script\":\"Hi.\",\"base_version\":-1}").statusCode()).isEqualTo(400);
        assertThat(studio.asOwner().call("PUT", base, "{\"script\":\"Hi.\",\"base_version\":\"one\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> tooLong = put(studio.asOwner(), "a".repeat(Scripts.MAX_LENGTH + 1), 1);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"script\"");
        assertThat(studio.asOwner().get("/api/v1/projects/not-a-uuid/story/script", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void outsidersGet404ReadersMayNotEditStoryCollaboratorsMay() {
        put(studio.asOwner(), SCRIPT, 0);
        Http outsider = http.withBearer(fixtures.studio("script-outsider").owner().token());
        HttpResponse<String> missing = outsider.get("/api/v1/projects/" + UUID.randomUUID() + "/story/script", "application/json");
        for (HttpResponse<String> refused : List.of(outsider.get(base, "application/json"), put(outsider, "x", 1),
                outsider.get(base + ".pdf", "application/json"), outsider.get(base + ".fountain", "application/json"))) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(Http.json(refused).get("detail").asString()).isEqualTo(Http.json(missing).get("detail").asString());
        }

        Users.Signed viewer = fixtures.member(studio, "viewer");
        Http asViewer = http.withBearer(viewer.token());
        assertThat(asViewer.get(base, "application/json").statusCode()).isEqualTo(200);
        assertThat(Http.json(asViewer.get(base, "application/json")).get("can_edit").asBoolean()).isFalse();
        assertThat(put(asViewer, "x", 1).statusCode()).isEqualTo(403);

        Users.Signed characterOnly = fixtures.member(studio, "editor");
        fixtures.collaborator(studio, project, characterOnly.id(), "character_supervisor", "characters");
        assertThat(put(http.withBearer(characterOnly.token()), "x", 1).statusCode()).isEqualTo(403);

        Users.Signed storyEditor = fixtures.member(studio, "editor");
        fixtures.collaborator(studio, project, storyEditor.id(), "story_supervisor", "story");
        HttpResponse<String> saved = put(http.withBearer(storyEditor.token()), SCRIPT + "\nFADE OUT.\n", 1);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Http.json(saved).get("script_version").asInt()).isEqualTo(2);

        String hidden = fixtures.project(studio.asOwner(), studio.organizationId(), "Secret Draft", "private");
        assertThat(asViewer.get("/api/v1/projects/" + hidden + "/story/script", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void restoringAnOlderVersionWritesItsTextBackAsTheNextVersion() {
        put(studio.asOwner(), "First draft.", 0);
        put(studio.asOwner(), "Second draft.", 1);
        UUID story = jdbc.sql("select id from stories where project_id = cast(? as uuid)").param(project).query(UUID.class).single();
        UUID firstVersion = jdbc.sql("select id from studio_versions where entity_type = 'script' and entity_id = ? and number = 1")
                .param(story).query(UUID.class).single();

        versions.restore(UserId.of(UUID.fromString(studio.owner().id())), ProjectId.of(UUID.fromString(project)), firstVersion);

        JsonNode now = Http.json(studio.asOwner().get(base, "application/json"));
        assertThat(now.get("script").asString()).isEqualTo("First draft.");
        assertThat(now.get("script_version").asInt()).isEqualTo(3);
        assertThat(Http.json(put(studio.asOwner(), "Third draft.", 3)).get("script_version").asInt()).isEqualTo(4);
    }

    @Test
    void theScriptTabEditsAutosavesAndDownloadsWithTheSession() throws IOException {
        PageSession session = PageSession.signIn(http, studio.owner());
        String path = "/projects/" + project + "/script";
        HttpResponse<String> page = session.get(path + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<textarea", "name=\"base_version\" value=\"0\"", "Not saved yet.",
                path + ".pdf?paper=letter", path + ".pdf?paper=a4", path + ".fountain", "/js/script-editor-");

        HttpResponse<String> plain = session.post(path, page, "script=" + enc(SCRIPT) + "&base_version=0", HTML);
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith(path + "?notice=saved");

        HttpResponse<String> autosave = session.post(path, page, "script=" + enc(SCRIPT + "\nTHE END\n") + "&base_version=1",
                "application/json");
        assertThat(autosave.statusCode()).as(autosave.body()).isEqualTo(200);
        assertThat(Http.json(autosave).get("script_version").asInt()).isEqualTo(2);
        assertThat(Http.json(autosave).get("status").asString()).startsWith("Version 2, saved by Test script on");

        HttpResponse<String> staleAutosave = session.post(path, page, "script=" + enc("mine") + "&base_version=1", "application/json");
        assertThat(staleAutosave.statusCode()).isEqualTo(409);
        assertThat(Http.json(staleAutosave).get("current_version").asInt()).isEqualTo(2);

        HttpResponse<String> stalePlain = session.post(path + "?lang=id", page, "script=" + enc("punya saya") + "&base_version=1", HTML);
        assertThat(stalePlain.statusCode()).isEqualTo(409);
        assertThat(stalePlain.body()).contains("punya saya</textarea>", "menyimpan versi 2", "name=\"base_version\" value=\"2\"");

        HttpResponse<String> badBase = session.post(path, page, "script=x&base_version=abc", "application/json");
        assertThat(badBase.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> pdf = bytes(http.request(path + ".pdf?paper=a4").header("Cookie", session.cookie()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
        }
        assertThat(session.get(path + ".fountain").body()).isEqualTo(SCRIPT + "\nTHE END\n");

        PageSession outsider = PageSession.signIn(http, fixtures.studio("script-page-outsider").owner());
        assertThat(outsider.get(path).statusCode()).isEqualTo(404);
        assertThat(outsider.get(path + ".pdf").statusCode()).isEqualTo(404);
        assertThat(session.get("/projects/nope/script").statusCode()).isEqualTo(404);

        // signed out: the page sends the browser to sign in and back; a download is 401
        HttpResponse<String> anonymous = http.get(path, HTML);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/signin?next=");
        assertThat(http.get(path + ".pdf", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void thePdfAsAJobReportsPagesAndItsFileIsTheProjectReadersToDownload() throws IOException {
        put(studio.asOwner(), SCRIPT, 0);

        HttpResponse<String> started = studio.asOwner().call("POST", base + "/pdf-exports?paper=a4", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = Http.json(started).get("job_id").asString();
        assertThat(Http.json(started).get("events_url").asString()).isEqualTo("/api/v1/jobs/" + job + "/events");
        await().atMost(Duration.ofSeconds(90))
                .until(() -> Http.json(studio.asOwner().get("/api/v1/jobs/" + job, "application/json")).get("state").asString()
                        .equals("completed"));
        JsonNode completed = Http.json(studio.asOwner().get("/api/v1/jobs/" + job, "application/json"));
        assertThat(completed.get("kind").asString()).isEqualTo("screenplay-pdf");
        assertThat(completed.get("total").asLong()).as("the title page and one page of script").isEqualTo(2);
        assertThat(completed.get("done").asLong()).isEqualTo(2);
        assertThat(completed.get("result").get("file_name").asString()).isEqualTo("the-last-ferry-script.pdf");

        Users.Signed viewer = fixtures.member(studio, "viewer");
        HttpResponse<byte[]> pdf = bytes(http.withBearer(viewer.token()).request("/api/v1/jobs/" + job + "/output"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("the-last-ferry-script.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
        }

        Http outsider = http.withBearer(fixtures.studio("script-job-outsider").owner().token());
        assertThat(outsider.get("/api/v1/jobs/" + job, "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/jobs/" + job + "/output", "application/json").statusCode()).isEqualTo(404);
        assertThat(outsider.call("POST", base + "/pdf-exports", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theScriptTabStartsThePdfJobAndDownloadsItWithTheSession() throws IOException {
        put(studio.asOwner(), SCRIPT, 0);
        PageSession session = PageSession.signIn(http, studio.owner());
        String path = "/projects/" + project + "/script";
        HttpResponse<String> page = session.get(path);
        assertThat(page.body()).contains("data-job-export=\"" + path + "/exports\"", "/js/jobs-");

        HttpResponse<String> started = session.post(path + "/exports", page, "paper=letter", "application/json");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = Http.json(started).get("job_id").asString();

        HttpResponse<String> stream = http.send(http.request("/jobs/" + job + "/events").header("Accept", "text/event-stream")
                .header("Cookie", session.cookie()).GET());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).contains("event:job", "\"state\":\"completed\"");
        HttpResponse<byte[]> pdf = bytes(http.request("/jobs/" + job + "/output").header("Cookie", session.cookie()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
        }

        PageSession outsider = PageSession.signIn(http, fixtures.studio("script-job-page-outsider").owner());
        assertThat(outsider.get("/jobs/" + job + "/output").statusCode()).isEqualTo(404);
        assertThat(session.get("/jobs/not-a-job/output").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
