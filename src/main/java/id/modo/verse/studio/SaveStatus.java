package id.modo.verse.studio;

import java.time.Instant;
import java.util.Optional;

/**
 * What a workspace form shows next to its save button ({@code studio/save-status.jte}): the version saved and by whom,
 * or the conflict with someone else's save (with links to reload or compare), or an error. {@code baseInputId} is the
 * form's hidden {@code base_version} input, updated by htmx after a save.
 */
public record SaveStatus(int number, String savedBy, Instant savedAt, boolean conflict, String error, String reloadUrl, String diffUrl,
        String baseInputId) {

    public static SaveStatus of(Optional<Version> current, String baseInputId) {
        return current.map(v -> new SaveStatus(v.number(), v.authorName(), v.createdAt(), false, null, null, null, baseInputId))
                .orElse(new SaveStatus(0, null, null, false, null, null, null, baseInputId));
    }

    public static SaveStatus conflict(int number, String savedBy, String reloadUrl, String diffUrl) {
        return new SaveStatus(number, savedBy, null, true, null, reloadUrl, diffUrl, null);
    }

    public static SaveStatus error(String message, int number, String baseInputId) {
        return new SaveStatus(number, null, null, false, message, null, null, baseInputId);
    }
}
