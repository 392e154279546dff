package id.modo.verse.ai;

import id.modo.verse.ai.provider.Connection;
import id.modo.verse.ai.provider.ImageRequest;
import id.modo.verse.ai.provider.ImageResult;
import id.modo.verse.ai.provider.Provider;
import id.modo.verse.ai.provider.ProviderFailure;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.ai.provider.StopSignal;
import id.modo.verse.ai.provider.TextRequest;
import id.modo.verse.ai.provider.TextResult;
import id.modo.verse.ai.provider.VideoJob;
import id.modo.verse.ai.provider.VideoRequest;
import id.modo.verse.common.ProblemException;
import id.modo.verse.organization.OrganizationId;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a video generation follows the provider's video, with a provider that answers from a script: the looks that
 * fail for a moment are tried again, a refusal ends it, the total time is bounded, a stop ends the wait, and a run
 * started again follows the video already asked for instead of asking for another.
 */
class VideoGenerationsTests {

    static final VideoProperties FAST = new VideoProperties(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));
    static final AiModel SORA = new AiModel(UUID.randomUUID(), ProviderKind.OPENAI, "sora-2", ModelKind.VIDEO, null, null, null, null, null,
            true, null, 10, List.of(4, 8, 12), new BigDecimal("10"), new BigDecimal("0.1"));
    static final Route ROUTE = new Route(SORA, new Connection("platform", null, Duration.ofSeconds(5)), false);

    final Script provider = new Script();
    final Store store = new Store();

    @Test
    void aLookThatFailsForAMomentIsTriedAgainUntilTheVideoIsMade() throws Exception {
        provider.looks.add(new VideoJob("video_1", VideoJob.State.IN_PROGRESS, 20, null));
        provider.looks.add(new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "openai answered 503: unavailable", null, null));
        provider.looks.add(new VideoJob("video_1", VideoJob.State.COMPLETED, 100, null));
        List<Integer> progress = new ArrayList<>();

        VideoGenerations.Made made = videos(FAST).make(generation(Instant.now()), List.of(ROUTE), "a river", new Generations.Attempts(), progress::add);

        assertThat(Files.readAllBytes(made.file())).containsExactly(VideoWire.mp4());
        assertThat(made.receipt().model()).isEqualTo("sora-2");
        assertThat(progress).containsExactly(0, 20, 100);
        assertThat(provider.created).isEqualTo(1);
        assertThat(store.started).isEqualTo("video_1");
        Files.delete(made.file());
    }

    @Test
    void aVideoNotMadeInTheTotalTimeFailsAsATimeout() {
        for (int i = 0; i < 1_000; i++) {
            provider.looks.add(new VideoJob("video_1", VideoJob.State.IN_PROGRESS, 50, null));
        }
        VideoProperties bounded = new VideoProperties(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(300));
        Generations.Attempts attempts = new Generations.Attempts();
        Instant before = Instant.now();

        assertThatThrownBy(() -> videos(bounded).make(generation(Instant.now()), List.of(ROUTE), "a river", attempts, percent -> { }))
                .isInstanceOf(ProblemException.class).satisfies(e -> {
                    assertThat(((ProblemException) e).type()).isEqualTo(AiProblems.PROVIDER_UNAVAILABLE);
                    assertThat(((ProblemException) e).properties()).containsEntry("reason", "timeout");
                });
        assertThat(attempts.timedOut()).isTrue();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(provider.downloads).isZero();
    }

    @Test
    void aRefusedLookEndsItAndAStopEndsTheWait() {
        provider.looks.add(new ProviderFailure(ProviderFailure.Kind.BAD_RESPONSE, "openai answered 404: the request was refused", null, null));

        assertThatThrownBy(() -> videos(FAST).make(generation(Instant.now()), List.of(ROUTE), "a river", new Generations.Attempts(), p -> { }))
                .isInstanceOf(ProblemException.class).hasMessageContaining("404");

        StopSignal stop = StopSignal.never();
        stop.stop();
        store.existing = null;
        provider.looks.add(new VideoJob("video_1", VideoJob.State.IN_PROGRESS, 10, null));
        assertThatThrownBy(() -> videos(FAST).make(generation(Instant.now()), List.of(ROUTE), "a river", new Generations.Attempts(stop), p -> { }))
                .isInstanceOf(ProblemException.class).hasMessageContaining("stopped");
    }

    @Test
    void aRunStartedAgainFollowsTheVideoAlreadyAskedFor() throws Exception {
        store.existing = "video_9";
        provider.looks.add(new VideoJob("video_9", VideoJob.State.COMPLETED, 100, null));
        Generation resumed = generation(Instant.now());

        VideoGenerations.Made made = videos(FAST).make(resumed, List.of(ROUTE), "a river", new Generations.Attempts(), p -> { });

        assertThat(provider.created).isZero();
        assertThat(provider.looked).containsExactly("video_9");
        assertThat(made.receipt().provider()).isEqualTo("openai");
        Files.delete(made.file());
    }

    private VideoGenerations videos(VideoProperties properties) {
        AiProperties ai = new AiProperties(null, null, null, null, null, Duration.ofSeconds(5),
                new AiProperties.Fallback(2, Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(2)));
        Generations generations = new Generations(null, Map.of(ProviderKind.OPENAI, provider), ai, Clock.systemUTC());
        return new VideoGenerations(generations, store, properties, Clock.systemUTC());
    }

    private static Generation generation(Instant started) {
        return new Generation(GenerationId.of(UUID.randomUUID()), OrganizationId.of(UUID.randomUUID()), UUID.randomUUID(), null,
                GenerationType.BEAT_VIDEO, Map.of("prompt", "a river", "seconds", "4"), "beat_video.v1", GenerationMode.JOB,
                GenerationStatus.RUNNING, null, null, null, null, 40, null, null, null, "openai", "sora-2", false, false, started, started, null);
    }

    /** The provider's answers in order: a video, or a failure to throw. */
    static final class Script implements Provider {
        final Deque<Object> looks = new ArrayDeque<>();
        final List<String> looked = new ArrayList<>();
        int created;
        int downloads;

        @Override
        public ProviderKind kind() {
            return ProviderKind.OPENAI;
        }

        @Override
        public VideoJob createVideo(Connection connection, VideoRequest request) {
            created++;
            return new VideoJob("video_1", VideoJob.State.QUEUED, 0, null);
        }

        @Override
        public VideoJob video(Connection connection, String id) {
            looked.add(id);
            Object next = looks.removeFirst();
            if (next instanceof ProviderFailure failure) {
                throw failure;
            }
            return (VideoJob) next;
        }

        @Override
        public void downloadVideo(Connection connection, String id, Path target) {
            downloads++;
            try {
                Files.write(target, VideoWire.mp4());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public TextResult complete(Connection connection, TextRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TextResult stream(Connection connection, TextRequest request, Consumer<String> tokens, StopSignal stop) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImageResult image(Connection connection, ImageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validate(Connection connection) {
        }
    }

    /** The two things a video run asks of the store: the video already asked for, and recording a new one. */
    static final class Store extends GenerationStore {
        String existing;
        String started;

        Store() {
            super(null);
        }

        @Override
        boolean videoStarted(GenerationId id, String providerJobId, Receipt receipt) {
            started = providerJobId;
            return true;
        }

        @Override
        java.util.Optional<String> providerJobId(GenerationId id) {
            return java.util.Optional.ofNullable(existing);
        }
    }
}
