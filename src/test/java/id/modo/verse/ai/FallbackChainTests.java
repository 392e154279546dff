package id.modo.verse.ai;

import id.modo.verse.ai.provider.Connection;
import id.modo.verse.ai.provider.ProviderFailure;
import id.modo.verse.ai.provider.ProviderKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fallback chain's order, backoff, Retry-After and bounds, on a clock that only the recorded waits move. */
class FallbackChainTests {

    static final AiProperties.Fallback SETTINGS = new AiProperties.Fallback(4, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10));

    final MovingClock clock = new MovingClock();
    final List<Duration> waits = new ArrayList<>();
    final Route openaiOwn = route(ProviderKind.OPENAI, "gpt-4.1-mini", true);
    final Route openai = route(ProviderKind.OPENAI, "gpt-4.1-mini", false);
    final Route anthropic = route(ProviderKind.ANTHROPIC, "claude-sonnet-4-5", false);

    FallbackChain chain(AiProperties.Fallback settings, RandomGenerator random) {
        return new FallbackChain(settings, clock, duration -> {
            waits.add(duration);
            clock.advance(duration);
        }, random);
    }

    @Test
    void theFirstRouteThatAnswersServesWithoutWaiting() {
        var served = chain(SETTINGS, new FixedRandom(0)).run(List.of(openai, anthropic), route -> route.model().model());

        assertThat(served.value()).isEqualTo("gpt-4.1-mini");
        assertThat(served.attempts()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRateLimitOrAnOutageMovesToTheNextRouteAfterABackoff() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(unavailable(), rateLimited(null)));
        List<Route> called = new ArrayList<>();

        var served = chain(SETTINGS, new FixedRandom(0)).run(List.of(openai, anthropic), route -> {
            called.add(route);
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return "ok";
        });

        assertThat(called).containsExactly(openai, anthropic, openai);
        assertThat(served.route()).isEqualTo(openai);
        assertThat(served.attempts()).isEqualTo(3);
        // Exponential: 500 ms, then 1 s, each less up to half by jitter (none here).
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void jitterTakesARandomPartOfTheUpperHalfAndTheBackoffIsCapped() {
        FallbackChain chain = chain(SETTINGS, new FixedRandom(Long.MAX_VALUE));

        assertThat(chain.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(chain.backoff(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(chain.backoff(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(chain.backoff(10)).isEqualTo(Duration.ofSeconds(10));
        assertThat(chain(SETTINGS, new FixedRandom(0)).backoff(10)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRouteIsNotCalledAgainBeforeItsRetryAfter() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(rateLimited(Duration.ofSeconds(7))));

        var served = chain(SETTINGS, new FixedRandom(0)).run(List.of(openai), route -> {
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return "ok";
        });

        assertThat(served.attempts()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void itStopsAfterTheMaximumAttemptsWithTheLastFailure() {
        List<Route> called = new ArrayList<>();

        assertThatThrownBy(() -> chain(SETTINGS, new FixedRandom(0)).run(List.of(openai, anthropic), route -> {
            called.add(route);
            throw unavailable();
        })).isInstanceOf(ProviderFailure.class);

        assertThat(called).hasSize(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void itStopsWhenTheNextWaitWouldPassTheTotalTime() {
        AiProperties.Fallback tight = new AiProperties.Fallback(10, Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(10));
        List<Route> called = new ArrayList<>();

        assertThatThrownBy(() -> chain(tight, new FixedRandom(0)).run(List.of(openai), route -> {
            called.add(route);
            throw rateLimited(Duration.ofSeconds(30));
        })).isInstanceOf(ProviderFailure.class).extracting("kind").isEqualTo(ProviderFailure.Kind.RATE_LIMITED);

        assertThat(called).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRefusedKeyOrABadAnswerEndsTheChainAtOnce() {
        List<Route> called = new ArrayList<>();

        assertThatThrownBy(() -> chain(SETTINGS, new FixedRandom(0)).run(List.of(openai, anthropic), route -> {
            called.add(route);
            throw new ProviderFailure(ProviderFailure.Kind.UNAUTHORIZED, "openai answered 401", null, null);
        })).isInstanceOf(ProviderFailure.class);

        assertThat(called).containsExactly(openai);
    }

    @Test
    void fallingBackFromTheOrganizationsOwnKeyToThePlatformsIsSaid() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(rateLimited(null)));

        var served = chain(SETTINGS, new FixedRandom(0)).run(List.of(openaiOwn, openai), route -> {
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return "ok";
        });

        assertThat(served.route()).isEqualTo(openai);
        assertThat(served.fellBackToPlatformKey()).isTrue();
        assertThat(chain(SETTINGS, new FixedRandom(0)).run(List.of(openaiOwn, openai), route -> "ok").fellBackToPlatformKey()).isFalse();
    }

    static ProviderFailure unavailable() {
        return new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "answered 500", null, null);
    }

    static ProviderFailure rateLimited(Duration retryAfter) {
        return new ProviderFailure(ProviderFailure.Kind.RATE_LIMITED, "answered 429", retryAfter, null);
    }

    static Route route(ProviderKind provider, String model, boolean ownKey) {
        return new Route(model(provider, model, ModelKind.TEXT, false, null, 10), new Connection(ownKey ? "own" : "platform", null, Duration.ofSeconds(5)), ownKey);
    }

    static AiModel model(ProviderKind provider, String model, ModelKind kind, boolean isDefault, List<String> plans, int position) {
        return new AiModel(UUID.nameUUIDFromBytes((provider + model).getBytes()), provider, model, kind, null, null, null, null, null,
                isDefault, plans, position, null, null, null);
    }

    /** A random source answering the same bound-scaled value each time: 0 for no jitter, MAX_VALUE for the most. */
    record FixedRandom(long value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return value;
        }

        @Override
        public long nextLong(long bound) {
            return value == 0 ? 0 : bound - 1;
        }
    }

    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
