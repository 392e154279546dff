package id.modo.verse.ai;

import id.modo.verse.ai.provider.StopSignal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The generations whose provider call runs on this node, each with the signal that stops it: a cancel (or a streaming
 * reader who left) stops the call here, so the provider is not kept answering what nobody will get or pay for.
 */
@Component
class RunningGenerations {

    private final Map<GenerationId, StopSignal> running = new ConcurrentHashMap<>();

    /** The signal for a call about to start; {@link #ended} must follow. */
    StopSignal started(GenerationId generation) {
        StopSignal stop = new StopSignal();
        running.put(generation, stop);
        return stop;
    }

    void ended(GenerationId generation, StopSignal stop) {
        running.remove(generation, stop);
    }

    /** Stops the generation's call if it runs here; nothing when it runs on another node or already ended. */
    void stop(GenerationId generation) {
        StopSignal stop = running.get(generation);
        if (stop != null) {
            stop.stop();
        }
    }
}
