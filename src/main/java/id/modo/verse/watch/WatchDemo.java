package id.modo.verse.watch;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.Ffmpeg;
import id.modo.verse.media.FfmpegInstallation;
import id.modo.verse.organization.OrganizationId;
import jakarta.annotation.PreDestroy;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The demo catalogue: Studio Kancil Animasi's "Petualangan Si Kancil", a free series with a season of three episodes, and
 * the premium film "Kancil dan Buaya", in two categories. Their sources are generated with ffmpeg (testsrc2 with a tone)
 * and transcoded by the app's own pipeline once the app is ready, in the background, so readiness is not delayed; each
 * title publishes itself when its video is ready. Dewi (Layar Nusantara, on the free plan) is the demo fan: she has
 * watched half of episode 1, and the premium film is refused to her. Raka and Ani finished episode 1 (their Next Up is
 * episode 2); the fans rated both titles, the series is the featured banner and both are trending.
 */
@Service
class WatchDemo implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(WatchDemo.class);
    /** Episodes are 5½ minutes: shorter videos count as played at once (the resume rules), and the demo shows resuming. */
    static final int EPISODE_SECONDS = 330;
    static final int FILM_SECONDS = 60;

    private final Contents contents;
    private final Episodes episodes;
    private final Videos videos;
    private final Ffmpeg ffmpeg;
    private final JdbcClient jdbc;
    private final Ratings ratings;
    private final Trending trending;
    private volatile Thread sources;

    WatchDemo(Contents contents, Episodes episodes, Videos videos, Ffmpeg ffmpeg, JdbcClient jdbc, Ratings ratings, Trending trending) {
        this.contents = contents;
        this.episodes = episodes;
        this.videos = videos;
        this.ffmpeg = ffmpeg;
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.trending = trending;
    }

    @Override
    public int order() {
        return CONTENT + 10;
    }

    @Override
    public void seed(DemoContext demo) {
        UserId owner = UserId.of(demo.person(Person.KANCIL_OWNER));
        UserId fan = UserId.of(demo.person(Person.LAYAR_OWNER));
        OrganizationId kancil = OrganizationId.of(demo.tenant(Tenant.KANCIL));
        ContentView series = contents.create(owner, kancil, fields("Petualangan Si Kancil", "petualangan-si-kancil", ContentType.SERIES,
                ContentVisibility.FREE, "The mouse-deer outwits the forest's biggest animals, one short adventure at a time."));
        episodes.addSeason(owner, kancil, series.id(), 1, "Musim 1", null, 2026);
        List<Episodes.EpisodeView> made = new ArrayList<>();
        String[] titles = {"Kancil dan Buaya", "Kancil dan Harimau", "Kancil Mencuri Timun"};
        for (int n = 1; n <= titles.length; n++) {
            made.add(episodes.addEpisode(owner, kancil, series.id(), 1, n, titles[n - 1], null, null));
        }
        ContentView film = contents.create(owner, kancil, fields("Kancil dan Buaya: The Film", "kancil-dan-buaya-film", ContentType.MOVIE,
                ContentVisibility.PREMIUM, "A feature-length retelling of the river crossing, for premium plans."));
        UUID animation = category("Animation", "animation", 1);
        UUID family = category("Family", "family", 2);
        for (UUID content : List.of(series.id().value(), film.id().value())) {
            jdbc.sql("insert into content_category_items (content_id, category_id) values (?, ?), (?, ?)")
                    .params(content, animation, content, family).update();
        }
        // Half of episode 1 watched: it shows in Dewi's continue watching once the series is published.
        jdbc.sql("""
                insert into watch_history (user_id, content_id, episode_id, progress_seconds, duration_seconds, progress_percent, device_type)
                values (?, ?, ?, ?, ?, 50.00, 'web')""")
                .params(fan.value(), series.id().value(), made.getFirst().id().value(), EPISODE_SECONDS / 2, EPISODE_SECONDS).update();
        // Raka and Ani finished episode 1, so their Next Up offers episode 2.
        for (Person viewer : List.of(Person.KANCIL_OWNER, Person.FAN_ANI)) {
            jdbc.sql("""
                    insert into watch_history (user_id, content_id, episode_id, progress_seconds, duration_seconds, progress_percent, completed,
                                               device_type, watched_at)
                    values (?, ?, ?, 0, ?, 100.00, true, 'web', now() - interval '1 day')""")
                    .params(demo.person(viewer), series.id().value(), made.getFirst().id().value(), EPISODE_SECONDS).update();
        }
        jdbc.sql("update contents set featured = true, version = version + 1 where id = ?").param(series.id().value()).update();
        fans(demo, series.id(), film.id());
        // The demo is seeded once the app is ready, in one transaction; the sources are made after it committed, in the
        // background, and their transcoding then runs as jobs.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sources = Thread.ofVirtual().name("watch-demo-sources").start(() -> {
                    for (int i = 0; i < made.size() && !Thread.currentThread().isInterrupted(); i++) {
                        transcode(owner, kancil, series.id(), made.get(i).id(), 640, 360, EPISODE_SECONDS, 300 + 150 * i);
                    }
                    if (!Thread.currentThread().isInterrupted()) {
                        transcode(owner, kancil, film.id(), null, 1280, 720, FILM_SECONDS, 660);
                    }
                });
            }
        });
    }

    /**
     * The demo fans' ratings, reviews and views (today's, one per fan and title), then the trending ranks from those views.
     * Written directly: the titles are not published until their videos are transcoded, and the rating API takes
     * published titles only.
     */
    private void fans(DemoContext demo, ContentId series, ContentId film) {
        record Vote(Person fan, ContentId content, int rating, String review) {
        }
        List<Vote> votes = List.of(
                new Vote(Person.FAN_ANI, series, 5, "Cerdik sekali! My kids ask for **Kancil** every night; the river crossing is the best one."),
                new Vote(Person.FAN_JOKO, series, 4, "Short, funny episodes. The tiger episode is a little scary for the youngest."),
                new Vote(Person.LAYAR_OWNER, series, 4, null),
                new Vote(Person.FAN_JOKO, film, 5, "The film takes its time with the crocodiles, in a good way."),
                new Vote(Person.FAN_ANI, film, 4, null));
        for (Vote vote : votes) {
            jdbc.sql("insert into content_ratings (user_id, content_id, rating, review) values (?, ?, ?, ?)")
                    .params(demo.person(vote.fan()), vote.content().value(), vote.rating(), vote.review()).update();
            jdbc.sql("insert into content_views (content_id, user_id, view_date) values (?, ?, ?)")
                    .params(vote.content().value(), demo.person(vote.fan()), WatchHistory.viewDay(java.time.Instant.now())).update();
        }
        // Joko found Ani's review of the series helpful.
        jdbc.sql("""
                insert into content_rating_votes (rating_id, user_id)
                select id, ? from content_ratings where user_id = ? and content_id = ?""")
                .params(demo.person(Person.FAN_JOKO), demo.person(Person.FAN_ANI), series.value()).update();
        jdbc.sql("update content_ratings set helpful_count = 1 where user_id = ? and content_id = ?")
                .params(demo.person(Person.FAN_ANI), series.value()).update();
        for (ContentId content : List.of(series, film)) {
            ratings.recount(content);
            jdbc.sql("update contents set view_count = (select count(*) from content_views where content_id = ?) where id = ?")
                    .params(content.value(), content.value()).update();
        }
        trending.recompute();
    }

    /** An app that stops while the sources are made kills the ffmpeg at work (an interrupt does) and makes no more. */
    @PreDestroy
    void stop() {
        Thread making = sources;
        if (making != null) {
            making.interrupt();
        }
    }

    private void transcode(UserId owner, OrganizationId organization, ContentId content, EpisodeId episode, int width, int height,
            int seconds, int toneHz) {
        try {
            FfmpegInstallation programs = ffmpeg.installation().orElse(null);
            if (programs == null || programs.h264Encoder().isEmpty()) {
                log.warn("Demo videos not made: no ffmpeg with an H.264 encoder (see MODO_FFMPEG_PATH).");
                return;
            }
            Path source = Files.createTempFile("watch-demo-", ".mp4");
            try {
                ffmpeg.ffmpeg(List.of("-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                        "-f", "lavfi", "-i", "sine=frequency=" + toneHz + ":duration=" + seconds, "-c:v", programs.h264Encoder().get(),
                        "-b:v", "1M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", source.toString()), Duration.ofMinutes(10))
                        .orThrow("ffmpeg (demo source)");
                try (InputStream in = Files.newInputStream(source)) {
                    videos.upload(owner, organization, content, episode, "kancil-demo.mp4", in, true);
                }
            } finally {
                Files.deleteIfExists(source);
            }
        } catch (Exception e) {
            log.warn("A demo video could not be made: {}", e.toString());
        }
    }

    private UUID category(String name, String slug, int order) {
        return jdbc.sql("""
                insert into content_categories (name, slug, display_order) values (?, ?, ?)
                on conflict (slug) do update set name = excluded.name returning id""")
                .params(name, slug, order).query(UUID.class).single();
    }

    private static ContentFields fields(String title, String slug, ContentType type, ContentVisibility visibility, String description) {
        return new ContentFields(title, null, slug, description, null, type, "Fable", List.of("Animation"), "G", List.of(), null, 2026,
                null, null, null, null, List.of(new ContentFields.Person("Kancil", "The mouse-deer")), List.of(), "Studio Kancil Animasi",
                "Indonesia", List.of("id", "en"), visibility, null, null, null);
    }
}
