package id.modo.verse.payment;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the payment module's API and facade. */
final class PaymentProblems {

    static final ProblemType GATEWAY_UNAVAILABLE = ProblemType.of(HttpStatus.SERVICE_UNAVAILABLE, "payment-gateway-unavailable",
            "The payment provider is not reachable");
    static final ProblemType NOT_REFUNDABLE = ProblemType.of(HttpStatus.CONFLICT, "payment-not-refundable", "The payment cannot be refunded");
    static final ProblemType REFUND_TOO_LARGE = ProblemType.of(HttpStatus.CONFLICT, "refund-exceeds-payment",
            "The refund is larger than what is left to refund");
    static final ProblemType INVALID_NOTIFICATION = ProblemType.of(HttpStatus.BAD_REQUEST, "invalid-payment-notification",
            "The notification could not be verified");
    static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
            "This Idempotency-Key was used with another request");
    static final ProblemType IDEMPOTENCY_KEY_IN_USE = ProblemType.of(HttpStatus.CONFLICT, "idempotency-key-in-use",
            "A request with this Idempotency-Key is still running");
    static final ProblemType IDEMPOTENCY_KEY_INVALID = ProblemType.of(HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
            "The Idempotency-Key header is invalid");

    private PaymentProblems() {
    }
}
