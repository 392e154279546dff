package id.modo.verse.identity;

import java.util.UUID;

/** The identity of an account, the only way other modules refer to one. */
public record UserId(UUID value) {

    public UserId {
        if (value == null) {
            throw new IllegalArgumentException("A user id is required");
        }
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
