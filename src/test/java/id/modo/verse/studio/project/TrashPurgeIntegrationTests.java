package id.modo.verse.studio.project;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TrashPurgeIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TrashPurge purge;

    @Test
    void aProjectTrashedMoreThanThirtyDaysAgoGoesWithItsFilesAndTheRestStay() {
        StudioFixtures fixtures = new StudioFixtures(new Http(port), jdbc);
        StudioFixtures.Studio studio = fixtures.studio("purge");
        String expired = fixtures.project(studio.asOwner(), studio.organizationId(), "Expired", "team");
        String recent = fixtures.project(studio.asOwner(), studio.organizationId(), "Recent", "team");
        String kept = fixtures.project(studio.asOwner(), studio.organizationId(), "Kept", "team");
        for (String project : new String[] {expired, recent}) {
            assertThat(studio.asOwner().call("DELETE", "/api/v1/projects/" + project, null).statusCode()).isEqualTo(204);
        }
        jdbc.sql("update projects set deleted_at = now() - interval '31 days' where id = cast(? as uuid)").param(expired).update();
        jdbc.sql("update projects set deleted_at = now() - interval '29 days' where id = cast(? as uuid)").param(recent).update();
        // A file of the expired project, counted in the organization's storage.
        jdbc.sql("""
                insert into assets (organization_id, project_id, filename, original_name, mime_type, size_bytes, storage_path, type)
                values (cast(? as uuid), cast(? as uuid), 'poster.png', 'poster.png', 'image/png', 1000, 'purge-test/missing', 'image')""")
                .params(studio.organizationId(), expired).update();
        jdbc.sql("update organizations set storage_used_bytes = storage_used_bytes + 1000 where id = cast(? as uuid)")
                .param(studio.organizationId()).update();
        long usedBefore = storageUsed(studio.organizationId());

        assertThat(purge.purgeDue(1000)).isGreaterThanOrEqualTo(1);

        assertThat(exists(expired)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(kept)).isTrue();
        assertThat(jdbc.sql("select count(*) from assets where organization_id = cast(? as uuid)").param(studio.organizationId())
                .query(Integer.class).single()).isZero();
        assertThat(storageUsed(studio.organizationId())).isEqualTo(usedBefore - 1000);
        assertThat(jdbc.sql("select count(*) from audit_logs where entity_id = cast(? as uuid) and action = 'purge'").param(expired)
                .query(Integer.class).single()).isEqualTo(1);
        // Restoring after the purge finds nothing, like any missing project.
        assertThat(studio.asOwner().call("POST", "/api/v1/projects/" + expired + "/restore", null).statusCode()).isEqualTo(404);
        assertThat(purge.purgeDue(1000)).isZero();
    }

    private boolean exists(String project) {
        return jdbc.sql("select count(*) from projects where id = cast(? as uuid)").param(project).query(Integer.class).single() == 1;
    }

    private long storageUsed(String organization) {
        return jdbc.sql("select storage_used_bytes from organizations where id = cast(? as uuid)").param(organization)
                .query(Long.class).single();
    }
}
