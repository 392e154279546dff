package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.RequiredFfmpeg;
import id.modo.verse.support.Users;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * tus 1.0 on the real app: a video sent in pieces, one of them cut off by a dropped connection, resumed from the offset
 * HEAD reports, and transcoded once the last byte is in; the protocol's refusals; another organization's 404s.
 */
@IntegrationTest
class ResumableUploadIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;

    @BeforeEach
    void studio() {
        RequiredFfmpeg.installation();
        http = new Http(port);
        fixtures = new StudioFixtures(http, jdbc);
        studio = fixtures.studio("tus");
    }

    @Test
    void anUploadResumesAfterADroppedConnectionAndItsLastByteStartsTranscoding() throws Exception {
        String movie = create("Kancil Resumed");
        byte[] source = WatchTestVideos.source(320, 240, 3);
        int third = source.length / 3;

        var created = studio.asOwner().send(tus(studio.asOwner(), contents() + "/" + movie + "/video/uploads")
                .header("Upload-Length", String.valueOf(source.length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("kancil.mp4".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String upload = created.headers().firstValue("Location").orElseThrow();
        assertThat(upload).matches("/api/v1/organizations/" + studio.organizationId() + "/video-uploads/[0-9a-f-]{36}");
        assertThat(created.headers().firstValue("Tus-Resumable")).contains("1.0.0");

        var first = patch(studio.asOwner(), upload, 0, Arrays.copyOfRange(source, 0, third));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
        assertThat(first.headers().firstValue("Upload-Offset")).contains(String.valueOf(third));

        // The next piece announces the rest but the connection drops after 10,000 bytes: those are kept.
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + studio.owner().token()
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + third + "\r\nContent-Type: application/offset+octet-stream\r\n"
                    + "Content-Length: " + (source.length - third) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(source, third, 10_000);
            out.flush();
            Thread.sleep(300);
        }
        long offset = awaitOffset(upload, third + 10_000);
        assertThat(offset).isEqualTo(third + 10_000);

        var wrongOffset = patch(studio.asOwner(), upload, third, Arrays.copyOfRange(source, third, third + 10));
        assertThat(wrongOffset.statusCode()).isEqualTo(409);
        assertThat(json(wrongOffset).get("type").asString()).endsWith("upload-offset-mismatch");
        assertThat(json(wrongOffset).get("offset").asLong()).isEqualTo(offset);
        var wrongType = studio.asOwner().send(tus(studio.asOwner(), upload).header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/octet-stream").method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        var noTus = studio.asOwner().send(studio.asOwner().request(upload).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(noTus.statusCode()).isEqualTo(412);
        var tooLong = patch(studio.asOwner(), upload, offset, new byte[source.length]);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(awaitOffset(upload, offset)).isEqualTo(offset);

        // Another organization's owner and a fan: the upload and the content are not theirs (404), on either address.
        StudioFixtures.Studio other = fixtures.studio("tus-other");
        String theirs = upload.replace(studio.organizationId(), other.organizationId());
        assertThat(head(other.asOwner(), upload).statusCode()).isEqualTo(404);
        assertThat(head(other.asOwner(), theirs).statusCode()).isEqualTo(404);
        assertThat(patch(other.asOwner(), upload, offset, new byte[] {1}).statusCode()).isEqualTo(404);
        assertThat(patch(other.asOwner(), theirs, offset, new byte[] {1}).statusCode()).isEqualTo(404);
        assertThat(other.asOwner().send(tus(other.asOwner(), contents() + "/" + movie + "/video/uploads").header("Upload-Length", "10")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        assertThat(other.asOwner().send(tus(other.asOwner(), "/api/v1/organizations/" + other.organizationId() + "/contents/" + movie
                + "/video/uploads").header("Upload-Length", "10").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        Users.Signed fan = new Users(http).signUpAndIn("tusfan");
        Http asFan = http.withBearer(fan.token());
        assertThat(head(asFan, upload).statusCode()).isEqualTo(404);
        assertThat(head(studio.asOwner(), upload.replaceAll("[0-9a-f-]{36}$", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
        assertThat(studio.asOwner().send(tus(studio.asOwner(), contents() + "/" + movie + "/video/uploads")
                .header("Upload-Length", "1000000000000000").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(413);

        var rest = patch(studio.asOwner(), upload, offset, Arrays.copyOfRange(source, (int) offset, source.length));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).contains(String.valueOf(source.length));
        String videoId = rest.headers().firstValue("Modo-Video-Id").orElseThrow();
        assertThat(patch(studio.asOwner(), upload, source.length, new byte[0]).statusCode()).isEqualTo(409);

        JsonNode video = json(studio.asOwner().call("GET", contents() + "/" + movie + "/video", null));
        assertThat(video.get("id").asString()).isEqualTo(videoId);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (video.get("state").asString().equals("processing") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            video = json(studio.asOwner().call("GET", contents() + "/" + movie + "/video", null));
        }
        // The pieces made the original file again: it transcodes like the multipart upload of it.
        assertThat(video.get("state").asString()).as(video.toString()).isEqualTo("ready");
        assertThat(video.get("renditions").toString()).isEqualTo("[240]");
        assertThat(video.get("duration_seconds").asDouble()).isBetween(2.5, 3.5);
    }

    private long awaitOffset(String upload, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long offset = -1;
        while (System.nanoTime() < deadline) {
            var head = head(studio.asOwner(), upload);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");
            offset = Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
            if (offset == expected) {
                return offset;
            }
            Thread.sleep(200);
        }
        return offset;
    }

    private static HttpRequest.Builder tus(Http client, String path) {
        return client.request(path).header("Tus-Resumable", "1.0.0");
    }

    private static HttpResponse<String> head(Http client, String upload) {
        return client.send(tus(client, upload).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> patch(Http client, String upload, long offset, byte[] bytes) {
        return client.send(tus(client, upload).header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/offset+octet-stream").method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private String create(String title) {
        var created = studio.asOwner().postJson(contents(), "{\"title\":\"" + title + "\",\"type\":\"movie\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private String contents() {
        return "/api/v1/organizations/" + studio.organizationId() + "/contents";
    }
}
