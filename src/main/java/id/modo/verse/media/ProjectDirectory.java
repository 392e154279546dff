package id.modo.verse.media;

import id.modo.verse.organization.OrganizationId;
import java.util.UUID;

/**
 * What media needs to know about projects without depending on the module that owns them (Studio
 * depends on media, never the other way): whether a project belongs to an organization. Studio
 * provides the bean; until it does, the database's foreign key is the only check of a
 * {@code project_id} sent to the organization's upload endpoint.
 */
public interface ProjectDirectory {

    /** True if the project exists, belongs to the organization and is not in the trash. */
    boolean isProjectOf(OrganizationId organization, UUID projectId);
}
