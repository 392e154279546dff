package id.modo.verse.credit;

import java.util.UUID;

/** A hold on an organization's credits, from {@link CreditReservations#reserve}. */
public record ReservationId(UUID value) {

    public ReservationId {
        if (value == null) {
            throw new IllegalArgumentException("A reservation id is required");
        }
    }

    public static ReservationId of(UUID value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
