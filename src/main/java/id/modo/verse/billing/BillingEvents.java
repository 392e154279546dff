package id.modo.verse.billing;

import id.modo.verse.common.AuditedEvent;
import java.util.Map;
import java.util.UUID;

/** What happens to subscriptions, for the audit log and any module that follows plans. */
public final class BillingEvents {

    private BillingEvents() {
    }

    /**
     * A subscription moved: {@code action} is one of {@code subscription_trial_start}, {@code subscription_activate},
     * {@code subscription_upgrade}, {@code subscription_change_schedule}, {@code subscription_cancel_schedule},
     * {@code subscription_resume}, {@code subscription_renew}, {@code subscription_past_due}, {@code subscription_cancel}.
     * {@code actorId} is null when the system did it (a payment, the renewal job).
     */
    public record SubscriptionChanged(UUID organizationId, UUID actorId, UUID subscriptionId, String action, Map<String, Object> oldValues,
            Map<String, Object> newValues) implements AuditedEvent {
        public String entityType() { return "subscription"; }
        public UUID entityId() { return subscriptionId; }
    }
}
