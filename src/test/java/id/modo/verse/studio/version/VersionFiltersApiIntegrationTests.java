package id.modo.verse.studio.version;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions list filters by {@code entity_type} and {@code entity_id}, the names the API document gives them
 * (they were bound as entityType and entityId, so the documented names were ignored and every version came back).
 */
@IntegrationTest
class VersionFiltersApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDocumentedSnakeCaseFiltersSelectOneEntitysVersions() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("version-filters");
        Http owner = studio.asOwner();
        String project = fixtures.project(owner, studio.organizationId(), "Kancil dan Buaya", "team");
        String kancil = character(owner, project, "Kancil");
        String buaya = character(owner, project, "Buaya");
        String versions = "/api/v1/projects/" + project + "/versions";

        assertThat(entities(owner, versions)).contains(kancil, buaya);
        assertThat(entities(owner, versions + "?entity_type=character&entity_id=" + kancil)).isNotEmpty().containsOnly(kancil);
        assertThat(entities(owner, versions + "?entity_id=" + buaya)).isNotEmpty().containsOnly(buaya);
        assertThat(entities(owner, versions + "?entity_type=universe")).isEmpty();
        assertThat(owner.get(versions + "?entity_id=not-a-uuid", "application/json").statusCode()).isEqualTo(400);
    }

    private static String character(Http owner, String project, String name) {
        HttpResponse<String> created = owner.postJson("/api/v1/projects/" + project + "/characters", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    private static List<String> entities(Http owner, String path) {
        HttpResponse<String> listed = owner.get(path, "application/json");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : Http.json(listed).get("items")) {
            ids.add(item.get("entity_id").asString());
        }
        return ids;
    }
}
