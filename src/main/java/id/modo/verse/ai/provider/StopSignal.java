package id.modo.verse.ai.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets another thread stop a provider call under way (a cancelled generation, a reader who left). A streaming call
 * registers its open response here; stopping closes it, which ends the HTTP exchange with the provider at once
 * rather than reading an answer nobody will get or pay for. A call stopped this way fails as
 * {@link ProviderFailure.Kind#STOPPED}, which the fallback chain does not retry.
 */
public final class StopSignal {

    private final List<AutoCloseable> open = new ArrayList<>();
    private boolean stopped;

    /** A signal nobody raises, for calls that cannot be stopped. */
    public static StopSignal never() {
        return new StopSignal();
    }

    /** Stops the calls under way and any started afterwards. */
    public void stop() {
        List<AutoCloseable> closing;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            closing = List.copyOf(open);
            open.clear();
        }
        closing.forEach(StopSignal::closeQuietly);
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    /** Registers a call's open response; one registered after the stop is closed at once. */
    void opened(AutoCloseable response) {
        synchronized (this) {
            if (!stopped) {
                open.add(response);
                return;
            }
        }
        closeQuietly(response);
    }

    /** Throws {@link ProviderFailure.Kind#STOPPED} when stopped, so nothing more is asked of a provider. */
    public void check() {
        if (stopped()) {
            throw new ProviderFailure(ProviderFailure.Kind.STOPPED, "The call was stopped: its generation was cancelled", null, null);
        }
    }

    private static void closeQuietly(AutoCloseable response) {
        try {
            response.close();
        } catch (Exception ignored) {
            // Closing is how the call is stopped; a response that fails to close has nothing left to stop.
        }
    }
}
