package id.modo.verse.studio.character;

/** How a character changes: the "arc" part, saved and versioned together. */
public record CharacterArc(String characterArc, String transformation) {
}
