package id.modo.verse.common.jobs;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of jobs' progress. A change this node makes is sent at once; a change another node
 * made (the job runs there) is found by reading the watched jobs' rows once a {@link #TICK}. Reading a
 * few rows by primary key while someone watches needs nothing more than the pool and cannot miss a change,
 * where PostgreSQL's LISTEN/NOTIFY would hold a connection of its own per node, outside the pool, and lose
 * what was sent while it reconnected.
 *
 * <p>Each stream sends the job (event {@code job}) when it opens and whenever its state, progress or message
 * changes, a comment every {@link #HEARTBEAT} so proxies keep it open and a gone client is noticed, and
 * ends after the job reaches a terminal state.
 */
@Component
class JobStreams {

    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A browser's EventSource reconnects by itself after this; an API client opens the stream again. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(JobStreams.class);

    private final JobStore store;
    private final Map<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("job-streams").factory());
    private long ticks;

    JobStreams(JobStore store) {
        this.store = store;
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        watchers.values().forEach(set -> set.forEach(w -> w.emitter.complete()));
    }

    /** A stream of {@code job} (which the caller may see), starting with its current state. */
    SseEmitter open(Job job) {
        Watcher watcher = new Watcher(job.id(), new SseEmitter(TIMEOUT.toMillis()));
        watcher.emitter.onCompletion(() -> forget(watcher));
        watcher.emitter.onTimeout(() -> {
            forget(watcher);
            watcher.emitter.complete();
        });
        watcher.emitter.onError(e -> forget(watcher));
        watchers.computeIfAbsent(job.id(), id -> ConcurrentHashMap.newKeySet()).add(watcher);
        watcher.send(job);
        return watcher.emitter;
    }

    /** Sends a change made on this node to its watchers. */
    void changed(Job job) {
        Set<Watcher> set = watchers.get(job.id());
        if (set != null) {
            set.forEach(w -> w.send(job));
        }
    }

    /** Whether a client on this node still follows the job; one that went away is forgotten at the next send. */
    boolean watched(UUID job) {
        return watchers.containsKey(job);
    }

    private void tick() {
        try {
            boolean heartbeat = ++ticks % (HEARTBEAT.toMillis() / TICK.toMillis()) == 0;
            if (watchers.isEmpty()) {
                return;
            }
            List<Job> jobs = store.findAll(Set.copyOf(watchers.keySet()));
            jobs.forEach(this::changed);
            if (heartbeat) {
                watchers.values().forEach(set -> set.forEach(Watcher::heartbeat));
            }
        } catch (RuntimeException e) {
            log.warn("Could not read watched jobs; trying again in {}", TICK, e);
        }
    }

    private void forget(Watcher watcher) {
        watchers.computeIfPresent(watcher.job, (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    /** What a watcher was last sent; an equal job is not sent again. */
    private record Seen(JobState state, long done, long total, @Nullable String message, boolean cancelRequested) {
        static Seen of(Job job) {
            return new Seen(job.state(), job.done(), job.total(), job.message(), job.cancelRequested());
        }
    }

    private final class Watcher {

        private final UUID job;
        private final SseEmitter emitter;
        private @Nullable Seen seen;
        private boolean ended;

        Watcher(UUID job, SseEmitter emitter) {
            this.job = job;
            this.emitter = emitter;
        }

        synchronized void send(Job update) {
            Seen now = Seen.of(update);
            if (ended || now.equals(seen)) {
                return;
            }
            seen = now;
            try {
                emitter.send(SseEmitter.event().name("job").id(update.updatedAt().toString())
                        .data(JobResponse.of(update), MediaType.APPLICATION_JSON));
                if (update.state().terminal()) {
                    ended = true;
                    forget(this);
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException gone) {
                // the client went away (or the stream already ended); the container ends the request
                ended = true;
                forget(this);
            }
        }

        synchronized void heartbeat() {
            if (ended) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException gone) {
                ended = true;
                forget(this);
            }
        }
    }
}
