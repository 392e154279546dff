/**
 * Organizations: studios and teams, their members with roles, and invitations. Owns organizations, organization_members, invitations.
 * Its tables are created by the migrations in {@code db/migration/organization}; its features come with their issues.
 */
package id.modo.verse.organization;
