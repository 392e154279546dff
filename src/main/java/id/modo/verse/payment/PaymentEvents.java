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

    /**
     * A verified gateway notification that was recorded but not applied, because what it reports does not match its
     * payment: {@code reason} {@code currency_mismatch} (money in another currency than the payment's) or
     * {@code amount_mismatch} (a completion for another amount than the payment's). The payment did not move; an admin
     * has to settle it with the gateway. Written to the audit log (the platform's and the paying organization's).
     */
    public record PaymentNotificationRefused(PaymentId paymentId, PaymentPurpose purpose, String reference, UUID organizationId,
            String gateway, String eventId, String notificationType, String reason, Money expected, Money reported)
            implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "payment"; }
        public UUID entityId() { return paymentId.value(); }
        public String action() { return "payment_notification_refuse"; }
        public Map<String, Object> newValues() {
            return Map.of("reason", reason, "gateway", gateway, "event_id", eventId, "notification_type",
                    notificationType == null ? "" : notificationType,
                    "expected_amount", expected.plain(), "expected_currency", expected.currency(),
                    "reported_amount", reported.plain(), "reported_currency", reported.currency());
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
