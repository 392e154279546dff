package id.modo.verse.studio;

import id.modo.verse.common.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An edit that did not start from the section's current version: 409 {@code edit-conflict} with the current content
 * and who saved it. Pages read who won the race from {@link #current()} instead of digging in the problem's members.
 */
public class EditConflictException extends ProblemException {

    private final Version current;

    EditConflictException(Version current, int baseVersion) {
        super(StudioProblems.EDIT_CONFLICT, detail(current, baseVersion), members(current));
        this.current = current;
    }

    /** The version saved first. */
    public Version current() {
        return current;
    }

    public int currentVersion() {
        return current == null ? 0 : current.number();
    }

    /** Who saved the current version, or null when unknown. */
    public String savedByName() {
        return current == null ? null : current.authorName();
    }

    private static String detail(Version current, int baseVersion) {
        String who = current == null || current.authorName() == null ? "someone" : current.authorName();
        return "Your edit started from version " + baseVersion + ", but " + who + " saved version " + current.number()
                + " since. Reload it, or compare your text with theirs, before saving again.";
    }

    private static Map<String, Object> members(Version current) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("current_version", current == null ? 0 : current.number());
        properties.put("content", current == null ? "" : current.content());
        Map<String, Object> savedBy = new LinkedHashMap<>();
        savedBy.put("id", current == null || current.author() == null ? null : current.author().value());
        savedBy.put("name", current == null ? null : current.authorName());
        properties.put("saved_by", savedBy);
        properties.put("saved_at", current == null ? "" : current.createdAt().toString());
        return properties;
    }
}
