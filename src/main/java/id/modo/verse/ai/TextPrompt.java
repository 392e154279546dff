package id.modo.verse.ai;

import java.util.Map;

/**
 * What to ask a text model: {@code schema} null for free text, else a JSON Schema object the answer must fit (named
 * {@code schemaName}), checked before it is returned.
 */
public record TextPrompt(String system, String prompt, String schemaName, Map<String, Object> schema, int maxOutputTokens) {

    public static TextPrompt free(String system, String prompt, int maxOutputTokens) {
        return new TextPrompt(system, prompt, null, null, maxOutputTokens);
    }
}
