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

    @Test
    void theTeamFormBindsTheApisCollaboratorRequestAndRefusesWhatItRefuses() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("team-form");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Tim Kancil", "team");
        var editor = fixtures.member(studio, "editor");
        var writer = fixtures.member(studio, "editor");
        PageSession session = PageSession.signIn(new Http(port), studio.owner());
        String path = "/projects/" + project + "/team";
        HttpResponse<String> page = session.get(path);
        assertThat(page.body()).contains("name=\"user_id\"", "name=\"_permissions\"");

        for (String refused : new String[] {"user_id=nobody&role=head_creative&_permissions=on",
                "user_id=" + editor.id() + "&role=emperor&_permissions=on",
                "user_id=" + editor.id() + "&role=custom&custom_role_title=&_permissions=on",
                "user_id=" + editor.id() + "&role=custom&custom_role_title=" + "t".repeat(101) + "&_permissions=on",
                "user_id=" + editor.id() + "&role=head_creative&permissions=everything&_permissions=on"}) {
            HttpResponse<String> answer = session.post(path, page, refused, HTML);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(refused).endsWith(path + "?error=choice");
        }
        assertThat(jdbc.sql("select count(*) from project_collaborators where project_id = ?::uuid and user_id = ?::uuid")
                .params(project, editor.id()).query(Integer.class).single()).isZero();

        HttpResponse<String> none = session.post(path, page, "user_id=" + editor.id() + "&role=head_creative&_permissions=on", HTML);
        assertThat(none.headers().firstValue("Location").orElseThrow()).endsWith(path);
        HttpResponse<String> some = session.post(path, page, "user_id=" + writer.id() + "&role=custom&custom_role_title=Penulis"
                + "&permissions=story&permissions=characters&_permissions=on", HTML);
        assertThat(some.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(jdbc.sql("select role || ':' || coalesce(custom_role_title, '') || ':' || jsonb_array_length(permissions)"
                + " || ':' || (permissions @> '[\"story\", \"characters\"]'::jsonb) from project_collaborators"
                + " where project_id = ?::uuid and user_id = ?::uuid").params(project, writer.id()).query(String.class).single())
                .isEqualTo("custom:Penulis:2:true");
        assertThat(jdbc.sql("select role || ':' || jsonb_array_length(permissions) from project_collaborators"
                + " where project_id = ?::uuid and user_id = ?::uuid").params(project, editor.id()).query(String.class).single())
                .isEqualTo("head_creative:0");
    }
}
