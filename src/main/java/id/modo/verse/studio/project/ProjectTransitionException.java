package id.modo.verse.studio.project;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A status move the project's life does not allow: 409 with the moves it does allow. */
class ProjectTransitionException extends ProblemException {

    static final ProblemType ILLEGAL_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "illegal-status-transition",
            "This status change is not allowed");

    ProjectTransitionException(ProjectStatus from, ProjectStatus to) {
        super(ILLEGAL_TRANSITION, "A " + from.dbValue() + " project cannot become " + to.dbValue() + "."
                + (from.next().isEmpty() ? " It can no longer change status." : " It can become: "
                        + String.join(", ", from.next().stream().map(ProjectStatus::dbValue).toList()) + "."),
                Map.of("current_status", from.dbValue(), "allowed", from.next().stream().map(ProjectStatus::dbValue).toList()));
    }
}
