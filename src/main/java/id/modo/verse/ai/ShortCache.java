package id.modo.verse.ai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the gateway reads on every generation but admins and owners change rarely (the catalogue, the platform keys, an
 * organization's own keys), kept for {@code ttl}. This node's changes clear it once they commit; another node's show
 * here at most {@code ttl} later. A zero {@code ttl} keeps nothing.
 * <p>
 * A value loaded while a clear happened is handed to its caller but not kept: it may have been read before the change
 * committed.
 */
final class ShortCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    /** Past this many entries a miss first drops the expired ones, so keys seen once (organizations) do not pile up. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong clears = new AtomicLong();

    ShortCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    V get(K key, Function<K, V> load) {
        if (ttl.isZero()) {
            return load.apply(key);
        }
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.value();
        }
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(old -> !now.isBefore(old.expires()));
        }
        long seen = clears.get();
        V value = load.apply(key);
        entries.put(key, new Entry<>(value, now.plus(ttl)));
        if (clears.get() != seen) {
            entries.remove(key);
        }
        return value;
    }

    /** Forgets everything once the caller's transaction commits (at once without one; nothing if it rolls back). */
    void clearAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    clear();
                }
            });
        } else {
            clear();
        }
    }

    void clear() {
        clears.incrementAndGet();
        entries.clear();
    }
}
