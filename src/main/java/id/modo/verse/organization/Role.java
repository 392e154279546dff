package id.modo.verse.organization;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A member's role, and the permission table every module relies on: owners do everything;
 * admins manage members, invitations, settings and billing but do not own; editors create and
 * edit content; viewers read.
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.of(Permission.VIEW, Permission.EDIT_CONTENT, Permission.MANAGE_MEMBERS, Permission.MANAGE_INVITATIONS,
            Permission.MANAGE_SETTINGS, Permission.MANAGE_BILLING, Permission.VIEW_AUDIT_LOG)),
    EDITOR(EnumSet.of(Permission.VIEW, Permission.EDIT_CONTENT)),
    VIEWER(EnumSet.of(Permission.VIEW));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
