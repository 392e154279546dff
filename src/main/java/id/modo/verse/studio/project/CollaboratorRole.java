package id.modo.verse.studio.project;

import java.util.Locale;

/** A collaborator's job on a project, as the ERD names them; {@code custom} carries its own title. */
public enum CollaboratorRole {
    IP_PRODUCER, HEAD_CREATIVE, HEAD_PRODUCTION, HEAD_BUSINESS, STORY_SUPERVISOR, CHARACTER_SUPERVISOR, CUSTOM;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CollaboratorRole fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
