package id.modo.verse.common;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated list and the cursor of the next page, or {@code null} on the last
 * one. On the wire: {@code {"items": [...], "next_cursor": ...}}. Made by {@link Keyset#page}.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item turned into something else; the cursor stays. */
    public <U> Page<U> map(Function<? super T, ? extends U> mapper) {
        return new Page<>(items.stream().<U>map(mapper).toList(), nextCursor);
    }

    /** The same cursor with these items, for a page whose items are loaded in one look-up. */
    public <U> Page<U> with(List<U> newItems) {
        return new Page<>(newItems, nextCursor);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }
}
