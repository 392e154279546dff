package id.modo.verse.studio.section;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks what a client sent for a section against its {@link SectionSchema} and turns it into the
 * stored form: the known fields in schema order, text only, blanks dropped. Unknown keys are
 * refused, never dropped silently, so a typo in a field name does not lose the writer's text.
 */
public final class SectionValues {

    private SectionValues() {
    }

    /**
     * The section's stored values, or a {@link ProblemType#VALIDATION} problem whose {@code errors}
     * name every unknown key ({@code section.key}), every value that is not text and every value
     * that is too long.
     */
    public static Map<String, String> check(SectionSchema schema, Map<String, ?> sent) {
        List<FieldError> errors = problems(schema, sent);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return normalize(schema, sent);
    }

    public static List<FieldError> problems(SectionSchema schema, Map<String, ?> sent) {
        if (sent == null || sent.isEmpty()) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        for (String key : new TreeSet<>(sent.keySet())) {
            String path = schema.key() + "." + key;
            SectionField field = schema.field(key).orElse(null);
            if (field == null) {
                errors.add(new FieldError(path, "is not a known field of " + schema.key()));
                continue;
            }
            Object value = sent.get(key);
            if (value != null && !(value instanceof String) && !(value instanceof Number)) {
                errors.add(new FieldError(path, "must be text"));
            } else if (value != null && text(value).codePointCount(0, text(value).length()) > field.maxLength()) {
                errors.add(new FieldError(path, "must be at most " + field.maxLength() + " characters"));
            } else if (value != null && field.kind() == SectionField.Kind.IMAGE && !isImageReference(text(value))) {
                errors.add(new FieldError(path, "must be the URL path of an uploaded image"));
            }
        }
        return errors;
    }

    /** The stored form of values that passed {@link #problems}: schema order, blanks dropped. */
    public static Map<String, String> normalize(SectionSchema schema, Map<String, ?> sent) {
        if (sent == null || sent.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (SectionField field : schema.fields()) {
            Object value = sent.get(field.key());
            if (value != null && !text(value).isBlank()) {
                out.put(field.key(), text(value).strip());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The problems with a save's {@code base_versions}: each changed part needs the version its edit started from
     * (0 for a part never saved), and only the entity's own parts may be named.
     */
    public static List<FieldError> baseVersionProblems(Collection<String> changedParts, Map<String, Integer> baseVersions,
            List<String> knownParts, String entityName) {
        List<FieldError> errors = new ArrayList<>();
        for (String part : changedParts) {
            Integer base = baseVersions.get(part);
            if (base == null) {
                errors.add(new FieldError("base_versions." + part, "is required when " + part + " changes (0 for a part never saved)"));
            } else if (base < 0) {
                errors.add(new FieldError("base_versions." + part, "must be 0 or more"));
            }
        }
        for (String part : baseVersions.keySet()) {
            if (!knownParts.contains(part)) {
                errors.add(new FieldError("base_versions." + part, "is not a part of a " + entityName));
            }
        }
        return errors;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        List<String> unknown = errors.stream()
                .filter(e -> e.message().startsWith("is not a known field"))
                .map(FieldError::field)
                .toList();
        String detail = unknown.isEmpty()
                ? "Some section fields are invalid."
                : "Unknown section fields: " + String.join(", ", unknown) + ".";
        return new ProblemException(ProblemType.VALIDATION, detail, Map.of("errors", errors));
    }

    /**
     * An image value is a path on this site (the media module's asset URLs), or an empty string to
     * clear it; absolute URLs to other hosts would let a bible page load third-party content.
     */
    static boolean isImageReference(String value) {
        String v = value.strip();
        return v.isEmpty() || (v.startsWith("/") && !v.startsWith("//") && v.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\'));
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
