package id.modo.verse.ai;

public record ImageGeneration(byte[] bytes, String mediaType, Receipt receipt) {
}
