package id.modo.verse.studio.animatic;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The demo's story animatic: "Si Kancil" (seeded by {@code StudioDemo}) gets one rendered from whatever beats have
 * moodboard pictures (the moodboard demo's, seeded before at {@code CONTENT + 10}). It is an ordinary render job started
 * once the demo committed, so readiness waits for nothing; the pictures may still be being made in the background then,
 * so it waits for them a while. An app that stops meanwhile stops waiting, and a render cut short by a stop is taken up
 * again by the job scheduler at the next start.
 */
@Service
class AnimaticDemo implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(AnimaticDemo.class);
    /** How long the moodboard's pictures may take to appear after the demo was seeded. */
    static final Duration PICTURES_WAIT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final Animatics animatics;
    private final AnimaticRows rows;
    private final JdbcClient jdbc;
    private volatile Thread waiting;

    AnimaticDemo(Animatics animatics, AnimaticRows rows, JdbcClient jdbc) {
        this.animatics = animatics;
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return CONTENT + 30;
    }

    @Override
    public void seed(DemoContext demo) {
        UserId owner = UserId.of(demo.person(Person.KANCIL_OWNER));
        Optional<UUID> project = jdbc.sql("select id from projects where organization_id = ? and slug = 'si-kancil'")
                .param(demo.tenant(Tenant.KANCIL)).query(UUID.class).optional();
        if (project.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                waiting = Thread.ofVirtual().name("animatic-demo").start(() -> renderStory(owner, ProjectId.of(project.get()), PICTURES_WAIT));
            }
        });
    }

    @PreDestroy
    void stop() {
        Thread thread = waiting;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Starts the story's animatic as soon as a beat has a picture, waiting at most {@code wait}; empty when none came
     * (or the app is stopping).
     */
    Optional<Animatics.Started> renderStory(UserId owner, ProjectId project, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (rows.pictures(project).isEmpty()) {
                if (System.nanoTime() >= deadline) {
                    log.info("No demo animatic: the demo project's moodboard has no pictures.");
                    return Optional.empty();
                }
                Thread.sleep(POLL);
            }
            Animatics.Started started = animatics.start(owner, project, new Animatics.Order(true, null,
                    new AnimaticSettings(AnimaticSettings.DEFAULT_SECONDS, List.of(), AnimaticSettings.Captions.BURNED, null, "en")));
            return Optional.of(started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("The demo animatic could not be started: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
