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
     * What the reader typed into {@code field}, to show it again: a value that did not convert (letters for a date) as it
     * came, else the bound {@code value}; empty for none.
     */
    public static String typed(BindingResult binding, String field, Object value) {
        FieldError error = binding.getFieldError(field);
        Object shown = error != null && error.isBindingFailure() ? error.getRejectedValue() : value;
        return shown == null ? "" : (shown instanceof String[] values ? String.join(",", values) : shown.toString()).strip();
    }
}
