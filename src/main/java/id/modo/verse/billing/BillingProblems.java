package id.modo.verse.billing;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the billing module's API and facades, in one place so clients' {@code type} URIs are easy to find. */
public final class BillingProblems {

    public static final ProblemType PLAN_LIMIT_REACHED = ProblemType.of(HttpStatus.PAYMENT_REQUIRED, "plan-limit-reached", "Plan limit reached");
    public static final ProblemType PLAN_NOT_AVAILABLE = ProblemType.of(HttpStatus.BAD_REQUEST, "plan-not-available", "Plan not available");
    public static final ProblemType CHANGE_IN_PROGRESS = ProblemType.of(HttpStatus.CONFLICT, "change-in-progress",
            "This change is being made right now");
    public static final ProblemType UNKNOWN_PLAN = ProblemType.of(HttpStatus.BAD_REQUEST, "unknown-plan", "Unknown plan");
    public static final ProblemType SUBSCRIPTION_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "subscription-transition",
            "Not possible in the subscription's state");

    private BillingProblems() {
    }
}
