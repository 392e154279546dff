package id.modo.verse.common.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** What a page shows next to each field a bound form refused (see {@link FormBinding}). */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * The message key of each refused field, by form name ({@code brand_logos[3]} counts as {@code brand_logos}): the
     * page's own key for that field, else {@code otherwise}; a field's first error decides.
     */
    public static Map<String, String> keys(BindingResult binding, Map<String, String> keyByField, String otherwise) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            String field = error.getField().replaceFirst("[\\[.].*$", "");
            keys.putIfAbsent(field, keyByField.getOrDefault(field, otherwise));
        }
        return keys;
    }

    /**
     * Whether {@code field} was refused for its length with text in it: too long, then, since a filled field is never
     * too short for the names and titles this is asked about, and saying "enter your name" to someone who did is wrong.
     */
    public static boolean tooLong(BindingResult binding, String field) {
        FieldError error = binding.getFieldError(field);
        return error != null && "Size".equals(error.getCode()) && error.getRejectedValue() instanceof String value && !value.isBlank();
    }

    /**
     * What the reader typed into {@code field}, to show it again: a value that did not convert (letters for a date) as it
     * came, else the bound {@code value}; empty for none.
     */
    public static String typed(BindingResult binding, String field, Object value) {
        FieldError error = binding.getFieldError(field);
        Object shown = error != null && error.isBindingFailure() ? error.getRejectedValue() : value;
        return shown == null ? "" : (shown instanceof String[] values ? String.join(",", values) : shown.toString()).strip();
    }
}
