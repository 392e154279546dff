package id.modo.verse.ai.provider;

public record TextResult(String text, TokenUsage usage) {
}
