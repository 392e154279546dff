package id.modo.verse.studio.project;

import id.modo.verse.common.IllegalTransitionException;
import id.modo.verse.studio.StudioProblems;

/** A status move the project's life does not allow: 409 with the moves it does allow. */
class ProjectTransitionException extends IllegalTransitionException {

    ProjectTransitionException(ProjectStatus from, ProjectStatus to) {
        super(StudioProblems.ILLEGAL_STATUS_TRANSITION, "A " + from.dbValue() + " project cannot become " + to.dbValue() + "."
                + (from.next().isEmpty() ? " It can no longer change status." : " It can become: "
                        + String.join(", ", from.next().stream().map(ProjectStatus::dbValue).toList()) + "."),
                from.dbValue(), to.dbValue(), from.next().stream().map(ProjectStatus::dbValue).toList());
    }
}
