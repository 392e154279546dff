package id.modo.verse.ai;

public record TextGeneration(String text, Receipt receipt) {
}
