package id.modo.verse.common;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The rules every keyset-paginated list follows (ARCHITECTURE.md section 4): {@code ?limit=}
 * defaults to {@value #DEFAULT_LIMIT} and goes up to {@value #MAX_LIMIT}; a list fetches
 * {@code limit + 1} rows ordered by its key, and the extra row, when there is one, says that a next
 * page exists, whose {@link KeysetCursor} is the position of the page's last row.
 */
public final class Keyset {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Keyset() {
    }

    /** A limit already checked by the caller (or chosen by a page), kept within 1..{@value #MAX_LIMIT}. */
    public static int clamp(int limit) {
        return Math.clamp(limit, 1, MAX_LIMIT);
    }

    /**
     * A limit a client asked for: {@value #DEFAULT_LIMIT} when absent; outside 1..{@value #MAX_LIMIT}
     * it is refused with 400 validation and a {@code limit} field error, under the given detail.
     */
    public static int limit(@Nullable Integer requested, String detail) {
        int size = requested == null ? DEFAULT_LIMIT : requested;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ProblemException(ProblemType.VALIDATION, detail, Map.of("errors",
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT))));
        }
        return size;
    }

    /** The position a client's cursor names, or {@code null} for the first page (no cursor or a blank one). */
    public static @Nullable KeysetCursor after(@Nullable String cursor) {
        return cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
    }

    /** How many rows to fetch for a page of {@code limit}: one more, to learn whether a next page exists. */
    public static int fetch(int limit) {
        return limit + 1;
    }

    /**
     * The page of {@code rows}, which were fetched with {@link #fetch(int) limit + 1}: the first
     * {@code limit} of them, and the cursor of the last one when a row was left over.
     */
    public static <T> Page<T> page(List<T> rows, int limit, Function<? super T, KeysetCursor> positionOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, positionOf.apply(items.getLast()).encode());
    }
}
