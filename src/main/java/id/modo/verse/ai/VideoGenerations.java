package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderFailure;
import id.modo.verse.ai.provider.VideoJob;
import id.modo.verse.common.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;

/**
 * A video made by the provider in its own time: asked for once along the fallback chain (the provider's id kept on the
 * generation at once, so a run started again after a restart follows the same video rather than paying for a second),
 * then followed with growing pauses until it is made, it failed, or {@link VideoProperties#maxTotal()} has passed since
 * the generation started. A look that fails for a moment (429, 5xx, no answer) is tried again at the next pause; the
 * provider refusing (another 4xx, such as an expired video) ends it. A raised stop signal (the generation was
 * cancelled) ends the wait at once.
 */
@Component
class VideoGenerations {

    static final String SECONDS = "seconds";
    static final String SIZE = "size";
    static final String PROMPT = "prompt";
    /** How often a completed video's download is tried before the generation fails. */
    private static final int DOWNLOADS = 3;
    /** The longest one pause waits before it looks at the stop signal again. */
    private static final Duration SLICE = Duration.ofMillis(250);

    /** The video in a temporary file (the caller stores and deletes it), and who made it. */
    record Made(Path file, Receipt receipt) {
    }

    private final Generations generations;
    private final GenerationStore store;
    private final VideoProperties properties;
    private final Clock clock;

    VideoGenerations(Generations generations, GenerationStore store, VideoProperties properties, Clock clock) {
        this.generations = generations;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The video's length as its input says it, which {@link GenerationRequests} checked against the models' lengths. */
    static int seconds(Map<String, Object> input) {
        return Integer.parseInt(PromptTemplate.text(input.get(SECONDS)));
    }

    /** The routes whose model makes videos of the length asked for, in their order. */
    static List<Route> making(List<Route> routes, int seconds) {
        return routes.stream().filter(route -> route.model().makesSeconds(seconds)).toList();
    }

    /** Makes the generation's video, reporting the provider's progress (0-100); a failure is thrown as the gateway's problem. */
    Made make(Generation generation, List<Route> routes, String prompt, Generations.Attempts attempts, IntConsumer progress) {
        int seconds = seconds(generation.input());
        String size = generation.input().get(SIZE) == null ? null : PromptTemplate.text(generation.input().get(SIZE));
        Route route;
        Receipt receipt;
        VideoJob job;
        String existing = store.providerJobId(generation.id()).orElse(null);
        if (existing == null) {
            FallbackChain.Served<VideoJob> served = generations.createVideo(making(routes, seconds), prompt, seconds, size, attempts);
            route = served.route();
            receipt = new Receipt(route.model().provider().key(), route.model().model(), 0, 0, route.ownKey(), served.fellBackToPlatformKey(),
                    served.attempts());
            job = served.value();
            if (!store.videoStarted(generation.id(), job.id(), receipt)) {
                throw stopped();
            }
        } else {
            route = routes.stream().filter(candidate -> candidate.model().provider().key().equals(generation.provider())
                    && candidate.model().model().equals(generation.model()) && candidate.ownKey() == generation.ownKey()).findFirst()
                    .orElseThrow(() -> new ProblemException(AiProblems.PROVIDER_UNAVAILABLE, "The model or key that was making this video is"
                            + " no longer configured, so the video cannot be fetched; nothing was charged.", Map.of("reason", "route_gone")));
            receipt = new Receipt(generation.provider(), generation.model(), 0, 0, generation.ownKey(), generation.fellBackToPlatformKey(), 1);
            // Resumed: the next look says how the video is doing.
            job = null;
        }
        return follow(generation, route, receipt, existing != null ? existing : job.id(), job, attempts, progress);
    }

    /** Follows video {@code id} from its last known state ({@code job}; null when not known yet). */
    private Made follow(Generation generation, Route route, Receipt receipt, String id, VideoJob known, Generations.Attempts attempts,
            IntConsumer progress) {
        Instant deadline = (generation.startedAt() == null ? clock.instant() : generation.startedAt()).plus(properties.maxTotal());
        Duration pause = properties.firstPoll();
        VideoJob job = known;
        while (true) {
            if (job != null) {
                progress.accept(job.progress());
                if (job.state() == VideoJob.State.COMPLETED) {
                    return new Made(download(route, job.id(), deadline, attempts), receipt);
                }
                if (job.state() == VideoJob.State.FAILED) {
                    throw new ProblemException(AiProblems.PROVIDER_FAILED, "The provider could not make the video: "
                            + (job.error() == null ? "it gave no reason" : job.error()) + ". Nothing was charged.", Map.of("reason", "video_failed"));
                }
            }
            Duration wait = pause;
            if (!clock.instant().plus(wait).isBefore(deadline)) {
                attempts.timedOut(true);
                throw new ProblemException(AiProblems.PROVIDER_UNAVAILABLE, "The video was not made within " + properties.maxTotal().toMinutes()
                        + " minutes; nothing was charged.", Map.of("reason", "timeout"));
            }
            pause(wait, attempts);
            pause = min(pause.multipliedBy(2), properties.maxPoll());
            try {
                job = generations.provider(route).video(route.connection(), id);
            } catch (ProviderFailure failure) {
                if (!failure.retryable()) {
                    throw Generations.problem(failure);
                }
                job = null;
                if (failure.retryAfter() != null && failure.retryAfter().compareTo(pause) > 0) {
                    pause = min(failure.retryAfter(), properties.maxPoll());
                }
            }
        }
    }

    private Path download(Route route, String id, Instant deadline, Generations.Attempts attempts) {
        Path file;
        try {
            file = Files.createTempFile("ai-video-", ".mp4");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                attempts.stop().check();
                try {
                    generations.provider(route).downloadVideo(route.connection(), id, file);
                    return file;
                } catch (ProviderFailure failure) {
                    if (!failure.retryable() || attempt == DOWNLOADS || !clock.instant().isBefore(deadline)) {
                        throw Generations.problem(failure);
                    }
                    pause(properties.firstPoll(), attempts);
                }
            }
        } catch (RuntimeException failed) {
            deleteQuietly(file);
            throw failed;
        }
    }

    /** Waits, looking at the stop signal every {@link #SLICE}, so a cancel ends the wait at once. */
    private static void pause(Duration wait, Generations.Attempts attempts) {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            if (attempts.stop().stopped()) {
                throw stopped();
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, SLICE.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped();
            }
        }
    }

    private static ProblemException stopped() {
        return new ProblemException(AiProblems.PROVIDER_UNAVAILABLE, "The video generation was stopped; nothing was charged.",
                Map.of("reason", "stopped"));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is the system's to clean; the generation's outcome does not depend on it.
            file.toFile().deleteOnExit();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
