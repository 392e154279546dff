package id.modo.verse.credit;

import id.modo.verse.audit.AuditedInStatement;
import id.modo.verse.common.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Every change of an organization's credits, published in the changing transaction; audit writes
 * each to audit_logs there too. The entity is the organization's credit balance (its id is the
 * organization's), so an organization's audit log shows its credit history beside everything else.
 */
public final class CreditEvents {

    private CreditEvents() {
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                values.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return values;
    }

    /** Credits added: a subscription grant, a purchase, a bonus or a refund. */
    public record CreditsGranted(UUID organizationId, UUID actorId, String type, String bucket, int amount, String referenceType,
            String referenceId, int balanceAfter) implements AuditedEvent {
        public String entityType() { return "credits"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "credit_grant"; }
        public Map<String, Object> newValues() {
            return values("type", type, "bucket", bucket, "amount", amount, "balance_after", balanceAfter);
        }
        public Map<String, Object> metadata() { return values("reference_type", referenceType, "reference_id", referenceId); }
    }

    /**
     * Credits spent, bonus first, then rollover, then main; {@code amount} is positive. Its audit row is written by the
     * debit's own statement (see {@link CreditLedger}), under the organization's hot balance row lock.
     */
    public record CreditsDebited(UUID organizationId, UUID actorId, int amount, String referenceType, String referenceId,
            int balanceAfter) implements AuditedInStatement {
        public String entityType() { return "credits"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "credit_debit"; }
        public Map<String, Object> newValues() { return values("amount", amount, "balance_after", balanceAfter); }
        public Map<String, Object> metadata() { return values("reference_type", referenceType, "reference_id", referenceId); }
    }

    /** A platform admin's manual change of one bucket, with the reason they gave. */
    public record CreditsAdjusted(UUID organizationId, UUID actorId, String bucket, int amount, String reason, int balanceAfter)
            implements AuditedEvent {
        public String entityType() { return "credits"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "credit_adjust"; }
        public Map<String, Object> newValues() {
            return values("bucket", bucket, "amount", amount, "balance_after", balanceAfter);
        }
        public Map<String, Object> metadata() { return values("reason", reason); }
    }

    /** The monthly reset of one organization by the scheduled job (no actor). */
    public record CreditsReset(UUID organizationId, int granted, int rolledOver, int expired, int balanceAfter)
            implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "credits"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "credit_reset"; }
        public Map<String, Object> newValues() {
            return values("granted", granted, "rolled_over", rolledOver, "expired", expired, "balance_after", balanceAfter);
        }
    }

    /** The plan's monthly credits and rollover cap, as billing set them. */
    public record CreditAllowanceChanged(UUID organizationId, String oldPlan, int oldMonthlyCredits, int oldRolloverCap,
            String plan, int monthlyCredits, int rolloverCap) implements AuditedEvent {
        public UUID actorId() { return null; }
        public String entityType() { return "credits"; }
        public UUID entityId() { return organizationId; }
        public String action() { return "credit_allowance_change"; }
        public Map<String, Object> oldValues() {
            return values("plan", oldPlan, "monthly_credits", oldMonthlyCredits, "rollover_cap", oldRolloverCap);
        }
        public Map<String, Object> newValues() {
            return values("plan", plan, "monthly_credits", monthlyCredits, "rollover_cap", rolloverCap);
        }
    }
}
