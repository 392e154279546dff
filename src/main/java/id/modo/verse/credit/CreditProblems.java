package id.modo.verse.credit;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the credit module's API and facades, in one place so clients' {@code type} URIs are easy to find. */
public final class CreditProblems {

    public static final ProblemType INSUFFICIENT_CREDITS =
            ProblemType.of(HttpStatus.PAYMENT_REQUIRED, "insufficient-credits", "Not enough credits");
    public static final ProblemType RESERVATION_CLOSED =
            ProblemType.of(HttpStatus.CONFLICT, "reservation-closed", "The reservation is no longer held");
    public static final ProblemType ADJUSTMENT_EXCEEDS_BALANCE =
            ProblemType.of(HttpStatus.CONFLICT, "adjustment-exceeds-balance", "The adjustment would take more than there is");
    public static final ProblemType CREDIT_LIMIT_EXCEEDED =
            ProblemType.of(HttpStatus.CONFLICT, "credit-limit-exceeded", "The credits would exceed the bucket's limit");

    private CreditProblems() {
    }
}
