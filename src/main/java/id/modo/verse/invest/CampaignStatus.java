package id.modo.verse.invest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A campaign's life: draft → pending_review → active → (awaiting_settlement) → funded | failed → completed, or cancelled
 * before it ends. An ended campaign waits in awaiting_settlement while gateway payments are still open or a failed
 * all-or-nothing campaign's investors are being refunded.
 */
public enum CampaignStatus {
    DRAFT, PENDING_REVIEW, ACTIVE, AWAITING_SETTLEMENT, FUNDED, FAILED, COMPLETED, CANCELLED;

    /** The statuses a campaign may move to from this one. */
    public List<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(PENDING_REVIEW, CANCELLED);
            case PENDING_REVIEW -> List.of(ACTIVE, DRAFT, CANCELLED);
            case ACTIVE -> List.of(AWAITING_SETTLEMENT, FUNDED, FAILED, CANCELLED);
            case AWAITING_SETTLEMENT -> List.of(FUNDED, FAILED);
            case FUNDED, FAILED -> List.of(COMPLETED);
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    /** The statuses anyone may see on the public pages: launched, ended or done (never a draft or a cancelled one). */
    static final Set<CampaignStatus> PUBLIC = Set.of(ACTIVE, AWAITING_SETTLEMENT, FUNDED, FAILED, COMPLETED);

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
