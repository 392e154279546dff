package id.modo.verse.studio.script;

/**
 * One element of a screenplay's body. {@code text} keeps Fountain's emphasis markers ({@code *},
 * {@code **}, {@code _}) for the renderer and line breaks as {@code \n}; forcing marks ({@code .},
 * {@code !}, {@code @}, {@code >}, {@code ^}) are already removed.
 *
 * @param dual on a {@link Kind#CHARACTER} cue: this speech is one half of dual dialogue
 * @param sceneNumber on a {@link Kind#SCENE_HEADING}: the {@code #12A#} number, else null
 * @param depth on a {@link Kind#SECTION}: how many {@code #} marks
 */
public record ScriptElement(Kind kind, String text, boolean dual, String sceneNumber, int depth) {

    public enum Kind {
        SCENE_HEADING,
        ACTION,
        CHARACTER,
        PARENTHETICAL,
        DIALOGUE,
        LYRIC,
        TRANSITION,
        CENTERED,
        PAGE_BREAK,
        /** Outline structure; never printed. */
        SECTION,
        /** Outline summary; never printed. */
        SYNOPSIS,
        /** A paragraph that is only a {@code [[note]]}; never printed. */
        NOTE;

        public boolean printed() {
            return this != SECTION && this != SYNOPSIS && this != NOTE;
        }
    }

    static ScriptElement of(Kind kind, String text) {
        return new ScriptElement(kind, text, false, null, 0);
    }

    ScriptElement asDual() {
        return new ScriptElement(kind, text, true, sceneNumber, depth);
    }
}
