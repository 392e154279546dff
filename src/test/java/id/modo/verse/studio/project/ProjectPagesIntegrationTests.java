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

/**
 * The new-project and overview forms bind the API's create and update requests: the same rules and limits, the words the
 * API takes, the errors next to their fields.
 */
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
        assertThat(none.headers().firstValue("Location").orElseThrow()).endsWith(path + "?notice=added");
        HttpResponse<String> some = session.post(path, page, "user_id=" + writer.id() + "&role=custom&custom_role_title=Penulis"
                + "&permissions=story&permissions=characters&_permissions=on", HTML);
        assertThat(some.headers().firstValue("Location").orElseThrow()).endsWith(path + "?notice=added");
        assertThat(jdbc.sql("select role || ':' || coalesce(custom_role_title, '') || ':' || jsonb_array_length(permissions)"
                + " || ':' || (permissions @> '[\"story\", \"characters\"]'::jsonb) from project_collaborators"
                + " where project_id = ?::uuid and user_id = ?::uuid").params(project, writer.id()).query(String.class).single())
                .isEqualTo("custom:Penulis:2:true");
        assertThat(jdbc.sql("select role || ':' || jsonb_array_length(permissions) from project_collaborators"
                + " where project_id = ?::uuid and user_id = ?::uuid").params(project, editor.id()).query(String.class).single())
                .isEqualTo("head_creative:0");

        // A role changes through the page as through the API; the only producer is offered neither change nor removal.
        HttpResponse<String> team = session.get(path + "?lang=en");
        assertThat(team.body()).contains("action=\"" + path + "/" + writer.id() + "\"", "action=\"" + path + "/" + writer.id() + "/remove\"",
                        "The project's only producer")
                .doesNotContain("action=\"" + path + "/" + studio.owner().id() + "/remove\"", "action=\"" + path + "/" + studio.owner().id() + "\"");
        HttpResponse<String> changed = session.post(path + "/" + writer.id(), team, "role=story_supervisor&permissions=story&_permissions=on", HTML);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith(path + "?notice=changed");
        assertThat(jdbc.sql("select role || ':' || coalesce(custom_role_title, '') || ':' || permissions::text from project_collaborators"
                + " where project_id = ?::uuid and user_id = ?::uuid").params(project, writer.id()).query(String.class).single())
                .isEqualTo("story_supervisor::[\"story\"]");
        assertThat(session.get(path + "?notice=changed&lang=en").body()).contains("The role is changed.");
        HttpResponse<String> badRole = session.post(path + "/" + writer.id(), team, "role=emperor&_permissions=on", HTML);
        assertThat(badRole.headers().firstValue("Location").orElseThrow()).endsWith(path + "?error=choice");

        HttpResponse<String> lastProducer = session.post(path + "/" + studio.owner().id() + "/remove", team, "", HTML);
        assertThat(lastProducer.headers().firstValue("Location").orElseThrow()).endsWith(path + "?error=producer");
        HttpResponse<String> demoteLast = session.post(path + "/" + studio.owner().id(), team, "role=head_creative&_permissions=on", HTML);
        assertThat(demoteLast.headers().firstValue("Location").orElseThrow()).endsWith(path + "?error=producer");
        assertThat(session.get(path + "?error=producer&lang=en").body()).contains("A project needs a producer");
        HttpResponse<String> promoted = session.post(path + "/" + writer.id(), team,
                "role=ip_producer&permissions=story&permissions=team&_permissions=on", HTML);
        assertThat(promoted.headers().firstValue("Location").orElseThrow()).endsWith(path + "?notice=changed");
        assertThat(session.get(path).body()).contains("action=\"" + path + "/" + studio.owner().id() + "/remove\"");
    }

    @Test
    void theOverviewFormBindsTheApisUpdateRequestWithItsListsAndRefusesWhatTheApiRefusesNextToTheField() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("overview-form");
        String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Kancil Overview", "private");
        PageSession session = PageSession.signIn(new Http(port), studio.owner());
        String path = "/projects/" + project;
        HttpResponse<String> page = session.get(path);

        HttpResponse<String> saved = session.post(path, page, overview("https://cdn.example.id/a.png\r\n\r\n  https://cdn.example.id/b,2.png  ",
                "#1A2B3C, #ffffff\n#000000", "2027-03-01", "Studio Kancil"), HTML);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(path + "?saved=true");
        assertThat(stored(project)).isEqualTo("Kancil Baru|[\"https://cdn.example.id/a.png\", \"https://cdn.example.id/b,2.png\"]"
                + "|[\"#1a2b3c\", \"#ffffff\", \"#000000\"]|2027-03-01|animation|team|Studio Kancil");

        String tooMany = String.join(",", java.util.Collections.nCopies(25, "#abcdef"));
        String manyLogos = String.join("\n", java.util.Collections.nCopies(21, "https://cdn.example.id/l.png"));
        String[][] refused = {
                {overview("https://cdn.example.id/a.png", tooMany, "", "S"), "color_palette", "Enter at most 24 colours"},
                {overview("https://cdn.example.id/a.png", "#12345", "", "S"), "color_palette", "Enter at most 24 colours"},
                {overview("ftp://cdn.example.id/a.png", "#123456", "", "S"), "brand_logos", "Enter at most 20 web addresses"},
                {overview(manyLogos, "#123456", "", "S"), "brand_logos", "Enter at most 20 web addresses"},
                {overview("https://cdn.example.id/" + "x".repeat(2000), "#123456", "", "S"), "brand_logos", "Enter at most 20 web addresses"},
                {overview("", "", "2027-02-30", "S"), "production_date", "Enter a date as year-month-day."},
                {overview("", "", "", "S".repeat(256)), "studio_name", "This is longer than 255 characters."},
                {overview("", "", "", "S").replace("format=animation", "format=opera"), "format", "Choose one of the listed values."},
                {overview("", "", "", "S").replace("title=Kancil+Baru", "title=+++"), "title", "Give the project a title"}};
        for (String[] bad : refused) {
            HttpResponse<String> answer = session.post(path, page, bad[0], HTML);
            assertThat(answer.statusCode()).as(bad[1]).isEqualTo(400);
            assertThat(answer.body()).as(bad[1])
                    .containsPattern("name=\"" + bad[1] + "\"[^>]*aria-invalid=\"true\"")
                    .containsPattern("(?s)id=\"project-" + bad[1] + "\".{0,1500}?class=\"field__error\">" + java.util.regex.Pattern.quote(bad[2]));
        }
        assertThat(stored(project)).as("nothing refused was saved").isEqualTo("Kancil Baru|[\"https://cdn.example.id/a.png\", "
                + "\"https://cdn.example.id/b,2.png\"]|[\"#1a2b3c\", \"#ffffff\", \"#000000\"]|2027-03-01|animation|team|Studio Kancil");

        HttpResponse<String> cleared = session.post(path, page, overview("", "", "", ""), HTML);
        assertThat(cleared.statusCode()).isEqualTo(302);
        assertThat(stored(project)).isEqualTo("Kancil Baru|[]|[]||animation|team|");
    }

    private static String overview(String logos, String palette, String date, String studioName) {
        return "title=Kancil+Baru&description=Sebuah+fabel&genre=Fable&sub_genre=&target_audience=&target_market=&ip_owner="
                + "&format=animation&visibility=team&studio_name=" + encode(studioName) + "&production_date=" + encode(date)
                + "&brand_logos=" + encode(logos) + "&color_palette=" + encode(palette);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String stored(String project) {
        return jdbc.sql("select title || '|' || brand_logos::text || '|' || color_palette::text || '|' || coalesce(production_date::text, '')"
                + " || '|' || coalesce(format, '') || '|' || visibility || '|' || coalesce(studio_name, '') from projects where id = ?::uuid")
                .param(project).query(String.class).single();
    }
}
