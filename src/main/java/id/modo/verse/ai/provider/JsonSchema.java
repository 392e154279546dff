package id.modo.verse.ai.provider;

import java.util.Map;

/** A structured answer's shape: a JSON Schema object ({@code type: object}, {@code properties}, {@code required}). */
public record JsonSchema(String name, Map<String, Object> schema) {
}
