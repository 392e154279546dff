package id.modo.verse.media;

import java.time.Duration;
import java.util.List;

/**
 * How a run of an outside program ended: its exit code, what it wrote, and whether it was stopped
 * for taking longer than its timeout.
 *
 * @param exitCode the program's exit code; -1 when it was stopped for its timeout
 * @param stdout what it wrote to its standard output, up to {@link ExternalProcess#STDOUT_LIMIT} bytes (more is read and dropped)
 * @param stderr the end of what it wrote to its standard error (the last {@link ExternalProcess#STDERR_LIMIT} bytes),
 *        where ffmpeg puts its log and its reason for failing
 * @param timedOut whether it ran longer than its timeout and was killed with everything it started
 * @param duration how long it ran
 */
public record ProcessResult(int exitCode, String stdout, String stderr, boolean timedOut, Duration duration) {

    /** Whether it ran to the end and exited with 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The last {@code count} non-blank lines of standard error, joined with newlines: the part of ffmpeg's log that says why. */
    public String stderrTail(int count) {
        List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /**
     * This result when the program succeeded; otherwise an {@link IllegalStateException} naming
     * {@code what} ran, how it ended and the end of its standard error.
     */
    public ProcessResult orThrow(String what) {
        if (succeeded()) {
            return this;
        }
        String ending = timedOut ? "was stopped after " + duration.toMillis() + " ms (timeout)" : "exited with " + exitCode;
        throw new IllegalStateException(what + " " + ending + (stderr.isBlank() ? "" : ":\n" + stderrTail(10)));
    }
}
