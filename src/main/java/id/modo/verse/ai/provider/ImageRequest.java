package id.modo.verse.ai.provider;

/** One image generation; {@code size} such as {@code 1024x1024}, where the provider takes one. */
public record ImageRequest(String model, String prompt, String size) {
}
