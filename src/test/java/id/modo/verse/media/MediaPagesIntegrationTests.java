package id.modo.verse.media;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The media library page's upload form takes only the visibilities it offers, as the API does. */
@IntegrationTest
class MediaPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnknownVisibilityIsRefusedWithTheReasonNotStoredAsPrivate() {
        Http http = new Http(port);
        Users.Signed owner = new Users(http).signUpAndIn("media-page");
        HttpResponse<String> created = http.withBearer(owner.token()).postJson("/api/v1/organizations", "{\"name\":\"Media page\"}");
        String org = Http.json(created).get("id").asString();
        PageSession session = PageSession.signIn(http, owner);
        String path = "/organizations/" + org + "/media";
        HttpResponse<String> library = session.get(path);
        String csrf = library.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String xsrf = library.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .map(c -> "; " + c.substring(0, c.indexOf(';'))).orElse("");

        HttpResponse<String> refused = upload(http, session, path, xsrf, csrf, "everyone");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Choose who may see the file: private or public.");
        assertThat(count(org)).isZero();

        HttpResponse<String> taken = upload(http, session, path, xsrf, csrf, "public");
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select visibility from assets where organization_id = ?").param(UUID.fromString(org))
                .query(String.class).single()).isEqualTo("public");
    }

    private HttpResponse<String> upload(Http http, PageSession session, String path, String xsrf, String csrf, String visibility) {
        return http.send(new Multipart().file("file", "note.txt", "text/plain", "Kancil".getBytes())
                .field("visibility", visibility).field("_csrf", csrf)
                .post(http.request(path).header("Accept", PageSession.HTML).header("Cookie", session.cookie() + xsrf)));
    }

    private int count(String org) {
        return jdbc.sql("select count(*) from assets where organization_id = ?").param(UUID.fromString(org)).query(Integer.class).single();
    }
}
