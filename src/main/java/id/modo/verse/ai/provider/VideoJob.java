package id.modo.verse.ai.provider;

/**
 * A video the provider is making, as its last answer described it: {@code progress} 0 to 100, {@code error} the provider's
 * reason once it {@link State#FAILED}.
 */
public record VideoJob(String id, State state, int progress, String error) {

    public enum State {
        QUEUED, IN_PROGRESS, COMPLETED, FAILED
    }
}
