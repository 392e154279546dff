package id.modo.verse.studio.animatic;

import id.modo.verse.common.jobs.JobStoppedException;
import id.modo.verse.media.FfmpegInstallation;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs ffmpeg for an animatic while reading its {@code -progress} report, so the job shows how far the render is and a
 * cancel stops ffmpeg at once: the progress callback throws (the job's {@code JobCancelledException}) and the program
 * and everything it started are killed before the exception goes on. {@code media.Ffmpeg} waits for a program's end,
 * which is right for short probes but leaves a long render running after its job was cancelled. Programs still
 * running when the app starts to stop are killed at once: db-scheduler's graceful stop would otherwise wait up to 30
 * minutes for the render, and a stopped app leaves no ffmpeg behind; the job is cut short, not failed, and runs again
 * at the next start (or at once on another node).
 */
@Component
class AnimaticFfmpeg {

    private static final int STDERR_KEPT = 16 * 1024;

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final ApplicationContext context;
    private volatile boolean stopping;

    AnimaticFfmpeg(ApplicationContext context) {
        this.context = context;
    }

    /** ffmpeg refused or failed; the message is its reason, for people. */
    static class RenderFailed extends RuntimeException {
        RenderFailed(String reason) {
            super(reason);
        }
    }

    /**
     * Runs {@code arguments} and calls {@code progress} with the milliseconds of output written so far, about twice a
     * second; returns when ffmpeg ended well.
     *
     * @throws RenderFailed when ffmpeg failed or ran past {@code timeout}
     */
    void run(FfmpegInstallation programs, List<String> arguments, Duration timeout, LongConsumer progress) {
        if (stopping) {
            throw stopped();
        }
        List<String> command = new ArrayList<>(List.of(programs.ffmpeg().toString(), "-hide_banner", "-nostdin", "-nostats",
                "-v", "error", "-progress", "pipe:1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(programs.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RenderFailed("ffmpeg could not be started: " + e.getMessage());
        }
        running.add(process);
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("animatic-ffmpeg-timeout").start(() -> {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    kill(process);
                }
            } catch (InterruptedException e) {
                // the render ended first
            }
        });
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().name("animatic-ffmpeg-stderr").start(() -> keepEnd(process.getErrorStream(), stderr));
        try {
            process.getOutputStream().close();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("out_time_us=")) {
                        long micros = parse(line.substring("out_time_us=".length()));
                        if (micros >= 0) {
                            progress.accept(micros / 1000);
                        }
                    }
                }
            }
            int exit = process.waitFor();
            drain.join(Duration.ofSeconds(5));
            if (timedOut.get()) {
                throw new RenderFailed("Rendering took longer than " + timeout.toMinutes() + " minutes and was stopped.");
            }
            if (exit != 0) {
                throw stopping ? stopped() : new RenderFailed("ffmpeg failed: " + reason(stderr));
            }
        } catch (IOException e) {
            throw new RenderFailed("ffmpeg stopped answering: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped();
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
            running.remove(process);
            watchdog.interrupt();
        }
    }

    /** This app is stopping (published before the scheduler's graceful stop begins): no render outlives it. */
    @EventListener
    void stopAll(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) {
            stopping = true;
            running.forEach(AnimaticFfmpeg::kill);
        }
    }

    private static JobStoppedException stopped() {
        return new JobStoppedException("the app is stopping; the render starts again with it");
    }

    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void keepEnd(InputStream in, ByteArrayOutputStream kept) {
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                synchronized (kept) {
                    kept.write(buffer, 0, read);
                    if (kept.size() > 2 * STDERR_KEPT) {
                        byte[] all = kept.toByteArray();
                        kept.reset();
                        kept.write(all, all.length - STDERR_KEPT, STDERR_KEPT);
                    }
                }
            }
        } catch (IOException ignored) {
            // killed: what was read is kept
        }
    }

    /** ffmpeg's last complaint, without the server's temporary paths. */
    private static String reason(ByteArrayOutputStream stderr) {
        String text;
        synchronized (stderr) {
            text = stderr.toString(StandardCharsets.UTF_8);
        }
        String last = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no reason given").strip();
        last = last.replaceAll("/[^\\s:'\"]*modo-animatic-[^\\s:'\"]*", "a work file");
        return last.length() > 300 ? last.substring(0, 300) : last;
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number.strip());
        } catch (NumberFormatException e) {
            return -1; // "N/A" before the first frame
        }
    }
}
