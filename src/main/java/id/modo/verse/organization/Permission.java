package id.modo.verse.organization;

/** What a member may do in an organization; {@link Role} says which role has which. */
public enum Permission {
    /** See the organization and its content. */
    VIEW,
    /** Create and edit content (projects, stories, products, campaigns…). */
    EDIT_CONTENT,
    /** Change members' roles and remove members (never owners, unless the caller is an owner). */
    MANAGE_MEMBERS,
    /** Invite, resend and revoke invitations. */
    MANAGE_INVITATIONS,
    /** Change the organization's profile and settings. */
    MANAGE_SETTINGS,
    /** Plans, subscriptions and payments. */
    MANAGE_BILLING,
    /** Read the organization's audit log. */
    VIEW_AUDIT_LOG,
    /** Delete the organization and transfer its ownership. */
    OWN
}
