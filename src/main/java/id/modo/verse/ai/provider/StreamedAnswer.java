package id.modo.verse.ai.provider;

import java.util.function.Consumer;

/** An answer being streamed: its tokens go to the reader as they come and add up to the whole, which every adapter reads the same way. */
final class StreamedAnswer {

    private final StringBuilder text = new StringBuilder();
    private final Consumer<String> tokens;
    private final StopSignal stop;
    private TokenUsage usage = TokenUsage.NONE;
    private boolean ended;

    StreamedAnswer(Consumer<String> tokens, StopSignal stop) {
        this.tokens = tokens;
        this.stop = stop;
    }

    /** Registers the provider's open response, so a stop closes it (and with it the HTTP exchange). */
    <R extends AutoCloseable> R opened(R response) {
        stop.opened(response);
        return response;
    }

    void token(String token) {
        stop.check();
        if (!token.isEmpty()) {
            text.append(token);
            tokens.accept(token);
        }
    }

    void usage(TokenUsage reported) {
        usage = reported;
    }

    /** The provider said the answer is complete (a finish reason, {@code message_stop}). */
    void ended() {
        ended = true;
    }

    /**
     * Runs the streaming call and answers the whole. A stream that stops before the provider said it ended, or a
     * connection that breaks (or times out) after part of the answer came, is a cut stream,
     * {@link ProviderFailure.Kind#BAD_RESPONSE}, not an unavailable provider: the tokens already went to the reader.
     */
    TextResult read(Runnable call) {
        stop.check();
        try {
            call.run();
        } catch (RuntimeException failure) {
            // Closing the response under the reader fails the read in the SDK's own way; what counts is that it was stopped.
            stop.check();
            throw cut(failure);
        }
        stop.check();
        if (!ended) {
            throw ProviderFailure.badResponse("The stream ended before the answer did");
        }
        return new TextResult(text.toString(), usage);
    }

    private RuntimeException cut(RuntimeException failure) {
        if (failure instanceof ProviderFailure provider && provider.kind() == ProviderFailure.Kind.UNAVAILABLE && !text.isEmpty()) {
            return new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, "The stream was cut off midway", null, failure);
        }
        return failure;
    }
}
