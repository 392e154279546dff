package id.modo.verse.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What changed between two snapshots of an aggregate, for the old and new values of an audited event. */
public final class Changes {

    private Changes() {
    }

    /** The entries of {@code from} whose value differs in {@code other}: call it both ways for old and new values. */
    public static Map<String, @Nullable Object> differing(Map<String, ? extends @Nullable Object> from,
            Map<String, ? extends @Nullable Object> other) {
        Map<String, @Nullable Object> result = new LinkedHashMap<>();
        from.forEach((key, value) -> {
            if (!Objects.equals(value, other.get(key))) {
                result.put(key, value);
            }
        });
        return result;
    }
}
