package id.modo.verse.ai.provider;

import id.modo.verse.common.LruCache;
import java.util.function.Function;

/**
 * The SDK clients built so far, one per {@link Connection}, so calls with the same key and base URL share a
 * connection pool instead of opening a new one each time. Bounded: the least recently used client is dropped, not
 * closed, since a call may still be running on it; its idle connections and threads end by themselves.
 */
final class ClientCache<C> {

    private static final int MAX_CLIENTS = 64;

    private final Function<Connection, C> build;
    private final LruCache<Connection, C> clients = new LruCache<>(MAX_CLIENTS);

    ClientCache(Function<Connection, C> build) {
        this.build = build;
    }

    C get(Connection connection) {
        return clients.computeIfAbsent(connection, build);
    }
}
