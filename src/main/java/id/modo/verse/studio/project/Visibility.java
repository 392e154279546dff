package id.modo.verse.studio.project;

import java.util.Locale;

/** Who sees a project: its collaborators and the organization's owners and admins, the whole organization, or everyone. */
public enum Visibility {
    PRIVATE, TEAM, PUBLIC;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
