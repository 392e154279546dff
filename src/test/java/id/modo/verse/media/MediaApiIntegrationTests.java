package id.modo.verse.media;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The assets API and the file URLs over HTTP, with the local store. */
@IntegrationTest
class MediaApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedUrls signedUrls;

    Http http;
    Http owner;
    String org;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        Users.Signed signed = new Users(http).signUpAndIn("media-api");
        owner = http.withBearer(signed.token());
        var created = owner.postJson("/api/v1/organizations", "{\"name\":\"Media API\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        org = Http.json(created).get("id").asString();
    }

    @Test
    void uploadListGetSignedUrlRangeAndDelete() {
        byte[] video = fakeMp4(200_000);
        HttpResponse<String> uploaded = upload(owner, new Multipart().file("file", "trailer.bin", "application/octet-stream", video)
                .field("category", "reference"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode asset = Http.json(uploaded);
        String id = asset.get("id").asString();
        assertThat(asset.get("type").asString()).isEqualTo("video");
        assertThat(asset.get("mime_type").asString()).isEqualTo("video/mp4");
        assertThat(asset.get("size_bytes").asLong()).isEqualTo(video.length);
        assertThat(asset.get("visibility").asString()).isEqualTo("private");
        assertThat(uploaded.headers().firstValue("Location")).contains("/api/v1/assets/" + id);

        JsonNode page = Http.json(owner.get("/api/v1/organizations/" + org + "/assets?type=video", "application/json"));
        assertThat(page.get("items")).hasSize(1);
        assertThat(owner.get("/api/v1/assets/" + id, "application/json").statusCode()).isEqualTo(200);

        String url = pathOf(Http.json(owner.call("POST", "/api/v1/assets/" + id + "/signed-url?expires_in=60", null)).get("url").asString());
        // Anyone holding the link gets the bytes, without credentials.
        HttpResponse<byte[]> whole = bytes(http.request(url).GET());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private, max-age=");
        assertThat(whole.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
        assertThat(whole.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<byte[]> part = bytes(http.request(url).header("Range", "bytes=1000-1999").GET());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-1999/" + video.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 1000, 2000));

        HttpResponse<byte[]> tail = bytes(http.request(url).header("Range", "bytes=-100").GET());
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(video, video.length - 100, video.length));

        HttpResponse<byte[]> outside = bytes(http.request(url).header("Range", "bytes=" + video.length + "-").GET());
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).contains("bytes */" + video.length);

        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(bytes(http.request(url).header("If-None-Match", etag).GET()).statusCode()).isEqualTo(304);

        assertThat(owner.call("DELETE", "/api/v1/assets/" + id, null).statusCode()).isEqualTo(204);
        assertThat(owner.get("/api/v1/assets/" + id, "application/json").statusCode()).isEqualTo(404);
        assertThat(bytes(http.request(url).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedUrlStopsWorkingAfterItsExpiryAndCannotBeForged() {
        String id = Http.json(upload(owner, new Multipart().file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf())))
                .get("id").asString();
        long past = Instant.now().getEpochSecond() - 1;
        String expired = "/media/" + id + "?expires=" + past + "&signature=" + signedUrls.sign(AssetId.of(UUID.fromString(id)), past);
        assertThat(bytes(http.request(expired).GET()).statusCode()).isEqualTo(410);

        long future = Instant.now().getEpochSecond() + 600;
        String valid = signedUrls.sign(AssetId.of(UUID.fromString(id)), future);
        assertThat(bytes(http.request("/media/" + id + "?expires=" + future + "&signature=" + valid).GET()).statusCode()).isEqualTo(200);
        // The signature of one expiry does not carry over to a later one, nor to another asset.
        assertThat(bytes(http.request("/media/" + id + "?expires=" + (future + 3600) + "&signature=" + valid).GET()).statusCode())
                .isEqualTo(403);
        assertThat(bytes(http.request("/media/" + id).GET()).statusCode()).isEqualTo(403);
        assertThat(bytes(http.request("/media/" + UUID.randomUUID() + "?expires=" + future + "&signature=" + valid).GET()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void publicFilesHaveStableCacheableUrlsAndThumbnails() {
        HttpResponse<String> uploaded = upload(owner, new Multipart().file("file", "logo.png", "image/png", MediaTestFiles.png(800, 400))
                .field("visibility", "public").field("category", "logo"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode asset = Http.json(uploaded);
        assertThat(asset.get("urls_expire_at").isNull()).isTrue();
        String url = pathOf(asset.get("url").asString());
        assertThat(url).doesNotContain("signature");
        HttpResponse<byte[]> file = bytes(http.request(url).GET());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public, max-age=");
        String etag = file.headers().firstValue("ETag").orElseThrow();
        assertThat(bytes(http.request(url).header("If-None-Match", etag).GET()).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> thumbnail = bytes(http.request(pathOf(asset.get("thumbnail_url").asString())).GET());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.body().length).isLessThan(file.body().length);
    }

    @Test
    void badUploadsGetClearProblems() {
        HttpResponse<String> html = upload(owner, new Multipart().file("file", "photo.jpg", "image/jpeg", MediaTestFiles.html()));
        assertThat(html.statusCode()).isEqualTo(415);
        assertThat(html.body()).contains("unsupported-file-type").contains("text/html");

        HttpResponse<String> noFile = upload(owner, new Multipart().field("category", "x"));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("\"file\"");

        HttpResponse<String> badProject = upload(owner, new Multipart().file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf())
                .field("project_id", "not-a-uuid"));
        assertThat(badProject.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownProject = upload(owner, new Multipart().file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf())
                .field("project_id", UUID.randomUUID().toString()));
        assertThat(unknownProject.statusCode()).as(unknownProject.body()).isEqualTo(400);
        // Another organization's project is refused like a missing one (Studio's ProjectDirectory), not filed under it.
        StudioFixtures studios = new StudioFixtures(http, jdbc);
        StudioFixtures.Studio other = studios.studio("media-other");
        String foreignProject = studios.project(other.asOwner(), other.organizationId(), "Foreign", "team");
        HttpResponse<String> foreign = upload(owner, new Multipart().file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf())
                .field("project_id", foreignProject));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from assets where project_id = cast(? as uuid)").param(foreignProject)
                .query(Integer.class).single()).isZero();
        HttpResponse<String> badCategory = upload(owner, new Multipart().file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf())
                .field("category", "<script>"));
        assertThat(badCategory.statusCode()).isEqualTo(400);

        HttpResponse<String> json = owner.postJson("/api/v1/organizations/" + org + "/assets", "{}");
        assertThat(json.statusCode()).isEqualTo(415);

        jdbc.sql("update organizations set storage_limit_bytes = 100 where id = cast(? as uuid)").param(org).update();
        HttpResponse<String> full = upload(owner, new Multipart().file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf()));
        assertThat(full.statusCode()).isEqualTo(413);
        assertThat(full.body()).contains("storage-quota-exceeded").contains("\"remaining_bytes\":100");
        assertThat(Http.json(full).get("resource").asString()).isEqualTo("storage_bytes");
        assertThat(Http.json(full).get("limit").asLong()).isEqualTo(100);
        assertThat(Http.json(full).get("used").asLong()).isZero();
        assertThat(Http.json(full).get("plan").asString()).isEqualTo("byok");
        assertThat(Http.json(full).get("upgrade_url").asString()).isEqualTo("/organizations/" + org + "/billing");

        assertThat(owner.get("/api/v1/organizations/" + org + "/assets?limit=0", "application/json").statusCode()).isEqualTo(400);
        assertThat(owner.get("/api/v1/organizations/" + org + "/assets?cursor=bogus", "application/json").statusCode()).isEqualTo(400);
        assertThat(owner.get("/api/v1/organizations/" + org + "/assets?type=spreadsheet", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void largeMultipartBodiesAreOnlyTakenOnUploadPaths() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        HttpResponse<String> elsewhere = owner.send(new Multipart().file("file", "a.bin", "application/octet-stream", twoMegabytes)
                .post(owner.request("/api/v1/organizations/" + org)));
        assertThat(elsewhere.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> upload(Http client, Multipart form) {
        return client.send(form.post(client.request("/api/v1/organizations/" + org + "/assets")));
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** An ISO base media file ("ftyp" box of an MP4) followed by filler: what Tika's magic recognises as video/mp4. */
    static byte[] fakeMp4(int size) {
        byte[] bytes = new byte[size];
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i', 's', 'o', 'm'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }
}
