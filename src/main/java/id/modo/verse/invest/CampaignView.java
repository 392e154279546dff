package id.modo.verse.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign as its organization, the admins' review and the public pages read it. */
public record CampaignView(UUID id, UUID organizationId, UUID projectId, UUID createdBy, String title, String slug, String tagline,
        String description, String story, String posterUrl, String bannerUrl, String videoUrl, List<String> gallery,
        BigDecimal goalAmount, BigDecimal raisedAmount, int backerCount, String currency, String fundingType,
        BigDecimal equityOffered, Instant startDate, Instant endDate, String category, List<String> tags, String status,
        List<String> allowedStatuses, String risks, String challenges, int updateCount, boolean verified, Instant verifiedAt,
        Integer performanceScore, String reviewNote, Instant reviewedAt, Instant submittedAt, Instant createdAt,
        Instant updatedAt, Instant launchedAt, Instant fundedAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id(), c.organizationId(), c.projectId(), c.createdBy(), c.title(), c.slug(), c.tagline(),
                c.description(), c.story(), c.posterUrl(), c.bannerUrl(), c.videoUrl(), c.gallery(), c.goalAmount(), c.raisedAmount(),
                c.backerCount(), c.currency(), c.fundingType().name().toLowerCase(java.util.Locale.ROOT), c.equityOffered(),
                c.startDate(), c.endDate(), c.category(), c.tags(), c.status().dbValue(),
                c.status().next().stream().map(CampaignStatus::dbValue).toList(), c.risks(), c.challenges(), c.updateCount(),
                c.verified(), c.verifiedAt(), c.performanceScore(), c.reviewNote(), c.reviewedAt(), c.submittedAt(), c.createdAt(),
                c.updatedAt(), c.launchedAt(), c.fundedAt());
    }

    /** Whole percent of the goal raised, for progress bars (can pass 100). */
    public int percentFunded() {
        if (goalAmount == null || goalAmount.signum() <= 0) {
            return 0;
        }
        return raisedAmount.multiply(BigDecimal.valueOf(100)).divide(goalAmount, 0, java.math.RoundingMode.FLOOR).intValue();
    }
}
