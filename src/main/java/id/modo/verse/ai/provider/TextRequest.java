package id.modo.verse.ai.provider;

/**
 * One text generation: {@code schema} null for free text, else the JSON shape asked of the provider. Whether the
 * answer fits it is the gateway's one check ({@code OutputSchema}), not each adapter's.
 */
public record TextRequest(String model, String system, String prompt, JsonSchema schema, int maxOutputTokens) {
}
