package id.modo.verse.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Runs an outside program (ffmpeg, ffprobe) to its end or its timeout. Its standard input is
 * closed at once, its standard output and error are read by two virtual threads while it runs (so
 * a chatty program never blocks on a full pipe), and on timeout, or when the waiting thread is
 * interrupted, the program and every process it started are killed, so neither a process nor a
 * reading thread outlives the call.
 */
final class ExternalProcess {

    /** The most of standard output a result keeps (ffprobe's JSON is far smaller); the rest is read and dropped. */
    static final int STDOUT_LIMIT = 8 * 1024 * 1024;
    /** The end of standard error a result keeps: where ffmpeg writes why it failed. */
    static final int STDERR_LIMIT = 64 * 1024;

    /** How long to wait for a killed program to be gone and its output read to the end. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private ExternalProcess() {
    }

    /**
     * Runs {@code command} (program then arguments) with {@code environment} added to this
     * process's environment.
     *
     * @throws UncheckedIOException when the program cannot be started (missing, not executable)
     * @throws CancellationException when the calling thread was interrupted (the program is killed
     *         first and the thread's interrupt flag is set again)
     */
    static ProcessResult run(List<String> command, Map<String, String> environment, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The program has already closed its end; nothing to tell it anyway.
        }
        Drain stdout = Drain.start(process.getInputStream(), STDOUT_LIMIT, false);
        Drain stderr = Drain.start(process.getErrorStream(), STDERR_LIMIT, true);
        boolean timedOut;
        try {
            timedOut = !process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            stdout.finish();
            stderr.finish();
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while " + command.getFirst() + " ran; it was killed");
        }
        if (timedOut) {
            killTree(process);
        }
        String out = stdout.finish();
        String err = stderr.finish();
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        return new ProcessResult(timedOut ? -1 : process.exitValue(), out, err, timedOut, duration);
    }

    /** Kills the process and everything it started (children first are listed before the parent dies and they are re-parented). */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one of the program's output streams on a virtual thread, keeping its start or its end. */
    private static final class Drain implements Runnable {

        private final InputStream in;
        private final int limit;
        private final boolean keepEnd;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private Thread thread;

        private Drain(InputStream in, int limit, boolean keepEnd) {
            this.in = in;
            this.limit = limit;
            this.keepEnd = keepEnd;
        }

        static Drain start(InputStream in, int limit, boolean keepEnd) {
            Drain drain = new Drain(in, limit, keepEnd);
            drain.thread = Thread.ofVirtual().name("external-process-output").start(drain);
            return drain;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[16 * 1024];
            try (in) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    keep(buffer, read);
                }
            } catch (IOException ignored) {
                // The stream was closed under us (the program was killed): what was read is kept.
            }
        }

        private synchronized void keep(byte[] buffer, int read) {
            if (!keepEnd) {
                kept.write(buffer, 0, Math.min(read, limit - kept.size()));
                return;
            }
            kept.write(buffer, 0, read);
            if (kept.size() > 2 * limit) {
                byte[] all = kept.toByteArray();
                kept.reset();
                kept.write(all, all.length - limit, limit);
            }
        }

        /** Waits for the stream's end (bounded: a killed program's pipes close) and answers what was kept. */
        String finish() {
            try {
                thread.join(AFTER_KILL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                // A process we could not see (started detached) still holds the pipe: stop reading it.
                try {
                    in.close();
                } catch (IOException ignored) {
                    // Nothing more to read either way.
                }
            }
            synchronized (this) {
                byte[] all = kept.toByteArray();
                int from = keepEnd ? Math.max(0, all.length - limit) : 0;
                return new String(all, from, all.length - from, StandardCharsets.UTF_8);
            }
        }
    }
}
