package id.modo.verse.invest;

import id.modo.verse.common.AuditedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A platform admin closed a campaign by hand, with their reason; the audit log keeps who, when and why. */
public record CampaignClosedByAdmin(UUID actorId, UUID organizationId, UUID campaignId, String statusBefore,
        @Nullable Instant endDateBefore, Instant endDate, String reason) implements AuditedEvent {

    @Override
    public String entityType() {
        return "campaign";
    }

    @Override
    public UUID entityId() {
        return campaignId;
    }

    @Override
    public String action() {
        return "close_by_admin";
    }

    @Override
    public Map<String, @Nullable Object> oldValues() {
        Map<String, @Nullable Object> old = new HashMap<>();
        old.put("status", statusBefore);
        old.put("end_date", endDateBefore == null ? null : endDateBefore.toString());
        return old;
    }

    @Override
    public Map<String, @Nullable Object> newValues() {
        return Map.of("end_date", endDate.toString());
    }

    @Override
    public Map<String, @Nullable Object> metadata() {
        return Map.of("reason", reason);
    }
}
