package id.modo.verse.ai.provider;

public record ImageResult(byte[] bytes, String mediaType, TokenUsage usage) {
}
