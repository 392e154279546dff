package id.modo.verse.ai.provider;

/** One video to make: {@code seconds} one of the model's lengths, {@code size} such as {@code 1280x720} (null: the provider's default). */
public record VideoRequest(String model, String prompt, int seconds, String size) {
}
