package id.modo.verse.studio.character;

/** Who a character is at a glance: the "profile" part, saved and versioned together. */
public record CharacterProfile(String name, CharacterRole role, String archetype, String castReference) {
}
