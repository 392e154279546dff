package id.modo.verse.common.jobs;

/**
 * Thrown by a handler whose work the app's stop cut short (a render whose program was killed as the app stops). The
 * job is not failed: it stays running and its execution is due again at once, so another node, or this one at its
 * next start, runs it again as a new attempt.
 */
public class JobStoppedException extends RuntimeException {

    public JobStoppedException(String message) {
        super(message, null, false, false);
    }
}
