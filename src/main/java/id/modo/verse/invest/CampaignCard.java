package id.modo.verse.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A campaign in a list: the explore page, an organization's campaigns, the admins' review queue. */
public record CampaignCard(UUID id, UUID organizationId, String organizationName, String title, String slug, String tagline,
        String posterUrl, String category, String status, BigDecimal goalAmount, BigDecimal raisedAmount, int backerCount,
        String currency, Instant endDate, Instant launchedAt, Instant submittedAt, Instant createdAt, long daysLeft) {

    public int percentFunded() {
        if (goalAmount.signum() <= 0) {
            return 0;
        }
        return raisedAmount.multiply(BigDecimal.valueOf(100)).divide(goalAmount, 0, java.math.RoundingMode.FLOOR).intValue();
    }
}
