package id.modo.verse.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ShortCacheTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T00:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void keepsAValueForItsTtlThenReadsItAgain() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ofSeconds(5), clock);
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        clock.advance(Duration.ofMillis(4999));
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
    }

    @Test
    void aZeroTtlReadsEveryTime() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ZERO, clock);
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aClearOutsideATransactionForgetsAtOnce() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ofMinutes(1), clock);
        cache.get("a", this::load);
        cache.clearAfterCommit();
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aClearInATransactionWaitsForTheCommitAndARollbackKeepsTheValue() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ofMinutes(1), clock);
        cache.get("a", this::load);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.clearAfterCommit();
            // Until the change commits, readers may still see the old rows: the cache must not pick them up again meanwhile.
            assertThat(cache.get("a", this::load)).isEqualTo("a#1");
            TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.afterCommit());
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");

        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.clearAfterCommit();
            TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.afterCompletion(1));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aValueLoadedWhileAClearHappenedIsAnsweredButNotKept() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ofMinutes(1), clock);
        String first = cache.get("a", key -> {
            cache.clear();
            return load(key);
        });
        assertThat(first).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

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
