package id.modo.verse.studio.project;

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

/** The new-project form binds the API's create request: the same title rules, the visibility words the API takes. */
@IntegrationTest
class ProjectPagesIntegrationTests {

    private static final String HTML = "text/html";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFormCreatesWithTheChosenVisibilityAndSendsABlankOrLongTitleBackWithItsError() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("create-form");
        PageSession session = PageSession.signIn(new Http(port), studio.owner());
        String path = "/organizations/" + studio.organizationId() + "/projects";
        HttpResponse<String> page = session.get(path);

        HttpResponse<String> created = session.post(path, page, "title=Si+Kancil&visibility=team", HTML);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/projects/[0-9a-f-]{36}$");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select visibility from projects where id = ?::uuid").param(id).query(String.class).single()).isEqualTo("team");

        HttpResponse<String> odd = session.post(path, page, "title=Kancil+Dua&visibility=everyone", HTML);
        String oddId = odd.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(jdbc.sql("select visibility from projects where id = ?::uuid").param(oddId).query(String.class).single()).isEqualTo("private");

        for (String title : new String[] {"", "+++", "x".repeat(256)}) {
            HttpResponse<String> refused = session.post(path, page, "title=" + title + "&visibility=private", HTML);
            assertThat(refused.statusCode()).as(title).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as(title).endsWith(path + "?error=title");
        }
    }
}
