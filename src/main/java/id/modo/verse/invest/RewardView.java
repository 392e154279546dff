package id.modo.verse.invest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An investor's reward as its investor or the campaign's creator sees it. The link and the code reach only the
 * investor (null in the creator's list, and once the reward is cancelled).
 */
public record RewardView(UUID id, UUID investmentId, UUID campaignId, String campaignTitle, String tierName, UUID userId, String backerName,
        String type, String name, String description, String status, String downloadUrl, String accessCode, String trackingNumber,
        ShippingAddress shippingAddress, Integer credits, UUID creditedOrganizationId, Instant deliveredAt, Instant createdAt) {

    /** The statuses the creator may move it to: only physical rewards are fulfilled by hand. */
    public List<String> allowedStatuses() {
        if (!TierReward.PHYSICAL.equals(type)) {
            return List.of();
        }
        return switch (status) {
            case "pending" -> List.of("processing", "shipped");
            case "processing" -> List.of("shipped");
            case "shipped" -> List.of("delivered");
            default -> List.of();
        };
    }

    /** The investor may give or change the address until the parcel is shipped. */
    public boolean addressEditable() {
        return TierReward.PHYSICAL.equals(type) && ("pending".equals(status) || "processing".equals(status));
    }

    /** A credit reward still waiting for the organization to put its credits in. */
    public boolean creditsClaimable() {
        return TierReward.CREDIT.equals(type) && "pending".equals(status);
    }
}
