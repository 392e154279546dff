package id.modo.verse.organization;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the organization module's API and facades, in one place so clients' {@code type} URIs are easy to find. */
final class OrganizationProblems {

    static final ProblemType ALREADY_MEMBER = ProblemType.of(HttpStatus.CONFLICT, "already-member", "Already a member");
    static final ProblemType ALREADY_INVITED = ProblemType.of(HttpStatus.CONFLICT, "already-invited", "Already invited");
    static final ProblemType INVITATION_GONE = ProblemType.of(HttpStatus.GONE, "invitation-gone", "Invitation no longer valid");
    static final ProblemType EMAIL_MISMATCH = ProblemType.of(HttpStatus.FORBIDDEN, "invitation-email-mismatch",
            "Invitation is for another email address");
    static final ProblemType SLUG_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "slug-taken", "Address already taken");
    static final ProblemType LAST_OWNER = ProblemType.of(HttpStatus.CONFLICT, "last-owner", "An organization needs an owner");
    static final ProblemType STILL_IN_USE = ProblemType.of(HttpStatus.CONFLICT, "organization-in-use", "Organization still has content");

    private OrganizationProblems() {
    }
}
