package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Calls along the routes until one answers: on a rate limit, a 5xx or a timeout the next route is tried (back to the
 * first after the last), after an exponential backoff with jitter, and never before the {@code Retry-After} that route
 * asked for. Bounded in attempts and in total time; other failures (a refused key, a bad answer) end it at once.
 */
final class FallbackChain {

    /** Waits; the production one sleeps, tests record the waits instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What served the request; {@code fellBackToPlatformKey} says an own key failed and the platform's key answered. */
    record Served<T>(T value, Route route, int attempts, boolean fellBackToPlatformKey) {
    }

    private final AiProperties.Fallback settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    FallbackChain(AiProperties.Fallback settings, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    <T> Served<T> run(List<Route> routes, Function<Route, T> call) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("No route to call");
        }
        Instant deadline = clock.instant().plus(settings.maxTotal());
        Map<Route, Instant> notBefore = new HashMap<>();
        ProviderFailure last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Route route = routes.get((attempt - 1) % routes.size());
            if (attempt > 1) {
                Instant now = clock.instant();
                Duration wait = max(backoff(attempt - 1), Duration.between(now, notBefore.getOrDefault(route, now)));
                if (now.plus(wait).isAfter(deadline)) {
                    break;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                return new Served<>(call.apply(route), route, attempt, routes.getFirst().ownKey() && !route.ownKey());
            } catch (ProviderFailure failure) {
                if (!failure.retryable()) {
                    throw failure;
                }
                last = failure;
                if (failure.retryAfter() != null) {
                    notBefore.put(route, clock.instant().plus(failure.retryAfter()));
                }
            }
        }
        throw last;
    }

    /** The n-th wait: the initial backoff doubled n-1 times, capped, then a random part of its upper half taken off. */
    Duration backoff(int n) {
        long initial = settings.initialBackoff().toMillis();
        long capped = Math.min(settings.maxBackoff().toMillis(), initial << Math.min(n - 1, 30));
        return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
