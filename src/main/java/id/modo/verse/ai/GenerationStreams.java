package id.modo.verse.ai;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.common.web.Problems;
import id.modo.verse.identity.UserId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of generations: a streamed answer ({@code token} deltas, then {@code generation} or {@code error})
 * and a generation followed while it waits or runs elsewhere (its row read once a {@link #TICK}, which sees changes
 * any node made, as the jobs' streams do).
 */
@Component
class GenerationStreams {

    static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration FOLLOW_TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(GenerationStreams.class);

    private final GenerationRequests requests;
    private final GenerationStore store;
    private final GenerationRun run;
    private final ObjectProvider<Jobs> jobs;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ai-generation-streams").factory());

    GenerationStreams(GenerationRequests requests, GenerationStore store, GenerationRun run, ObjectProvider<Jobs> jobs) {
        this.requests = requests;
        this.store = store;
        this.run = run;
        this.jobs = jobs;
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    /**
     * Answers a begun generation on its own thread, sending each token as it arrives. A reader who leaves cancels it,
     * as {@code POST …/cancel} would: the provider's stream is closed and the held credits come back, since nobody
     * gets the answer. A generation cancelled while it streams ends the stream with its {@code generation} event.
     */
    SseEmitter answer(GenerationRequests.Started started) {
        return answer(started, null);
    }

    /**
     * {@link #answer(GenerationRequests.Started)}, and once the generation completed, event {@code result} with what
     * {@code keep} made of it (a module keeping the result, such as Studio's proposal), before {@code generation}. A
     * problem {@code keep} throws ends the stream with its {@code error}.
     */
    SseEmitter answer(GenerationRequests.Started started, java.util.function.Function<Generation, Object> keep) {
        Generation generation = started.generation();
        SseEmitter emitter = new SseEmitter(requests.requestHold().toMillis());
        Sender sender = new Sender(emitter, () -> leave(generation));
        emitter.onError(failure -> sender.left());
        Thread.ofVirtual().name("ai-generation-" + generation.id()).start(() -> {
            try {
                Generation ended = requests.answer(started, new AnswerTokens() {
                    @Override
                    public void accept(String token) {
                        sender.send("token", Map.of("text", token));
                    }

                    @Override
                    public void discarded() {
                        sender.send("discarded", Map.of());
                    }
                });
                if (keep != null && ended.status() == GenerationStatus.COMPLETED) {
                    sender.send("result", keep.apply(ended));
                }
                sender.send("generation", GenerationResponse.of(ended));
            } catch (ProblemException problem) {
                Generation now = store.find(generation.id()).orElse(generation);
                if (now.status() == GenerationStatus.CANCELLED) {
                    sender.send("generation", GenerationResponse.of(now));
                } else {
                    sender.send("error", document(problem));
                }
            } catch (RuntimeException unexpected) {
                log.error("Streaming generation {} failed", generation.id(), unexpected);
                sender.send("error", Problems.of(id.modo.verse.common.ProblemType.of(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error", "Internal error"), "The generation failed on our side; nothing was charged."));
            } finally {
                sender.complete();
            }
        });
        return emitter;
    }

    private void leave(Generation generation) {
        try {
            run.cancel(generation);
        } catch (RuntimeException e) {
            log.warn("Could not cancel generation {} its reader left", generation.id(), e);
        }
    }

    /** A stream of one {@code error} event: the problem that refused the generation before it began. */
    SseEmitter refused(ProblemException problem) {
        SseEmitter emitter = new SseEmitter();
        Sender sender = new Sender(emitter, () -> { });
        sender.send("error", document(problem));
        sender.complete();
        return emitter;
    }

    private static ProblemDetail document(ProblemException problem) {
        ProblemDetail document = Problems.of(problem.type(), problem.getMessage());
        problem.properties().forEach(document::setProperty);
        return document;
    }

    /** Sends the generation now and on every change (and its job's progress), until it ends. */
    SseEmitter follow(UserId user, Generation generation) {
        SseEmitter emitter = new SseEmitter(FOLLOW_TIMEOUT.toMillis());
        // A follower who leaves stops following; the generation goes on.
        Sender sender = new Sender(emitter, () -> { });
        AtomicReference<Object> seen = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable tick = () -> {
            if (sender.gone()) {
                ScheduledFuture<?> scheduled = task.get();
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                return;
            }
            try {
                Generation now = store.find(generation.id()).orElseThrow(GenerationRequests::notFound);
                Job job = now.jobId() == null || now.status().terminal() ? null : jobs.getObject().get(user.value(), now.jobId());
                Object state = java.util.Arrays.asList(now.status(), now.jobId(), job == null ? null : job.percent(), job == null ? null : job.message());
                if (!Objects.equals(seen.getAndSet(state), state)) {
                    if (job != null) {
                        sender.send("progress", Map.of("percent", job.percent(), "message", job.message() == null ? "" : job.message()));
                    }
                    sender.send("generation", GenerationResponse.of(now));
                }
                if (now.status().terminal() || sender.gone()) {
                    sender.complete();
                    ScheduledFuture<?> scheduled = task.get();
                    if (scheduled != null) {
                        scheduled.cancel(false);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Could not follow generation {}", generation.id(), e);
                sender.complete();
                ScheduledFuture<?> scheduled = task.get();
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
            }
        };
        emitter.onTimeout(sender::complete);
        task.set(ticker.scheduleWithFixedDelay(tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    /** One stream's sends, in order; a reader who left is noticed, told to {@code onLeft} once, and sent nothing more. */
    private static final class Sender {

        private final SseEmitter emitter;
        private final Runnable onLeft;
        private boolean gone;

        Sender(SseEmitter emitter, Runnable onLeft) {
            this.emitter = emitter;
            this.onLeft = onLeft;
        }

        void send(String event, Object data) {
            synchronized (this) {
                if (gone) {
                    return;
                }
                try {
                    emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
                    return;
                } catch (IOException | IllegalStateException left) {
                    gone = true;
                }
            }
            onLeft.run();
        }

        /** The reader's connection failed (the container noticed before a send did). */
        void left() {
            synchronized (this) {
                if (gone) {
                    return;
                }
                gone = true;
            }
            onLeft.run();
        }

        synchronized boolean gone() {
            return gone;
        }

        synchronized void complete() {
            if (!gone) {
                gone = true;
                emitter.complete();
            }
        }
    }
}
