package id.modo.verse.media;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.RequiredFfmpeg;
import id.modo.verse.support.Users;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static id.modo.verse.support.Users.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ffmpeg entry of /actuator/health: its details for platform admins, nothing but the status for anyone else. */
@IntegrationTest
class FfmpegHealthIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ffmpeg ffmpeg;
    Http http;
    Users users;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
    }

    @Test
    void platformAdminsSeeWhichFfmpegIsUsedWithItsVersionAndEncoders() {
        FfmpegInstallation installation = RequiredFfmpeg.installation(ffmpeg);
        Http asAdmin = http.withBearer(admin().token());

        JsonNode entry = await().atMost(Duration.ofSeconds(60)).until(
                () -> json(asAdmin.get("/actuator/health", "application/json")).get("components").get("ffmpeg"),
                node -> !"UNKNOWN".equals(node.get("status").asString()) || node.get("details").has("source"));

        assertThat(entry.get("status").asString()).isEqualTo("UP");
        JsonNode details = entry.get("details");
        assertThat(details.get("source").asString()).isEqualTo(installation.source().name().toLowerCase());
        assertThat(details.get("version").asString()).isEqualTo(installation.version());
        assertThat(details.get("h264_encoder").asString()).isIn("libx264", "libopenh264");
        assertThat(details.get("libx264").asBoolean() || details.get("libopenh264").asBoolean()).isTrue();
        assertThat(details.get("aac").asBoolean()).isTrue();
    }

    @Test
    void anonymousCallersAndMembersSeeOnlyTheStatus() {
        for (Http caller : new Http[] {http, http.withBearer(users.signUpAndIn("health").token())}) {
            var response = caller.get("/actuator/health", "application/json");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = json(response);
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.has("components")).isFalse();
            assertThat(response.body()).doesNotContain("ffmpeg", "libopenh264", "postgres");
        }
    }

    private Users.Signed admin() {
        Users.Signed signed = users.signUpAndIn("ffmpeg-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(signed.id())).update();
        return new Users.Signed(signed.email(), users.login(signed.email(), PASSWORD), signed.id());
    }
}
