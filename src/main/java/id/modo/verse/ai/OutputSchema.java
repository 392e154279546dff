package id.modo.verse.ai;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a structured answer against the whole of its schema (the part of JSON Schema our schemas use: type,
 * properties, required, additionalProperties false, items), nested objects and list items too. The providers check
 * less and unevenly (a local model may ignore the schema), so the gateway decides here.
 */
final class OutputSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutputSchema() {
    }

    /** Why {@code text} does not fit {@code schema}, or empty when it does. */
    static Optional<String> violation(String text, Map<String, Object> schema) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return Optional.of("the answer is not JSON");
        }
        return violation(root, schema, "the answer");
    }

    private static Optional<String> violation(JsonNode value, Map<?, ?> schema, String where) {
        String type = String.valueOf(schema.get("type"));
        if (!fits(value, type)) {
            return Optional.of(where + " is not of type " + type);
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value.isString() ? value.asString() : value.toString())) {
            return Optional.of(where + " is " + value + ", not one of " + allowed);
        }
        if (value.isObject()) {
            Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> map ? map : Map.of();
            for (Object name : schema.get("required") instanceof List<?> list ? list : List.of()) {
                JsonNode member = value.get(String.valueOf(name));
                if (member == null || member.isNull()) {
                    return Optional.of(where + " lacks '" + name + "'");
                }
            }
            for (String name : value.propertyNames()) {
                if (properties.get(name) instanceof Map<?, ?> property) {
                    Optional<String> inner = violation(value.get(name), property, "'" + name + "'");
                    if (inner.isPresent()) {
                        return inner;
                    }
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    return Optional.of(where + " has '" + name + "', which the schema does not name");
                }
            }
        }
        if (value.isArray() && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < value.size(); i++) {
                Optional<String> inner = violation(value.get(i), items, where + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean fits(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }
}
