package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.common.RichText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The invest API's request and response records, shared by its controllers and the pages' forms. */
final class CampaignApi {

    static final String AMOUNT = "^\\d{1,13}(\\.\\d{1,2})?$";
    static final String AMOUNT_MESSAGE = "must be a decimal string with at most 2 decimals, such as \"150000.00\"";
    /** 0 to 100 with at most 2 decimals, or empty (clears it; a tier's share is then 0). */
    static final String PERCENT = "^$|^(100(\\.0{1,2})?|\\d{1,2}(\\.\\d{1,2})?)$";
    static final String PERCENT_MESSAGE = "must be a percentage from 0 to 100 with at most 2 decimals";
    static final String PICTURE = "^$|^https?://\\S+$|^/media/[0-9a-fA-F-]{36}$";
    static final String PICTURE_MESSAGE = "must be an http(s) URL or /media/{id} of an uploaded file";
    static final String UUID_OR_EMPTY = "^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private CampaignApi() {
    }

    enum CategoryName { film, series, animation, novel, game, music }

    enum FundingTypeName {
        all_or_nothing, flexible;

        FundingType domain() {
            return FundingType.valueOf(name().toUpperCase(Locale.ROOT));
        }
    }

    enum SortName { ending_soon, most_funded, newest }

    /**
     * A campaign's fields a creator sets; never its money, backers, status, verification or score. On create the title
     * is required; on a change an absent field stays, an empty string clears a text (an empty goal leaves it as it is).
     */
    record CampaignRequest(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Size(max = 100) String slug,
            @Pattern(regexp = UUID_OR_EMPTY, message = "must be a project id or empty") String projectId,
            @Size(max = 500) String tagline, @Size(max = 20000) String description, @Size(max = 50000) String story,
            @Size(max = 2000) @Pattern(regexp = PICTURE, message = PICTURE_MESSAGE) String posterUrl,
            @Size(max = 2000) @Pattern(regexp = PICTURE, message = PICTURE_MESSAGE) String bannerUrl,
            @Size(max = 2000) @Pattern(regexp = PICTURE, message = PICTURE_MESSAGE) String videoUrl,
            @Size(max = 20) List<@NotNull @Size(max = 2000) @Pattern(regexp = PICTURE, message = PICTURE_MESSAGE) String> gallery,
            @Pattern(regexp = "^$|" + AMOUNT, message = AMOUNT_MESSAGE) String goalAmount, FundingTypeName fundingType,
            @Pattern(regexp = PERCENT, message = PERCENT_MESSAGE) String equityOffered,
            OffsetDateTime endDate, CategoryName category,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 20000) String risks, @Size(max = 20000) String challenges) {

        CampaignTerms terms() {
            boolean clearProject = projectId != null && projectId.isEmpty();
            boolean clearEquity = equityOffered != null && equityOffered.isEmpty();
            return new CampaignTerms(title, projectId == null || clearProject ? null : UUID.fromString(projectId), clearProject,
                    tagline, description, story, posterUrl, bannerUrl, videoUrl, gallery,
                    goalAmount == null || goalAmount.isEmpty() ? null : new BigDecimal(goalAmount), fundingType == null ? null : fundingType.domain(),
                    equityOffered == null || clearEquity ? null : new BigDecimal(equityOffered), clearEquity,
                    endDate == null ? null : endDate.toInstant(), false, category == null ? null : category.name(), false, tags, risks,
                    challenges);
        }
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** Why a platform admin closes a campaign by hand; kept in the audit log. */
    record CloseRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A tier, whole. Amounts are decimal strings in the campaign's currency. */
    record TierRequest(@NotBlank @Size(max = 100) String name, @Size(max = 5000) String description,
            @NotNull @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String minAmount,
            @Pattern(regexp = "^$|" + AMOUNT, message = AMOUNT_MESSAGE) String maxAmount,
            @Pattern(regexp = "^$|" + AMOUNT, message = AMOUNT_MESSAGE) String suggestedAmount,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> benefits,
            @Size(max = 20) List<@Valid RewardRequest> rewardItems,
            @Pattern(regexp = PERCENT, message = PERCENT_MESSAGE) String revenueSharePercent,
            @Pattern(regexp = PERCENT, message = PERCENT_MESSAGE) String equityPercent,
            Boolean nftIncluded, @Size(max = 255) String nftCollectionId,
            @Min(1) @Max(1_000_000) Integer limitQuantity, LocalDate estimatedDelivery, @Min(0) @Max(1000) Integer displayOrder,
            Boolean isFeatured) {

        TierInput input() {
            return new TierInput(name, description, new BigDecimal(minAmount), decimal(maxAmount), decimal(suggestedAmount),
                    benefits == null ? List.of() : benefits, rewardItems == null ? List.of() : rewardItems,
                    percent(revenueSharePercent), percent(equityPercent), Boolean.TRUE.equals(nftIncluded), nftCollectionId,
                    limitQuantity, estimatedDelivery, displayOrder == null ? 0 : displayOrder, Boolean.TRUE.equals(isFeatured));
        }

        private static BigDecimal decimal(String value) {
            return value == null || value.isEmpty() ? null : new BigDecimal(value);
        }

        private static BigDecimal percent(String value) {
            return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
        }
    }

    /**
     * One reward of a tier: {@code type} digital, physical, access, revenue_share or credit; a digital one has
     * {@code asset_id} (a file of the organization's media library) or {@code access_codes} (one for everyone, or one per
     * unit); access says what it {@code grants}; credit has {@code credits}. The rules across fields are
     * {@link TierRewardChecks}'.
     */
    record RewardRequest(@Size(max = 20) String type, @Size(max = 255) String name, @Size(max = 2000) String description,
            @Size(max = 36) String assetId, List<String> accessCodes, @Size(max = 500) String grants, Integer credits) {
    }

    /** {@code amount} a decimal string; {@code currency} optional, and then it must be the campaign's. */
    record InvestRequest(UUID tierId, String amount, String currency) {
    }

    record CampaignResponse(UUID id, UUID organizationId, UUID projectId, UUID createdBy, String title, String slug, String tagline,
            String description, String story, String posterUrl, String bannerUrl, String videoUrl, List<String> gallery,
            Money goalAmount, Money raisedAmount, String currency, int backerCount, int progressPercent, String fundingType,
            BigDecimal equityOffered, Instant startDate, Instant endDate, String category, List<String> tags, String status,
            List<String> allowedStatuses, String risks, String challenges, int updateCount, boolean isVerified, Instant verifiedAt,
            Integer performanceScore, String reviewNote, Instant reviewedAt, Instant submittedAt, Instant createdAt,
            Instant updatedAt, Instant launchedAt, Instant fundedAt) {

        static CampaignResponse of(CampaignView c) {
            return new CampaignResponse(c.id(), c.organizationId(), c.projectId(), c.createdBy(), c.title(), c.slug(), c.tagline(),
                    c.description(), c.story(), c.posterUrl(), c.bannerUrl(), c.videoUrl(), c.gallery(),
                    new Money(c.goalAmount(), c.currency()), new Money(c.raisedAmount(), c.currency()), c.currency(), c.backerCount(),
                    c.percentFunded(), c.fundingType(), c.equityOffered(), c.startDate(), c.endDate(), c.category(), c.tags(), c.status(),
                    c.allowedStatuses(), c.risks(), c.challenges(), c.updateCount(), c.verified(), c.verifiedAt(), c.performanceScore(),
                    c.reviewNote(), c.reviewedAt(), c.submittedAt(), c.createdAt(), c.updatedAt(), c.launchedAt(), c.fundedAt());
        }
    }

    /** {@code left} is null for a tier without a limit. */
    record TierResponse(UUID id, UUID campaignId, String name, String description, Money minAmount, Money maxAmount,
            Money suggestedAmount, String currency, List<String> benefits, List<TierReward> rewardItems, BigDecimal revenueSharePercent,
            BigDecimal equityPercent, boolean nftIncluded, String nftCollectionId, Integer limitQuantity, int soldQuantity,
            Integer left, boolean soldOut, LocalDate estimatedDelivery, int displayOrder, boolean isFeatured, Instant createdAt) {

        static TierResponse of(TierView t, String currency) {
            return new TierResponse(t.id(), t.campaignId(), t.name(), t.description(), new Money(t.minAmount(), currency),
                    t.maxAmount() == null ? null : new Money(t.maxAmount(), currency),
                    t.suggestedAmount() == null ? null : new Money(t.suggestedAmount(), currency), currency, t.benefits(), t.rewardItems(),
                    t.revenueSharePercent(), t.equityPercent(), t.nftIncluded(), t.nftCollectionId(), t.limitQuantity(), t.soldQuantity(),
                    t.left(), t.soldOut(), t.estimatedDelivery(), t.displayOrder(), t.featured(), t.createdAt());
        }
    }

    record CardResponse(UUID id, UUID organizationId, String organizationName, String title, String slug, String tagline,
            String posterUrl, String category, String status, Money goalAmount, Money raisedAmount, String currency, int backerCount,
            int progressPercent, Instant endDate, long daysLeft, Instant launchedAt, Instant submittedAt, Instant createdAt) {

        static CardResponse of(CampaignCard c) {
            return new CardResponse(c.id(), c.organizationId(), c.organizationName(), c.title(), c.slug(), c.tagline(), c.posterUrl(),
                    c.category(), c.status(), new Money(c.goalAmount(), c.currency()), new Money(c.raisedAmount(), c.currency()),
                    c.currency(), c.backerCount(), c.percentFunded(), c.endDate(), c.daysLeft(), c.launchedAt(), c.submittedAt(),
                    c.createdAt());
        }
    }

    /** What anyone reads of a launched campaign: its story, risks and challenges also as sanitized HTML from their Markdown. */
    record PublicCampaignResponse(UUID id, UUID organizationId, String organizationName, UUID projectId, String title, String slug,
            String tagline, String description, String story, String storyHtml, String posterUrl, String bannerUrl, String videoUrl,
            List<String> gallery, Money goalAmount, Money raisedAmount, String currency, int backerCount, int progressPercent,
            long daysLeft, String fundingType, BigDecimal equityOffered, Instant startDate, Instant endDate, String category,
            List<String> tags, String status, String risks, String risksHtml, String challenges, String challengesHtml, int updateCount,
            boolean isVerified, Instant launchedAt, Instant fundedAt, List<TierResponse> tiers) {

        static PublicCampaignResponse of(CampaignCatalog.PublicCampaign p) {
            CampaignView c = p.campaign();
            return new PublicCampaignResponse(c.id(), c.organizationId(), p.organizationName(), c.projectId(), c.title(), c.slug(),
                    c.tagline(), c.description(), c.story(), RichText.toHtml(c.story()), c.posterUrl(), c.bannerUrl(),
                    c.videoUrl(), c.gallery(), new Money(c.goalAmount(), c.currency()), new Money(c.raisedAmount(), c.currency()),
                    c.currency(), c.backerCount(), c.percentFunded(), p.daysLeft(), c.fundingType(), c.equityOffered(), c.startDate(),
                    c.endDate(), c.category(), c.tags(), c.status(), c.risks(), RichText.toHtml(c.risks()),
                    c.challenges(), RichText.toHtml(c.challenges()), c.updateCount(), c.verified(), c.launchedAt(),
                    c.fundedAt(), p.tiers().stream().map(t -> TierResponse.of(t, c.currency())).toList());
        }
    }

    /** An investment; on the start also where to pay for it ({@code checkout_url}, the sandbox's page by default). */
    record InvestmentResponse(UUID id, UUID campaignId, String campaignTitle, UUID tierId, String tierName, Money amount,
            String currency, String status, String paymentStatus, UUID paymentId, String gateway, String checkoutUrl, Boolean testMode,
            Instant createdAt, Instant confirmedAt) {

        static InvestmentResponse of(InvestmentView i, String gateway, String checkoutUrl, Boolean testMode) {
            return new InvestmentResponse(i.id(), i.campaignId(), i.campaignTitle(), i.tierId(), i.tierName(),
                    new Money(i.amount(), i.currency()), i.currency(), i.status(), i.paymentStatus(), i.paymentId(), gateway, checkoutUrl,
                    testMode, i.createdAt(), i.confirmedAt());
        }
    }

    /** A backer of the organization's campaign: the investment, its fees and what is left for the creator ({@code net_amount}). */
    record BackerResponse(UUID investmentId, UUID userId, String name, String tierName, Money amount, String currency, String status,
            Money platformFee, Money paymentFee, Money netAmount, Instant createdAt, Instant confirmedAt) {

        static BackerResponse of(BackerView b) {
            return new BackerResponse(b.investmentId(), b.userId(), b.name(), b.tierName(), new Money(b.amount(), b.currency()),
                    b.currency(), b.status(), new Money(b.platformFee(), b.currency()), new Money(b.paymentFee(), b.currency()),
                    b.netAmount() == null ? null : new Money(b.netAmount(), b.currency()), b.createdAt(), b.confirmedAt());
        }
    }
}
