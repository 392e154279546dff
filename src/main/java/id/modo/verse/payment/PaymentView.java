package id.modo.verse.payment;

import id.modo.verse.common.Money;
import java.time.Instant;
import java.util.UUID;

/** A payment as other modules and the API see it. {@code fee} is null until the gateway reports one. */
public record PaymentView(PaymentId id, PaymentPurpose purpose, String reference, UUID organizationId, UUID payerId,
        Money amount, Money refunded, Money fee, String gateway, String gatewayReference, PaymentStatus status,
        Instant createdAt, Instant completedAt) {
}
