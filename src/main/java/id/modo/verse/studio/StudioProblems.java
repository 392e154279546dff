package id.modo.verse.studio;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the studio module's API and facades, in one place so clients' {@code type} URIs are easy to find. */
public final class StudioProblems {

    public static final ProblemType EDIT_CONFLICT = ProblemType.of(HttpStatus.CONFLICT, "edit-conflict", "Someone saved this first");
    public static final ProblemType NOT_RESTORABLE = ProblemType.of(HttpStatus.CONFLICT, "not-restorable", "This version cannot be restored");
    public static final ProblemType DIFFERENT_PARTS = ProblemType.of(HttpStatus.BAD_REQUEST, "different-parts",
            "Only versions of the same part compare");
    public static final ProblemType SLUG_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "slug-taken", "Address already taken");
    public static final ProblemType NOT_A_MEMBER = ProblemType.of(HttpStatus.CONFLICT, "not-an-organization-member",
            "Invite them to the organization first");
    public static final ProblemType ALREADY_COLLABORATOR = ProblemType.of(HttpStatus.CONFLICT, "already-a-collaborator",
            "Already on the team");
    public static final ProblemType LAST_PRODUCER = ProblemType.of(HttpStatus.CONFLICT, "last-producer", "A project needs a producer");
    public static final ProblemType ILLEGAL_STATUS_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "illegal-status-transition",
            "This status change is not allowed");

    private StudioProblems() {
    }
}
