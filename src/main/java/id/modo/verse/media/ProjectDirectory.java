package id.modo.verse.media;

import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What media needs to know about projects without depending on the module that owns them (Studio
 * depends on media, never the other way). A project's files follow the project: whoever may not
 * see the project does not see its files, and whoever may not edit the part of the project a file
 * belongs to may not add or remove it. Studio provides the bean; without it (a slice of the app
 * with no Studio) project-scoped endpoints answer 404 and organization-scoped ones see every file.
 */
public interface ProjectDirectory {

    /** The project's organization if the actor may see the project; empty when it is missing, trashed or hidden from them. */
    Optional<OrganizationId> visibleTo(UserId actor, UUID projectId);

    /**
     * Throws the problem to answer when the actor may not add or remove the project's files of this
     * category (a 403 saying who may; a 404 when they may not see the project at all).
     *
     * @param category the file's category, or null
     */
    void requireFileEditor(UserId actor, UUID projectId, String category);

    /** The organization's projects whose files the actor may not see: private ones they are not on, and those in the trash. */
    Set<UUID> hiddenFrom(UserId actor, OrganizationId organization);
}
