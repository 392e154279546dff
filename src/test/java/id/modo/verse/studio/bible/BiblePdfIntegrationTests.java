package id.modo.verse.studio.bible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.StudioDemo;
import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.studio.character.CharacterView;
import id.modo.verse.studio.character.Characters;
import id.modo.verse.studio.section.StudioImages;
import id.modo.verse.studio.story.Stories;
import id.modo.verse.studio.story.StoryContent;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The bible PDF end to end on the real database and media store: the demo's Si Kancil with pictures, a moodboard and a
 * prediction, made as a job through the API and read back with PDFBox.
 */
@IntegrationTest
class BiblePdfIntegrationTests {

    /** Latin text outside WinAnsi, typographic punctuation and a rupiah amount: what the embedded fonts must print exactly. */
    static final String LOGLINE = "Kancil’s trick — “satu, dua, tiga…” — di Sungai Mahakam: ā ğ ş, tiket Rp 1.000.";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StudioDemo demo;
    @Autowired
    Stories stories;
    @Autowired
    Characters characters;
    @Autowired
    StudioImages images;
    @Autowired
    ProjectAccess access;

    Http http;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    UserId owner;
    ProjectId project;
    String base;

    @BeforeEach
    void siKancil() {
        http = new Http(port);
        fixtures = new StudioFixtures(http, jdbc);
        studio = fixtures.studio("bible");
        owner = UserId.of(UUID.fromString(studio.owner().id()));
        Users.Signed editor = fixtures.member(studio, "editor");
        project = demo.seed(owner, OrganizationId.of(UUID.fromString(studio.organizationId())), UserId.of(UUID.fromString(editor.id())));
        base = "/api/v1/projects/" + project.value();
    }

