package id.modo.verse.studio;

import id.modo.verse.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * One saved state of a section of a Studio entity (a story's beats, a character's psychology, a script…).
 * {@code number} counts from 1 per (entity type, entity, section); exactly one version of each is {@code current}.
 * {@code author} and {@code authorName} are null when the account is gone; {@code restoredFrom} is the version a
 * restore copied.
 */
public record Version(UUID id, ProjectId project, String entityType, UUID entityId, String section, int number,
        String content, VersionSource source, UserId author, String authorName, Instant createdAt, boolean current,
        UUID restoredFrom) {
}
