package id.modo.verse.studio;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second tenancy matrix: what a collaborator granted only the {@code story} section (a story supervisor who is an
 * editor in the organization) may do on every project-scoped endpoint of a {@code private} project. Each feature adds
 * its rows: reads 200, writes to its section 403 unless the section is story. {@code {projectId}} is a fresh private
 * project with the supervisor on its team; {@code {supervisorId}} the supervisor.
 */
@IntegrationTest
class SectionPermissionMatrixIntegrationTests {

    record Row(String method, String path, String body, int expected) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Row> ROWS = List.of(
            new Row("GET", "/api/v1/projects/{projectId}", null, 200),
            new Row("PATCH", "/api/v1/projects/{projectId}", "{\"description\":\"No\"}", 403),
            new Row("DELETE", "/api/v1/projects/{projectId}", null, 403),
            new Row("POST", "/api/v1/projects/{projectId}/status", "{\"status\":\"in_progress\"}", 403),
            new Row("GET", "/api/v1/projects/{projectId}/collaborators", null, 200),
            new Row("POST", "/api/v1/projects/{projectId}/collaborators",
                    "{\"user_id\":\"{supervisorId}\",\"role\":\"head_creative\",\"permissions\":[\"team\"]}", 403),
            new Row("PATCH", "/api/v1/projects/{projectId}/collaborators/{supervisorId}", "{\"permissions\":[\"story\",\"team\"]}", 403),
            new Row("DELETE", "/api/v1/projects/{projectId}/collaborators/{supervisorId}", null, 403),
            new Row("GET", "/api/v1/projects/{projectId}/story", null, 200),
            new Row("PATCH", "/api/v1/projects/{projectId}/story", "{\"base_version\":0,\"premise\":\"Yes\"}", 200),
            new Row("PUT", "/api/v1/projects/{projectId}/story/beats", "{\"base_version\":0,\"structure\":\"harmon\"}", 200),
            new Row("PUT", "/api/v1/projects/{projectId}/story/want-need",
                    "{\"base_version\":0,\"want\":{\"achieved\":true},\"need\":{\"achieved\":true}}", 200),
            new Row("GET", "/api/v1/projects/{projectId}/versions", null, 200),
            // Characters and universe: the story supervisor reads them but changes nothing.
            new Row("GET", "/api/v1/projects/{projectId}/characters", null, 200),
            new Row("POST", "/api/v1/projects/{projectId}/characters", "{\"name\":\"No\"}", 403),
            new Row("PUT", "/api/v1/projects/{projectId}/characters/order", "{\"character_ids\":[]}", 403),
            new Row("GET", "/api/v1/projects/{projectId}/universe", null, 200),
            new Row("PATCH", "/api/v1/projects/{projectId}/universe", "{\"name\":\"No\",\"base_versions\":{\"details\":0}}", 403),
            // Files: listed like the rest; which files the supervisor may change is ProjectFilesIntegrationTests' matter.
            new Row("GET", "/api/v1/projects/{projectId}/assets", null, 200));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoryOnlyCollaboratorEditsTheStoryAndNothingElse() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("sections");
        Users.Signed supervisor = fixtures.member(studio, "editor");
        Http asSupervisor = new Http(port).withBearer(supervisor.token());
        List<String> mismatches = new ArrayList<>();
        for (Row row : ROWS) {
            String project = fixtures.project(studio.asOwner(), studio.organizationId(), "Sections", "private");
            fixtures.collaborator(studio, project, supervisor.id(), "story_supervisor", "story");
            String path = row.path().replace("{projectId}", project).replace("{supervisorId}", supervisor.id());
            String body = row.body() == null ? null : row.body().replace("{supervisorId}", supervisor.id());
            var response = asSupervisor.call(row.method(), path, body);
            if (response.statusCode() != row.expected()) {
                mismatches.add(row + ": expected " + row.expected() + " but got " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
