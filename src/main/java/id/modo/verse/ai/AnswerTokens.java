package id.modo.verse.ai;

import java.util.function.Consumer;

/** Where a streamed answer's text goes as it arrives. */
@FunctionalInterface
public interface AnswerTokens extends Consumer<String> {

    /** The text sent so far was an answer thrown away (a structured one that did not fit its schema); another follows. */
    default void discarded() {
    }
}
