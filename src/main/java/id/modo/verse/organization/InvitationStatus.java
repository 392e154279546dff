package id.modo.verse.organization;

import java.util.Locale;

/**
 * Where an invitation stands. Only {@link #PENDING} can be accepted, declined, revoked or resent;
 * a pending invitation past its expiry is reported as {@link #EXPIRED} (and stored so when the same
 * address is invited again). A resend turns an expired one pending again with a new token.
 */
public enum InvitationStatus {
    PENDING, ACCEPTED, EXPIRED, REVOKED, DECLINED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvitationStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
