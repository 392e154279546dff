package id.modo.verse.ai.provider;

/** What every adapter's streaming shares. */
final class Streams {

    private Streams() {
    }

    /**
     * Runs a streaming call; a connection that breaks (or times out) after part of the answer came is a cut stream,
     * {@link ProviderFailure.Kind#BAD_RESPONSE}, not an unavailable provider: the tokens already went to the reader.
     */
    static void cutIsBadResponse(CharSequence received, Runnable call) {
        try {
            call.run();
        } catch (ProviderFailure failure) {
            if (failure.kind() == ProviderFailure.Kind.UNAVAILABLE && !received.isEmpty()) {
                throw new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, "The stream was cut off midway", null, failure);
            }
            throw failure;
        }
    }
}
