package id.modo.verse.ai;

import id.modo.verse.common.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned prompt file ({@code ai/prompts/synopsis.v1.txt}): the inputs it needs and may take, the most output it
 * asks for, the JSON schema a structured type answers in, and its system and user parts with {@code {{name}}}
 * placeholders. A line whose placeholder has no value is left out, so an optional input that was not given leaves no
 * empty label behind.
 */
record PromptTemplate(GenerationType type, String version, List<String> required, List<String> optional, int maxOutputTokens,
        String schemaName, Map<String, Object> schema, String system, String user) {

    static final int MAX_INPUT_CHARS = 20_000;
    /** The input naming the language to write in: a code the platform speaks, filled in as the language's name. */
    static final String LANGUAGE = "language";
    static final Map<String, String> LANGUAGES = Map.of("en", "English", "id", "Bahasa Indonesia");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** A schema member naming the list input whose items are the only values a string may take (a project's beat keys). */
    static final String ENUM_INPUT = "enum_input";

    boolean structured() {
        return schema != null;
    }

    Set<String> inputs() {
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
        return all;
    }

    /** The field errors of an input for this template: required ones missing or blank, unknown ones, wrong shapes. */
    List<FieldError> check(Map<String, Object> input) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : required) {
            if (text(input.get(name)).isBlank()) {
                errors.add(new FieldError("input." + name, "is required for " + type.key()));
            }
        }
        input.forEach((name, value) -> {
            if (!inputs().contains(name)) {
                errors.add(new FieldError("input." + name, type.key() + " takes only " + String.join(", ", inputs())));
            } else if (!(value == null || value instanceof String || value instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
                errors.add(new FieldError("input." + name, "must be a string or a list of strings"));
            } else if (text(value).length() > MAX_INPUT_CHARS) {
                errors.add(new FieldError("input." + name, "must be at most " + MAX_INPUT_CHARS + " characters"));
            } else if (LANGUAGE.equals(name) && value != null && !LANGUAGES.containsKey(text(value))) {
                errors.add(languageError("input." + LANGUAGE));
            }
        });
        return errors;
    }

    /**
     * The schema for this input: each {@value #ENUM_INPUT} member becomes an {@code enum} of that input's items (and is
     * dropped when the input was not given), so the provider is asked for, and {@link OutputSchema} checks, only the
     * values this request allows.
     */
    Map<String, Object> schema(Map<String, Object> input) {
        return schema == null ? null : resolve(schema, input);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> node, Map<String, Object> input) {
        Map<String, Object> resolved = new java.util.LinkedHashMap<>();
        node.forEach((key, value) -> {
            if (ENUM_INPUT.equals(key)) {
                if (input.get(String.valueOf(value)) instanceof List<?> allowed && !allowed.isEmpty()) {
                    resolved.put("enum", List.copyOf(allowed));
                }
            } else if (value instanceof Map<?, ?> child) {
                resolved.put(key, resolve((Map<String, Object>) child, input));
            } else {
                resolved.put(key, value);
            }
        });
        return resolved;
    }

    static FieldError languageError(String field) {
        return new FieldError(field, "must be en (English) or id (Bahasa Indonesia)");
    }

    /** The system part (null when the template has none) filled from a checked input. */
    String system(Map<String, Object> input) {
        return system == null ? null : fill(system, input);
    }

    String user(Map<String, Object> input) {
        return fill(user, input);
    }

    private static String fill(String part, Map<String, Object> input) {
        List<String> lines = new ArrayList<>();
        for (String line : part.split("\n", -1)) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            StringBuilder filled = new StringBuilder();
            boolean missing = false;
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = LANGUAGE.equals(name) ? LANGUAGES.getOrDefault(text(input.get(name)), "") : text(input.get(name));
                missing |= value.isBlank();
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(filled);
            if (!missing) {
                lines.add(filled.toString());
            }
        }
        return String.join("\n", lines).strip();
    }

    /** A list (beats, characters) reads as one line of items separated by semicolons. */
    static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).map(String::strip).filter(item -> !item.isEmpty()).toList());
        }
        return value == null ? "" : String.valueOf(value).strip();
    }
}
