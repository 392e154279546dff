package id.modo.verse.identity;

/**
 * Lets another module refuse an account's deletion while it would leave something without an
 * owner (an organization's last owner, say). Implemented there, asked here, so identity depends
 * on no module that depends on it.
 */
public interface AccountDeletionGuard {

    /** Throws a {@link id.modo.verse.common.ProblemException} saying what to do first, if the account may not go yet. */
    void checkDeletable(UserId user);
}
