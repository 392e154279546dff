package id.modo.verse.identity;

import java.util.Optional;

/**
 * Lets the module that owns invitations say, on the sign-in and sign-up pages, which invitation waits behind
 * their {@code next} address, so a person who follows an invitation mail while signed out knows why they are
 * asked to sign in and which address to use. Implemented there, asked here, so identity depends on no module
 * that depends on it.
 */
public interface PendingInvitationHint {

    /** The open invitation that {@code next} (a path on this site) leads to, if it leads to one. */
    Optional<Hint> forNext(String next);

    /** Which organization invites, with which role ({@code viewer}, {@code editor}, …), and the invited address. */
    record Hint(String organizationName, String role, String email) {
    }
}
