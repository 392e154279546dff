package id.modo.verse.ai;

import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What the gateway needs to know of projects without depending on the module that owns them (Studio depends on ai,
 * never the other way). Studio provides the bean; without it (a slice of the app with no Studio) a generation that
 * names a project answers 404, as for a project nobody may see.
 */
public interface GenerationProjects {

    /** The project's organization if {@code user} may see it; empty when it is missing, trashed or hidden from them. */
    Optional<OrganizationId> visibleTo(UserId user, UUID projectId);

    /**
     * The credits the project may spend on generations per calendar month (Asia/Jakarta), or empty for no limit
     * beyond the organization's balance.
     */
    default OptionalInt monthlyAllotment(UUID projectId) {
        return OptionalInt.empty();
    }
}
