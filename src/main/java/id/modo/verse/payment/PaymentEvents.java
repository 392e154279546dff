package id.modo.verse.payment;

import id.modo.verse.common.AuditedEvent;
import id.modo.verse.common.Money;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What happens to payments. Published only from verified gateway notifications (or the reconciliation
 * job), each exactly once per payment and state, through the event publication registry; a module
 * handles the ones whose {@code purpose} is its own with {@code @ApplicationModuleListener}.
 */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    public record PaymentCompleted(PaymentId paymentId, PaymentPurpose purpose, String reference, UUID organizationId,
            UUID payerId, Money amount, String gateway, Instant completedAt) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "payment"; }
        public UUID entityId() { return paymentId.value(); }
        public String action() { return "payment_complete"; }
        public Map<String, Object> newValues() {
            return Map.of("status", "completed", "amount", amount.plain(), "currency", amount.currency(), "gateway", gateway);
        }
    }

    public record PaymentFailed(PaymentId paymentId, PaymentPurpose purpose, String reference, UUID organizationId,
            UUID payerId, Money amount, String gateway, String reason) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "payment"; }
        public UUID entityId() { return paymentId.value(); }
        public String action() { return "payment_fail"; }
        public Map<String, Object> newValues() {
            return Map.of("status", "failed", "reason", reason == null ? "" : reason);
        }
    }

    /** {@code totalRefunded} is everything refunded so far; {@code full} when it equals the amount paid. */
    public record PaymentRefunded(PaymentId paymentId, PaymentPurpose purpose, String reference, UUID organizationId,
            UUID payerId, Money refunded, Money totalRefunded, boolean full) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "payment"; }
        public UUID entityId() { return paymentId.value(); }
        public String action() { return "payment_refund"; }
        public Map<String, Object> newValues() {
            return Map.of("status", full ? "refunded" : "partially_refunded", "refunded", refunded.plain(),
                    "total_refunded", totalRefunded.plain());
        }
    }
}
