package id.modo.verse.identity;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the identity module's API and facades, in one place so clients' {@code type} URIs are easy to find. */
final class IdentityProblems {

    static final ProblemType INVALID_CREDENTIALS = ProblemType.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Wrong email or password");
    static final ProblemType ACCOUNT_SUSPENDED = ProblemType.of(HttpStatus.FORBIDDEN, "account-suspended", "Account suspended");
    static final ProblemType EMAIL_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "email-taken", "Email already registered");
    static final ProblemType USERNAME_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "username-taken", "Username already taken");
    static final ProblemType INVALID_LINK = ProblemType.of(HttpStatus.BAD_REQUEST, "invalid-token",
            "This link is invalid, used or expired");
    static final ProblemType ACCOUNT_DELETED = ProblemType.of(HttpStatus.CONFLICT, "account-deleted", "Account deleted");
    static final ProblemType CANNOT_SUSPEND_SELF = ProblemType.of(HttpStatus.CONFLICT, "cannot-suspend-self",
            "You cannot suspend your own account");

    private IdentityProblems() {
    }
}
