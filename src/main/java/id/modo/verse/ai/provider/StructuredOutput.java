package id.modo.verse.ai.provider;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a structured answer against its schema before anyone uses it: JSON, an object, every required property
 * there and of its declared type. Providers enforce schemas unevenly (a local model may ignore it), so the gateway
 * checks every answer the same way rather than trusting the flag it sent.
 */
final class StructuredOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StructuredOutput() {
    }

    /** {@code text} itself when it fits {@code schema}, else a {@link ProviderFailure.Kind#BAD_RESPONSE}. */
    static String check(String text, JsonSchema schema) {
        if (schema == null) {
            return text;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw ProviderFailure.badResponse("The answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ProviderFailure.badResponse("The answer is not a JSON object");
        }
        Map<?, ?> properties = schema.schema().get("properties") instanceof Map<?, ?> map ? map : Map.of();
        List<?> required = schema.schema().get("required") instanceof List<?> list ? list : List.of();
        for (Object name : required) {
            JsonNode value = root.get(String.valueOf(name));
            if (value == null || value.isNull()) {
                throw ProviderFailure.badResponse("The answer lacks '" + name + "'");
            }
            if (properties.get(name) instanceof Map<?, ?> property && !fits(value, property.get("type"))) {
                throw ProviderFailure.badResponse("The answer's '" + name + "' is not of type " + property.get("type"));
            }
        }
        return text;
    }

    private static boolean fits(JsonNode value, Object type) {
        return switch (String.valueOf(type)) {
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
