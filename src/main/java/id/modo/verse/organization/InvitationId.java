package id.modo.verse.organization;

import java.util.UUID;

/** The identity of an invitation as the API and pages take it from their paths. */
public record InvitationId(UUID value) {

    public InvitationId {
        if (value == null) {
            throw new IllegalArgumentException("An invitation id is required");
        }
    }

    public static InvitationId of(UUID value) {
        return new InvitationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
