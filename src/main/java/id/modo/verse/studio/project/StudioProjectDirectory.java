package id.modo.verse.studio.project;

import id.modo.verse.media.ProjectDirectory;
import id.modo.verse.organization.OrganizationId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells media which projects an organization has, so a file can never be filed under another organization's project. */
@Component
class StudioProjectDirectory implements ProjectDirectory {

    private final JdbcClient jdbc;

    StudioProjectDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isProjectOf(OrganizationId organization, UUID projectId) {
        return jdbc.sql("select exists (select 1 from projects where id = ? and organization_id = ? and deleted_at is null)")
                .params(projectId, organization.value())
                .query(Boolean.class)
                .single();
    }
}