    /** Pictures for two characters and three moodboard items, a key action, a prediction and the logline above. */
    private int decorate() {
        ProjectView view = access.read(owner, project);
        List<CharacterView> cast = characters.list(owner, project);
        characters.changeImage(owner, project, cast.get(0).id(), null, upload(view, Color.ORANGE));
        characters.changeImage(owner, project, cast.get(1).id(), null, upload(view, Color.GREEN));
        Stories.Story story = stories.get(owner, project);
        String firstBeat = story.beats().beats().keySet().iterator().next();
        Map<String, Map<String, String>> actions = new LinkedHashMap<>();
        actions.put(firstBeat, Map.of(cast.get(0).id().toString(), "Counts the crocodiles one by one"));
        StoryContent.BeatSet beats = story.beats();
        stories.saveBeats(owner, project, new StoryContent.BeatSet(beats.structure(), beats.customBeats(), beats.beats(), beats.intensities(),
                actions), story.version("beats"));
        StoryContent.Details logline = new StoryContent.Details(null, LOGLINE, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        stories.saveDetails(owner, project, logline, stories.get(owner, project).version("details"));
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    insert into moodboards (project_id, beat_name, beat_index, key_action_index, position, description, image_url, status)
                    values (?, ?, ?, ?, ?, ?, ?, 'completed')""")
                    .params(project.value(), firstBeat, 0, i == 2 ? 0 : null, i, "Mood " + (i + 1), upload(view, new Color(40 * i, 90, 160)))
                    .update();
        }
        jdbc.sql("""
                insert into performance_predictions (project_id, input_data, scores, predicted_audience, competitor_audience, model_version)
                values (?, '{}'::jsonb, '[{"name":"Theme","score":8.5,"competitor":7},{"name":"Cast","score":6,"competitor":7.25}]'::jsonb,
                        1250000, 980000, 'bible-test-1')""")
                .param(project.value())
                .update();
        return 5;
    }

    private String upload(ProjectView view, Color colour) {
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 120, 90);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images.upload(owner, view, "story", "picture.png", new ByteArrayInputStream(png.toByteArray()));
    }

    private JsonNode generate(Http as, String body) {
        HttpResponse<String> started = as.postJson(base + "/bible", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = Http.json(started);
        assertThat(job.get("events_url").asString()).isEqualTo("/api/v1/jobs/" + job.get("job_id").asString() + "/events");
        assertThat(job.get("download_url").asString()).isEqualTo(base + "/bible.pdf");
        String id = job.get("job_id").asString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> List.of("completed", "failed").contains(
                        Http.json(as.get("/api/v1/jobs/" + id, "application/json")).get("state").asString()));
        JsonNode done = Http.json(as.get("/api/v1/jobs/" + id, "application/json"));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("completed");
        return done;
    }

    private HttpResponse<byte[]> download(Http as) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(as.request(base + "/bible.pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everySectionInIndonesianWithPicturesAndEmbeddedFonts() throws IOException {
        int pictures = decorate();
        JsonNode job = generate(studio.asOwner(), "{\"language\":\"id\"}");
        assertThat(job.get("kind").asString()).isEqualTo("bible-pdf");
        assertThat(job.get("percent").asInt()).isEqualTo(100);

        HttpResponse<byte[]> pdf = download(studio.asOwner());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Bible-Language")).contains("id");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).as("cover and nine sections, each from a new page").isGreaterThanOrEqualTo(10);
            assertThat(job.get("result").get("pages").asInt()).isEqualTo(pages);
            assertThat(pdf.headers().firstValue("Bible-Pages")).contains(String.valueOf(pages));
            String text = new PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s+", " ")).as("printed exactly, wrapped or not").contains(LOGLINE);
            assertThat(text).contains("Si Kancil", "Ikhtisar", "Logline dan sinopsis", "Struktur dan beat", "Keinginan dan kebutuhan",
                    "Tokoh", "Semesta", "Papan suasana", "Prediksi penonton", "Tim", "Kancil", "Buaya Tua", "Hutan Sungai",
                    "Counts the crocodiles one by one", "Aksi kunci", "1.250.000", "bible-test-1", "Mood 1", "Mood 3");
            assertThat(text).doesNotContain("Overview", "Structure and beats", "Audience prediction");

            List<PDImageXObject> images = images(document);
            assertThat(images).as("2 characters + 3 moodboard items, the curve and the graph").hasSizeGreaterThanOrEqualTo(pictures + 2);
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.contains("NotoSans")).anyMatch(name -> name.contains("CourierPrime"));
        }
    }

    @Test
    void onlyTheChosenSectionsInEnglish() throws IOException {
        generate(studio.asOwner(), "{\"sections\":[\"team\",\"characters\"],\"language\":\"en\"}");
        try (PDDocument document = Loader.loadPDF(download(studio.asOwner()).body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Characters", "Team", "Kancil", "Buaya Tua");
            assertThat(text).doesNotContain("Overview", "Logline and synopsis", "Structure and beats", "Want and need", "Universe",
                    "Moodboard", "Audience prediction", "Hutan Sungai");
            assertThat(document.getNumberOfPages()).isBetween(2, 6);
        }
        // The latest is what the download gives: a second, smaller bible replaces it.
        generate(studio.asOwner(), "{\"sections\":[\"team\"]}");
        try (PDDocument document = Loader.loadPDF(download(studio.asOwner()).body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Team").doesNotContain("Characters");
        }
    }

    @Test
    void badInputIs400AndNoBibleYetIs404() {
        Http owner = studio.asOwner();
        for (String body : List.of("{\"sections\":[\"cover\",\"trailer\"]}", "{\"sections\":[]}", "{\"language\":\"fr\"}",
                "{\"sections\":\"cover\"}", "{\"language\":7}")) {
            HttpResponse<String> refused = owner.postJson(base + "/bible", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(Http.json(refused).get("type").asString()).as(body).isEqualTo("https://modo.id/problems/validation-failed");
        }
        HttpResponse<String> unknown = owner.postJson(base + "/bible", "{\"sections\":[\"trailer\"],\"language\":\"fr\"}");
        assertThat(Http.json(unknown).get("errors").toString()).contains("sections", "language");
        assertThat(owner.postJson(base + "/bible", "{not json").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from jobs where subject = ?").param(project.value()).query(Long.class).single()).isZero();

        HttpResponse<String> none = owner.get(base + "/bible.pdf", "application/json");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(Http.json(none).get("type").asString()).isEqualTo("https://modo.id/problems/not-found");
    }

    @Test
    void readersDownloadStoryEditorsMakeOutsidersSee404() {
        generate(studio.asOwner(), "{\"sections\":[\"overview\"]}");
        Http viewer = http.withBearer(fixtures.member(studio, "viewer").token());
        assertThat(download(viewer).statusCode()).as("the project is public: every member reads it").isEqualTo(200);
        HttpResponse<String> forbidden = viewer.postJson(base + "/bible", "{}");
        assertThat(forbidden.statusCode()).isEqualTo(403);

        Http outsider = http.withBearer(fixtures.studio("bible-outsider").owner().token());
        assertThat(download(outsider).statusCode()).isEqualTo(404);
        assertThat(outsider.postJson(base + "/bible", "{}").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/projects/" + UUID.randomUUID() + "/bible.pdf", "application/json").statusCode()).isEqualTo(404);
    }

    private static List<PDImageXObject> images(PDDocument document) throws IOException {
        List<PDImageXObject> found = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            collect(page.getResources(), found);
        }
        return found;
    }

    private static void collect(PDResources resources, List<PDImageXObject> found) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                found.add(image);
            } else if (object instanceof PDFormXObject form) {
                collect(form.getResources(), found);
            }
        }
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }
}
