package id.modo.verse.invest;

import java.util.UUID;

/** The identity of an investment tier of a campaign, as clients see it. */
public record TierId(UUID value) {

    public TierId {
        if (value == null) {
            throw new IllegalArgumentException("A tier id is required");
        }
    }

    public static TierId of(UUID value) {
        return new TierId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
