/**
 * Organizations: studios and teams, their members with roles, and invitations.
 * Owns organizations, organization_members, invitations.
 * <p>
 * Every other module checks access to an organization's data in one line:
 * {@code organizations.require(caller.id(), orgId, Permission.EDIT_CONTENT)}: an outsider gets the
 * same 404 as for a missing organization, a member without the permission a 403.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity"})
package id.modo.verse.organization;
