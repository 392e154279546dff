package id.modo.verse.media;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's files follow the project: the section a file's category names decides who may add
 * and remove it, and whoever may not see the project sees none of its files, through any endpoint.
 */
@IntegrationTest
class ProjectFilesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    StudioFixtures studios;
    StudioFixtures.Studio studio;
    Http http;

    @BeforeEach
    void studio() {
        http = new Http(port);
        studios = new StudioFixtures(http, jdbc);
        studio = studios.studio("project-files");
    }

    @Test
    void aStorySupervisorChangesTheStorysFilesButNotTheCharactersOrTheProjectsOwn() {
        String project = studios.project(studio.asOwner(), studio.organizationId(), "Files", "team");
        Users.Signed sinta = studios.member(studio, "editor");
        studios.collaborator(studio, project, sinta.id(), "story_supervisor", "story");
        Http supervisor = http.withBearer(sinta.token());

        HttpResponse<String> story = upload(supervisor, project, new Multipart()
                .file("file", "beat-sheet.pdf", "application/pdf", MediaTestFiles.pdf()).field("category", "story"));
        assertThat(story.statusCode()).as(story.body()).isEqualTo(201);
        JsonNode storyFile = Http.json(story);
        assertThat(storyFile.get("project_id").asString()).isEqualTo(project);
        assertThat(storyFile.get("category").asString()).isEqualTo("story");

        HttpResponse<String> character = upload(supervisor, project, new Multipart()
                .file("file", "kancil.png", "image/png", MediaTestFiles.png(40, 30)).field("category", "character"));
        assertThat(character.statusCode()).as(character.body()).isEqualTo(403);
        assertThat(character.body()).contains("characters");
        HttpResponse<String> logo = upload(supervisor, project, new Multipart()
                .file("file", "logo.png", "image/png", MediaTestFiles.png(40, 30)).field("category", "logo"));
        assertThat(logo.statusCode()).as(logo.body()).isEqualTo(403);
        // Through the organization's endpoint the same rules hold.
        HttpResponse<String> viaOrganization = studio.asOwner().send(new Multipart()
                .file("file", "kancil.png", "image/png", MediaTestFiles.png(40, 30)).field("category", "character")
                .field("project_id", project)
                .post(supervisor.request("/api/v1/organizations/" + studio.organizationId() + "/assets")));
        assertThat(viaOrganization.statusCode()).as(viaOrganization.body()).isEqualTo(403);
        assertThat(count(project)).isEqualTo(1);

        HttpResponse<String> ownersPicture = upload(studio.asOwner(), project, new Multipart()
                .file("file", "kancil.png", "image/png", MediaTestFiles.png(40, 30)).field("category", "character"));
        assertThat(ownersPicture.statusCode()).as(ownersPicture.body()).isEqualTo(201);
        String picture = Http.json(ownersPicture).get("id").asString();
        assertThat(Http.json(ownersPicture).get("has_thumbnail").asBoolean()).isTrue();

        JsonNode listed = Http.json(supervisor.get("/api/v1/projects/" + project + "/assets?type=image", "application/json"));
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(picture);

        HttpResponse<String> signed = supervisor.postJson("/api/v1/projects/" + project + "/assets/" + picture + "/signed-url?expires_in=60", "");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        String url = Http.json(signed).get("url").asString();
        assertThat(http.get(url.substring(url.indexOf("/media/")), "*/*").statusCode()).isEqualTo(200);

        assertThat(supervisor.call("DELETE", "/api/v1/projects/" + project + "/assets/" + picture, null).statusCode()).isEqualTo(403);
        assertThat(supervisor.call("DELETE", "/api/v1/assets/" + picture, null).statusCode()).isEqualTo(403);
        assertThat(supervisor.call("DELETE", "/api/v1/projects/" + project + "/assets/" + storyFile.get("id").asString(), null)
                .statusCode()).isEqualTo(204);
        assertThat(studio.asOwner().call("DELETE", "/api/v1/projects/" + project + "/assets/" + picture, null).statusCode())
                .isEqualTo(204);
        assertThat(count(project)).isZero();
        assertThat(jdbc.sql("select storage_used_bytes from organizations where id = cast(? as uuid)").param(studio.organizationId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theFilesOfAPrivateProjectAreHiddenFromMembersWhoAreNotOnIt() {
        String secret = studios.project(studio.asOwner(), studio.organizationId(), "Secret", "private");
        String open = studios.project(studio.asOwner(), studio.organizationId(), "Open", "team");
        String hidden = Http.json(upload(studio.asOwner(), secret, new Multipart()
                .file("file", "twist.pdf", "application/pdf", MediaTestFiles.pdf()).field("category", "story"))).get("id").asString();
        String shown = Http.json(upload(studio.asOwner(), open, new Multipart()
                .file("file", "premise.pdf", "application/pdf", MediaTestFiles.pdf()).field("category", "story"))).get("id").asString();
        Http editor = http.withBearer(studios.member(studio, "editor").token());

        assertThat(ids(editor.get("/api/v1/organizations/" + studio.organizationId() + "/assets", "application/json")))
                .containsExactly(shown);
        assertThat(ids(editor.get("/api/v1/organizations/" + studio.organizationId() + "/assets?project_id=" + secret,
                "application/json"))).isEmpty();
        HttpResponse<String> missing = editor.get("/api/v1/assets/" + java.util.UUID.randomUUID(), "application/json");
        HttpResponse<String> direct = editor.get("/api/v1/assets/" + hidden, "application/json");
        assertThat(direct.statusCode()).isEqualTo(404);
        assertThat(Http.json(direct).get("detail")).isEqualTo(Http.json(missing).get("detail"));
        assertThat(editor.get("/api/v1/projects/" + secret + "/assets", "application/json").statusCode()).isEqualTo(404);
        assertThat(editor.postJson("/api/v1/assets/" + hidden + "/signed-url", "").statusCode()).isEqualTo(404);
        assertThat(editor.call("DELETE", "/api/v1/assets/" + hidden, null).statusCode()).isEqualTo(404);
        HttpResponse<String> filedUnderSecret = editor.send(new Multipart()
                .file("file", "x.pdf", "application/pdf", MediaTestFiles.pdf()).field("project_id", secret)
                .post(editor.request("/api/v1/organizations/" + studio.organizationId() + "/assets")));
        assertThat(filedUnderSecret.statusCode()).as(filedUnderSecret.body()).isEqualTo(400);

        // A file asked for through another project's address is not found there.
        assertThat(studio.asOwner().get("/api/v1/projects/" + open + "/assets/" + hidden + "/signed-url", "application/json")
                .statusCode()).isEqualTo(404);

        // In the trash, a project's files are hidden even from its owner, and come back with it.
        assertThat(studio.asOwner().call("DELETE", "/api/v1/projects/" + open, null).statusCode()).isEqualTo(204);
        assertThat(ids(studio.asOwner().get("/api/v1/organizations/" + studio.organizationId() + "/assets", "application/json")))
                .containsExactly(hidden);
        assertThat(studio.asOwner().get("/api/v1/assets/" + shown, "application/json").statusCode()).isEqualTo(404);
        assertThat(studio.asOwner().postJson("/api/v1/projects/" + open + "/restore", "").statusCode()).isEqualTo(200);
        assertThat(studio.asOwner().get("/api/v1/assets/" + shown, "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void aProjectsLogoIsAPictureOfItsOrganizationAndTheOneItReplacesIsRemoved() {
        String project = studios.project(studio.asOwner(), studio.organizationId(), "Logos", "team");
        String first = Http.json(upload(studio.asOwner(), project, new Multipart()
                .file("file", "logo.png", "image/png", MediaTestFiles.png(64, 64)).field("category", "logo"))).get("id").asString();
        HttpResponse<String> set = studio.asOwner().call("PATCH", "/api/v1/projects/" + project, "{\"logo\":\"/media/" + first + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Http.json(set).get("logo").asString()).isEqualTo("/media/" + first);

        String document = Http.json(upload(studio.asOwner(), project, new Multipart()
                .file("file", "brief.pdf", "application/pdf", MediaTestFiles.pdf()).field("category", "brief"))).get("id").asString();
        HttpResponse<String> notAPicture = studio.asOwner().call("PATCH", "/api/v1/projects/" + project,
                "{\"thumbnail_mood\":\"/media/" + document + "\"}");
        assertThat(notAPicture.statusCode()).isEqualTo(400);
        assertThat(notAPicture.body()).contains("thumbnail_mood").contains("not a picture");
        StudioFixtures.Studio other = studios.studio("project-files-other");
        String otherProject = studios.project(other.asOwner(), other.organizationId(), "Other", "team");
        String foreign = Http.json(upload(other.asOwner(), otherProject, new Multipart()
                .file("file", "logo.png", "image/png", MediaTestFiles.png(64, 64)).field("category", "logo"))).get("id").asString();
        HttpResponse<String> foreignLogo = studio.asOwner().call("PATCH", "/api/v1/projects/" + project,
                "{\"studio_logo\":\"/media/" + foreign + "\"}");
        assertThat(foreignLogo.statusCode()).isEqualTo(400);
        assertThat(foreignLogo.body()).contains("studio_logo");
        assertThat(studio.asOwner().call("PATCH", "/api/v1/projects/" + project, "{\"logo\":\"/media/not-an-id\"}").statusCode())
                .isEqualTo(400);

        String second = Http.json(upload(studio.asOwner(), project, new Multipart()
                .file("file", "logo-2.png", "image/png", MediaTestFiles.png(80, 80)).field("category", "logo"))).get("id").asString();
        assertThat(studio.asOwner().call("PATCH", "/api/v1/projects/" + project, "{\"logo\":\"/media/" + second + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from assets where id = cast(? as uuid)").param(first).query(Integer.class).single()).isZero();
        assertThat(studio.asOwner().call("PATCH", "/api/v1/projects/" + project, "{\"logo\":\"https://cdn.example.id/logo.png\"}")
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from assets where id = cast(? as uuid)").param(second).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from assets where id = cast(? as uuid)").param(document).query(Integer.class).single()).isOne();
    }

    @Test
    void badProjectUploadsGetClearProblems() {
        String project = studios.project(studio.asOwner(), studio.organizationId(), "Bad input", "team");
        HttpResponse<String> json = studio.asOwner().postJson("/api/v1/projects/" + project + "/assets", "{}");
        assertThat(json.statusCode()).isEqualTo(415);
        HttpResponse<String> noFile = upload(studio.asOwner(), project, new Multipart().field("category", "story"));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("\"file\"");
        HttpResponse<String> badCategory = upload(studio.asOwner(), project, new Multipart()
                .file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf()).field("category", "Story Beats!"));
        assertThat(badCategory.statusCode()).isEqualTo(400);
        HttpResponse<String> html = upload(studio.asOwner(), project, new Multipart()
                .file("file", "a.pdf", "application/pdf", MediaTestFiles.html()).field("category", "story"));
        assertThat(html.statusCode()).isEqualTo(415);
        assertThat(upload(studio.asOwner(), java.util.UUID.randomUUID().toString(), new Multipart()
                .file("file", "a.pdf", "application/pdf", MediaTestFiles.pdf())).statusCode()).isEqualTo(404);
        assertThat(studio.asOwner().get("/api/v1/projects/" + project + "/assets?limit=101", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(count(project)).isZero();
    }

    private HttpResponse<String> upload(Http client, String project, Multipart form) {
        return client.send(form.post(client.request("/api/v1/projects/" + project + "/assets")));
    }

    private int count(String project) {
        return jdbc.sql("select count(*) from assets where project_id = cast(? as uuid)").param(project).query(Integer.class).single();
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return Http.json(page).get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
