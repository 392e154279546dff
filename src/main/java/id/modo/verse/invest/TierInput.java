package id.modo.verse.invest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A tier as the creator sends it, whole (a tier is small, so a change sends all of it); its rewards still unchecked. */
record TierInput(String name, String description, BigDecimal minAmount, BigDecimal maxAmount, BigDecimal suggestedAmount,
        List<String> benefits, List<CampaignApi.RewardRequest> rewardItems, BigDecimal revenueSharePercent, BigDecimal equityPercent,
        boolean nftIncluded, String nftCollectionId, Integer limitQuantity, LocalDate estimatedDelivery, int displayOrder,
        boolean featured) {
}
