package id.modo.verse.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A bounded in-memory map that drops its least recently used entry when full. Every method holds the cache's lock, so
 * keep values cheap to build in {@link #computeIfAbsent}, or build them outside and {@link #put} them.
 */
public final class LruCache<K, V> {

    private final Map<K, V> entries;

    public LruCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized @Nullable V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> build) {
        return entries.computeIfAbsent(key, build);
    }

    public synchronized int size() {
        return entries.size();
    }
}
