package id.modo.verse.common.jobs;

import id.modo.verse.common.IllegalTransitionException;
import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** A move the job's state does not allow (retrying a running job, cancelling a completed one): 409 with the moves it does allow. */
public class JobTransitionException extends IllegalTransitionException {

    public static final ProblemType ILLEGAL_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "illegal-transition",
            "This state change is not allowed");

    JobTransitionException(JobState from, JobState to) {
        super(ILLEGAL_TRANSITION, "A " + from.dbValue() + " job cannot become " + to.dbValue() + ".", from.dbValue(), to.dbValue(),
                from.userMoves().stream().map(JobState::dbValue).sorted().toList());
    }
}
