package id.modo.verse.audit;

import java.util.List;
import java.util.Map;

/** What the audit log page renders; public only because precompiled templates live in another package. */
public final class AuditPageModels {

    private AuditPageModels() {
    }

    /** The filter form as the viewer typed it: dates are {@code yyyy-MM-dd} in the viewer's time zone, the actor a user id. */
    public record Form(String action, String entityType, String from, String to, String actor) {

        public boolean isEmpty() {
            return action.isEmpty() && entityType.isEmpty() && from.isEmpty() && to.isEmpty() && actor.isEmpty();
        }
    }

    /** Someone the actor filter offers. */
    public record Person(String id, String name) {
    }

    /**
     * An organization's audit log page: its filter form with errors (field to message key), one
     * page of entries and the link to the next page (null on the last one).
     */
    public record AuditLogPage(String organizationId, String organizationName, Form form, List<Person> people, List<String> actions,
            Map<String, String> errors, List<AuditLog.Entry> entries, String nextUrl, boolean firstPage) {
    }

    /**
     * An action as people read it: its translation ({@code audit.action.member_add}), else its words
     * ("Relationship set"), so an action a module adds later never shows as a key.
     */
    public static String actionLabel(id.modo.verse.common.web.Ui ui, String action) {
        String key = "audit.action." + action;
        String label = ui.t(key);
        if (!label.equals(key)) {
            return label;
        }
        String words = action.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
