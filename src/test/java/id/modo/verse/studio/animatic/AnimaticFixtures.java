package id.modo.verse.studio.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.modo.verse.identity.UserId;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.RequiredFfmpeg;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Moodboard pictures for animatic tests: drawn pictures stored in the media library and moodboard rows pointing at them
 * (the moodboard's own code is another part's; the table is this module's), a sound made with ffmpeg, and ffprobe's view
 * of a rendered file.
 */
final class AnimaticFixtures {

    private final JdbcClient jdbc;
    private final Assets assets;

    AnimaticFixtures(JdbcClient jdbc, Assets assets) {
        this.jdbc = jdbc;
        this.assets = assets;
    }

    /** A picture (a sky, a sun and a hill, in colours of {@code seed}) stored for the project; answers its reference. */
    String picture(String owner, String organization, String project, int seed) throws IOException {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB(seed * 0.17f, 0.5f, 0.9f)));
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.YELLOW);
        g.fillOval(550 - seed * 40, 80, 120, 120);
        g.setColor(new Color(Color.HSBtoRGB(0.33f + seed * 0.05f, 0.7f, 0.5f)));
        g.fillOval(-200, 380, 1200, 500);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return "/media/" + assets.upload(UserId.of(UUID.fromString(owner)), OrganizationId.of(UUID.fromString(organization)),
                UUID.fromString(project), "moodboard", "picture-" + seed + ".png", new ByteArrayInputStream(png.toByteArray())).id().value();
    }

    /** A moodboard item of the beat with the picture. */
    void item(String project, int beatIndex, String beatName, int position, String imageUrl) {
        jdbc.sql("""
                insert into moodboards (project_id, beat_name, beat_index, position, image_url, status)
                values (cast(? as uuid), ?, ?, ?, ?, 'completed')""")
                .params(project, beatName, beatIndex, position, imageUrl).update();
    }

    /** {@code count} pictures on the beat, in order; answers their references. */
    List<String> beat(String owner, String organization, String project, int beatIndex, String beatName, int count) throws IOException {
        List<String> references = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String reference = picture(owner, organization, project, beatIndex * 3 + i);
            item(project, beatIndex, beatName, i, reference);
            references.add(reference);
        }
        return references;
    }

    /** A sine tone of {@code seconds} as an M4A in the media library; answers its asset id. */
    String sound(String owner, String organization, double seconds) throws IOException {
        Path file = Files.createTempFile("animatic-sound-", ".m4a");
        try {
            RequiredFfmpeg.ffmpeg().ffmpeg(List.of("-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                    "-c:a", "aac", file.toString()), Duration.ofMinutes(1)).orThrow("ffmpeg (test sound)");
            try (InputStream in = Files.newInputStream(file)) {
                return assets.upload(UserId.of(UUID.fromString(owner)), OrganizationId.of(UUID.fromString(organization)), null, "sound",
                        "tone.m4a", in).id().value().toString();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Waits for the job to reach {@code state} (as the jobs API says) and answers it. */
    static JsonNode awaitJob(Http as, String job, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(300)).until(() -> {
            String now = Http.json(as.get("/api/v1/jobs/" + job, "application/json")).get("state").asString();
            assertThat(now).as("job " + job).isIn("pending", "running", state);
            return now.equals(state);
        });
        return Http.json(as.get("/api/v1/jobs/" + job, "application/json"));
    }

    /** The bytes at {@code url} (a signed media URL works without signing in). */
    static HttpResponse<byte[]> bytes(Http http, String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(http.request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** ffprobe's streams and format of a file fetched from {@code url} (a signed media URL, fetched without signing in). */
    static JsonNode probe(Http http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> video = bytes(http, url);
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).contains("video/mp4");
        Path file = Files.createTempFile("animatic-", ".mp4");
        try {
            Files.write(file, video.body());
            String json = RequiredFfmpeg.ffmpeg().ffprobe(List.of("-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                    file.toString()), Duration.ofMinutes(1)).orThrow("ffprobe").stdout();
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
