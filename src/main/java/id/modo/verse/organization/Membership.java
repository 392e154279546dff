package id.modo.verse.organization;

import id.modo.verse.identity.UserId;

/** A user's place in an organization, as returned by {@link Organizations#require}. */
public record Membership(OrganizationId organizationId, UserId userId, Role role) {

    public boolean can(Permission permission) {
        return role.can(permission);
    }
}
