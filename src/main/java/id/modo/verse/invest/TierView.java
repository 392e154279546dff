package id.modo.verse.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A tier as the API and pages show it. {@code left} is how many units are still free ({@code null}: no limit); units
 * held by payments still open count as taken, so the number never promises a unit a payer is paying for.
 */
public record TierView(UUID id, UUID campaignId, String name, String description, BigDecimal minAmount, BigDecimal maxAmount,
        BigDecimal suggestedAmount, List<String> benefits, List<TierReward> rewardItems, BigDecimal revenueSharePercent,
        BigDecimal equityPercent, boolean nftIncluded, String nftCollectionId, Integer limitQuantity, int soldQuantity,
        LocalDate estimatedDelivery, int displayOrder, boolean featured, Instant createdAt) {

    public Integer left() {
        return limitQuantity == null ? null : Math.max(0, limitQuantity - soldQuantity);
    }

    public boolean soldOut() {
        return limitQuantity != null && soldQuantity >= limitQuantity;
    }
}
