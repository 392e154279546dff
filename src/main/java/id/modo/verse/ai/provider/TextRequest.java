package id.modo.verse.ai.provider;

/** One text generation: {@code schema} null for free text, else the answer must be JSON of that shape. */
public record TextRequest(String model, String system, String prompt, JsonSchema schema, int maxOutputTokens) {
}
