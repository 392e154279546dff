package id.modo.verse.media;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole app with MODO_MEDIA_STORAGE=s3 against a real S3 API server: upload, thumbnail, ranges, delete. */
@IntegrationTest
class MediaS3IntegrationTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        S3MockServer.useFor(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    FileStorage storage;

    @Test
    void filesGoToTheBucketAndComeBackWithRangesAndLeaveWithTheirAsset() throws Exception {
        assertThat(storage).isInstanceOf(S3FileStorage.class);
        Http http = new Http(port);
        Http owner = http.withBearer(new Users(http).signUpAndIn("media-s3").token());
        String org = Http.json(owner.postJson("/api/v1/organizations", "{\"name\":\"Media S3\"}")).get("id").asString();

        HttpResponse<String> uploaded = owner.send(new Multipart().file("file", "poster.jpg", "image/jpeg", MediaTestFiles.jpeg(900, 600))
                .post(owner.request("/api/v1/organizations/" + org + "/assets")));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode asset = Http.json(uploaded);
        String id = asset.get("id").asString();
        long size = asset.get("size_bytes").asLong();
        String key = org + "/" + id + "/original";
        try (S3Client s3 = MediaConfiguration.s3Client(S3MockServer.get().settings())) {
            assertThat(s3.headObject(b -> b.bucket(S3MockServer.BUCKET).key(key)).contentLength()).isEqualTo(size);
            assertThat(s3.headObject(b -> b.bucket(S3MockServer.BUCKET).key(org + "/" + id + "/thumbnail")).contentLength()).isPositive();
        }

        HttpClient client = HttpClient.newHttpClient();
        String url = path(asset.get("url").asString());
        HttpResponse<byte[]> whole = client.send(http.request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).hasSize((int) size);
        HttpResponse<byte[]> part = client.send(http.request(url).header("Range", "bytes=100-199").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, 200));
        HttpResponse<byte[]> thumbnail = client.send(http.request(path(asset.get("thumbnail_url").asString())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/jpeg");

        assertThat(owner.call("DELETE", "/api/v1/assets/" + id, null).statusCode()).isEqualTo(204);
        assertThat(storage.size(key)).isEqualTo(-1);
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
