package id.modo.verse.invest;

import java.util.UUID;

/**
 * A payment completed for an investment that no longer takes it (expired at its campaign's settlement, or its
 * campaign failed first): its money is to go back. Handled after the confirming transaction commits, through the event
 * publication registry, so the refund is retried until it is done.
 */
public record LatePaymentReceived(UUID investmentId) {
}
