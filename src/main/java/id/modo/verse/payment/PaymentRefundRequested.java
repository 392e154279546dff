package id.modo.verse.payment;

import id.modo.verse.common.AuditedEvent;
import id.modo.verse.common.Money;
import java.util.Map;
import java.util.UUID;

/** Someone (or the system, {@code actorId} null) asked for a refund and the gateway accepted it. */
public record PaymentRefundRequested(UUID actorId, PaymentId paymentId, UUID organizationId, Money amount, String reason,
        String gatewayRefundId) implements AuditedEvent {

    public String entityType() {
        return "payment";
    }

    public UUID entityId() {
        return paymentId.value();
    }

    public String action() {
        return "payment_refund_request";
    }

    public Map<String, Object> newValues() {
        return Map.of("amount", amount.plain(), "currency", amount.currency(), "reason", reason == null ? "" : reason,
                "gateway_refund_id", gatewayRefundId == null ? "" : gatewayRefundId);
    }
}
