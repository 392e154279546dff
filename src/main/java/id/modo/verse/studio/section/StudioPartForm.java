package id.modo.verse.studio.section;

import java.time.Instant;
import java.util.List;

/**
 * One part of a character or universe as an editable form: its fields, the version the edit
 * starts from and who saved it last, and what the last save answered. The same fragment renders
 * it inside the page and as the htmx answer to its own save.
 */
public record StudioPartForm(String id, String action, String title, List<Input> inputs, int baseVersion, String savedBy,
        Instant savedAt, String notice, String error, List<String> errorFields, boolean conflict, boolean editable) {

    /**
     * One input: its form name, label, value, whether it is a textarea, a select (choices) or a
     * picture (its reference travels in a hidden input; {@code preview} is the URL to show it).
     */
    public record Input(String name, String label, String value, Kind kind, int maxLength, List<Choice> choices, String preview) {

        public Input(String name, String label, String value, Kind kind, int maxLength, List<Choice> choices) {
            this(name, label, value, kind, maxLength, choices, null);
        }

        public boolean invalid(StudioPartForm form) {
            return form.errorFields().contains(name);
        }
    }

    public enum Kind { LINE, TEXT, CHOICE, IMAGE }

    public record Choice(String value, String label) {
    }
}
