package id.modo.verse.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The ffmpeg and ffprobe programs, for every module that makes or reads video and sound (Watch's
 * HLS renditions, Studio's animatics, media's thumbnails). They are looked for once, in this order:
 * {@code MODO_FFMPEG_PATH}, the {@code PATH}, the programs bundled in the {@code org.bytedeco:ffmpeg}
 * jar (linux-x86_64). The search runs in the background once the app is ready, so it never slows the
 * start, or on first use, whichever comes first; a machine without any ffmpeg starts as usual and
 * {@link #installation()} answers empty (with the reason in {@link #require()}'s exception and
 * in the log and the health details).
 */
public class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);

    private final FfmpegLookup lookup;
    private volatile CompletableFuture<FfmpegLookup.Resolution> resolution;

    Ffmpeg(FfmpegLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * An instance outside Spring (tools, tests), looking in the same order as the app's bean.
     *
     * @param configuredPath what {@code MODO_FFMPEG_PATH} would say; null or blank = not set
     */
    public static Ffmpeg lookingAt(String configuredPath) {
        return new Ffmpeg(new FfmpegLookup(configuredPath, System.getenv("PATH"), FfmpegLookup.JAVACPP));
    }

    /** The programs in use, empty when there are none; the first call may wait for the search (seconds: the bundled jar is extracted). */
    public Optional<FfmpegInstallation> installation() {
        return resolve().join().optional();
    }

    /** The programs in use, or an {@link IllegalStateException} that says why there are none and how to set {@code MODO_FFMPEG_PATH}. */
    public FfmpegInstallation require() {
        FfmpegLookup.Resolution found = resolve().join();
        if (found.installation() == null) {
            throw new IllegalStateException(found.problem());
        }
        return found.installation();
    }

    /**
     * Runs ffmpeg with {@code arguments} ({@code -hide_banner -nostdin} come first) and waits at
     * most {@code timeout}; past it ffmpeg and everything it started are killed and the result says
     * {@link ProcessResult#timedOut()}. Check {@link ProcessResult#succeeded()} or call
     * {@link ProcessResult#orThrow(String)}.
     *
     * @throws IllegalStateException when there is no ffmpeg (see {@link #require()})
     */
    public ProcessResult ffmpeg(List<String> arguments, Duration timeout) {
        FfmpegInstallation programs = require();
        List<String> command = new ArrayList<>(List.of(programs.ffmpeg().toString(), "-hide_banner", "-nostdin"));
        command.addAll(arguments);
        return ExternalProcess.run(command, programs.environment(), timeout);
    }

    /** Runs ffprobe with {@code arguments} ({@code -hide_banner} first), as {@link #ffmpeg(List, Duration)} runs ffmpeg. */
    public ProcessResult ffprobe(List<String> arguments, Duration timeout) {
        FfmpegInstallation programs = require();
        List<String> command = new ArrayList<>(List.of(programs.ffprobe().toString(), "-hide_banner"));
        command.addAll(arguments);
        return ExternalProcess.run(command, programs.environment(), timeout);
    }

    /** The search's outcome if it has finished, without waiting (for the health indicator). */
    Optional<FfmpegLookup.Resolution> resolvedYet() {
        CompletableFuture<FfmpegLookup.Resolution> current = resolution;
        return current != null && current.isDone() ? Optional.of(current.join()) : Optional.empty();
    }

    /** Starts the search in the background once the app serves requests. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        resolve();
    }

    CompletableFuture<FfmpegLookup.Resolution> resolve() {
        CompletableFuture<FfmpegLookup.Resolution> current = resolution;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (resolution == null) {
                CompletableFuture<FfmpegLookup.Resolution> started = new CompletableFuture<>();
                Thread.ofVirtual().name("ffmpeg-lookup").start(() -> started.complete(search()));
                resolution = started;
            }
            return resolution;
        }
    }

    private FfmpegLookup.Resolution search() {
        FfmpegLookup.Resolution found;
        try {
            found = lookup.resolve();
        } catch (RuntimeException | LinkageError e) {
            found = FfmpegLookup.Resolution.missing("Looking for ffmpeg failed: " + e + ". " + FfmpegLookup.ADVICE);
        }
        if (found.installation() != null) {
            FfmpegInstallation programs = found.installation();
            log.info("ffmpeg {} ({}) at {}; H.264 encoder: {}, AAC: {}", programs.version(), programs.source().name().toLowerCase(),
                    programs.ffmpeg(), programs.h264Encoder().orElse("none"), programs.hasEncoder("aac") ? "yes" : "no");
        } else {
            log.warn("Video and sound features are unavailable. {}", found.problem());
        }
        return found;
    }
}
