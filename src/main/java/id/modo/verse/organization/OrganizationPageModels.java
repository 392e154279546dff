package id.modo.verse.organization;

import java.util.List;
import java.util.Map;

/** What the organization pages' templates render; public only because precompiled templates live in another package. */
public final class OrganizationPageModels {

    private OrganizationPageModels() {
    }

    public record Dashboard(List<Organizations.OrganizationView> organizations, List<Invitations.PendingInvitation> invitations,
            String name, String slug, Map<String, String> errors, String created, String joined, String left, String deleted,
            boolean declined) {
    }

    /**
     * An organization's own page: profile, members, invitations and the danger zone, with what the
     * viewer may do there. {@code form} holds the submitted values when a form is shown again with
     * {@code errors} (field or section name to message key); {@code saved} names what was just saved.
     */
    public record OrganizationPage(Organizations.OrganizationView organization, List<Organizations.MemberView> members,
            List<Invitations.InvitationView> invitations, String me, Map<String, String> form, Map<String, String> errors,
            String saved, Paging paging) {

        public Role role() {
            return organization.myRole();
        }

        public boolean canEditProfile() {
            return role().can(Permission.MANAGE_SETTINGS);
        }

        public boolean canManageMembers() {
            return role().can(Permission.MANAGE_MEMBERS);
        }

        public boolean canReadAuditLog() {
            return role().can(Permission.VIEW_AUDIT_LOG);
        }

        public boolean canInvite() {
            return role().can(Permission.MANAGE_INVITATIONS);
        }

        public boolean isOwner() {
            return role().can(Permission.OWN);
        }

        /** Whether the viewer may change this member's role or remove them: admins never touch owners. */
        public boolean canManage(Organizations.MemberView member) {
            return canManageMembers() && (member.role() != Role.OWNER || isOwner());
        }

        public boolean isMe(Organizations.MemberView member) {
            return member.userId().value().toString().equals(me);
        }

        /** The roles the viewer may hand out: only owners make owners. */
        public List<Role> grantableRoles() {
            return isOwner() ? List.of(Role.VIEWER, Role.EDITOR, Role.ADMIN, Role.OWNER) : List.of(Role.VIEWER, Role.EDITOR, Role.ADMIN);
        }

        public List<Organizations.MemberView> others() {
            return members.stream().filter(member -> !isMe(member)).toList();
        }

        /** A submitted value if the form is shown again, else the current one. */
        public String value(String field, String current) {
            return form.containsKey(field) ? form.get(field) : current == null ? "" : current;
        }

        public static boolean isOpen(Invitations.InvitationView invitation) {
            return invitation.status() == InvitationStatus.PENDING || invitation.status() == InvitationStatus.EXPIRED;
        }
    }

    /**
     * Where the page's member and invitation lists start (empty for the first page) and where their
     * next pages start (null on the last page). Cursors are base64url, safe in a query string as they are.
     */
    public record Paging(String members, String nextMembers, String invitations, String nextInvitations) {

        public boolean laterMembers() {
            return !members.isEmpty();
        }

        public boolean laterInvitations() {
            return !invitations.isEmpty();
        }

        /** The query of the next members page, keeping the invitations where they are. */
        public String moreMembers() {
            return query(nextMembers, invitations);
        }

        public String moreInvitations() {
            return query(members, nextInvitations);
        }

        public String firstMembers() {
            return query("", invitations);
        }

        public String firstInvitations() {
            return query(members, "");
        }

        private static String query(String members, String invitations) {
            List<String> parts = new java.util.ArrayList<>();
            if (!members.isEmpty()) {
                parts.add("members=" + members);
            }
            if (!invitations.isEmpty()) {
                parts.add("invitations=" + invitations);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }
    }

    /** The invitation page: the preview when the link is good, otherwise the message key of what is wrong. */
    public record InvitationPage(String token, Invitations.InvitationPreview preview, String problem) {

        /** Whether the page can offer to join: "You are invited" heads only an invitation that still is one. */
        public boolean open() {
            return problem == null && preview != null && preview.status() == InvitationStatus.PENDING;
        }
    }
}
