package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.IllegalTransitionException;
import id.modo.verse.common.LowercaseEnumConverter;
import id.modo.verse.common.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A crowdfunding campaign: its terms, its story and its status, which moves only through the methods here. The money
 * it raised and its backers are not this aggregate's to write: {@code raised_amount} and {@code backer_count} change by
 * conditional UPDATEs when investments confirm ({@link Investing}), so they are mapped read-only and a save of the
 * aggregate never writes a stale total back.
 */
@Entity
@Table(name = "campaigns")
class Campaign {

    /** Days are counted where the platform's creators are: a launch may end at most this many Jakarta days ahead. */
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final int MAX_DURATION_DAYS = 90;

    @Id
    private UUID id;
    @Column(name = "project_id")
    private UUID projectId;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "created_by")
    private UUID createdBy;
    private String title;
    private String slug;
    private String tagline;
    private String description;
    private String story;
    @Column(name = "poster_url")
    private String posterUrl;
    @Column(name = "banner_url")
    private String bannerUrl;
    @Column(name = "video_url")
    private String videoUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> gallery = new ArrayList<>();
    @Column(name = "goal_amount")
    private BigDecimal goalAmount;
    @Column(name = "raised_amount", insertable = false, updatable = false)
    private BigDecimal raisedAmount;
    @Column(name = "backer_count", insertable = false, updatable = false)
    private int backerCount;
    private String currency;
    @Convert(converter = FundingTypeConverter.class)
    @Column(name = "funding_type")
    private FundingType fundingType;
    @Column(name = "equity_offered")
    private BigDecimal equityOffered;
    @Column(name = "start_date")
    private Instant startDate;
    @Column(name = "end_date")
    private Instant endDate;
    private String category;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> tags = new ArrayList<>();
    @Convert(converter = StatusConverter.class)
    private CampaignStatus status;
    private String risks;
    private String challenges;
    @Column(name = "update_count", insertable = false, updatable = false)
    private int updateCount;
    @Column(name = "is_verified")
    private boolean verified;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "performance_score", insertable = false, updatable = false)
    private Integer performanceScore;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "launched_at")
    private Instant launchedAt;
    @Column(name = "funded_at")
    private Instant fundedAt;
    @Column(name = "review_note")
    private String reviewNote;
    @Column(name = "reviewed_by")
    private UUID reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Version
    private long version;

    protected Campaign() {
    }

    static Campaign create(UUID organizationId, UUID creator, String slug, CampaignTerms terms, Instant now) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.organizationId = organizationId;
        campaign.createdBy = creator;
        campaign.slug = slug;
        campaign.currency = "IDR";
        campaign.fundingType = FundingType.FLEXIBLE;
        campaign.goalAmount = BigDecimal.ZERO.setScale(2);
        campaign.raisedAmount = BigDecimal.ZERO.setScale(2);
        campaign.status = CampaignStatus.DRAFT;
        campaign.createdAt = now;
        campaign.apply(terms, now);
        return campaign;
    }

    /**
     * Applies what the creator sent (null: unchanged; an empty text or list clears it). The funding terms are agreed at
     * the review, so they change only in a draft; the pitch (texts, pictures, tags) may be improved while it runs.
     */
    void apply(CampaignTerms terms, Instant now) {
        List<String> locked = new ArrayList<>();
        boolean termsOpen = status == CampaignStatus.DRAFT;
        boolean pitchOpen = termsOpen || status == CampaignStatus.ACTIVE;
        if (!termsOpen) {
            terms.termFields().forEach(locked::add);
        }
        if (!pitchOpen) {
            terms.pitchFields().forEach(locked::add);
        }
        if (!locked.isEmpty()) {
            throw new ProblemException(InvestProblems.CAMPAIGN_LOCKED, "A " + status.dbValue() + " campaign cannot change "
                    + String.join(", ", locked) + ".", Map.of("fields", locked, "campaign_status", status.dbValue()));
        }
        if (terms.title() != null) {
            title = terms.title().strip();
        }
        if (terms.clearProject()) {
            projectId = null;
        } else if (terms.projectId() != null) {
            projectId = terms.projectId();
        }
        tagline = text(terms.tagline(), tagline);
        description = text(terms.description(), description);
        story = text(terms.story(), story);
        posterUrl = text(terms.posterUrl(), posterUrl);
        bannerUrl = text(terms.bannerUrl(), bannerUrl);
        videoUrl = text(terms.videoUrl(), videoUrl);
        if (terms.gallery() != null) {
            gallery = new ArrayList<>(terms.gallery().stream().map(String::strip).toList());
        }
        if (terms.goalAmount() != null) {
            goalAmount = terms.goalAmount();
        }
        if (terms.fundingType() != null) {
            fundingType = terms.fundingType();
        }
        if (terms.clearEquity()) {
            equityOffered = null;
        } else if (terms.equityOffered() != null) {
            equityOffered = terms.equityOffered();
        }
        if (terms.clearEndDate()) {
            endDate = null;
        } else if (terms.endDate() != null) {
            endDate = terms.endDate();
        }
        if (terms.clearCategory()) {
            category = null;
        } else if (terms.category() != null) {
            category = terms.category();
        }
        if (terms.tags() != null) {
            tags = new ArrayList<>(terms.tags().stream().map(String::strip).toList());
        }
        risks = text(terms.risks(), risks);
        challenges = text(terms.challenges(), challenges);
        updatedAt = now;
    }

    /** The creator asks for the review; the campaign must meet the launch rules now. */
    void submit(int tierCount, Instant now) {
        move(CampaignStatus.PENDING_REVIEW);
        requireLaunchable(tierCount, now);
        status = CampaignStatus.PENDING_REVIEW;
        submittedAt = now;
        reviewNote = null;
        updatedAt = now;
    }

    /** A platform admin launches it: checked again, as the end date may have come closer while it waited. */
    void approve(UUID admin, int tierCount, Instant now) {
        move(CampaignStatus.ACTIVE);
        requireLaunchable(tierCount, now);
        status = CampaignStatus.ACTIVE;
        startDate = now;
        launchedAt = now;
        verified = true;
        verifiedAt = now;
        reviewedBy = admin;
        reviewedAt = now;
        reviewNote = null;
        updatedAt = now;
    }

    /** A platform admin sends it back to the creator as a draft, with the reason they read on their campaign. */
    void reject(UUID admin, String reason, Instant now) {
        move(CampaignStatus.DRAFT);
        status = CampaignStatus.DRAFT;
        reviewNote = reason.strip();
        reviewedBy = admin;
        reviewedAt = now;
        updatedAt = now;
    }

    /** Ended: funded when it reached its goal, or a flexible one raised anything; failed otherwise. */
    void close(Instant now) {
        CampaignStatus outcome = outcome();
        move(outcome);
        if (endDate != null && now.isBefore(endDate)) {
            throw new IllegalTransitionException(InvestProblems.ILLEGAL_TRANSITION, "The campaign runs until its end date.",
                    status.dbValue(), outcome.dbValue(), List.of(CampaignStatus.CANCELLED.dbValue()));
        }
        status = outcome;
        if (outcome == CampaignStatus.FUNDED) {
            fundedAt = now;
        }
        updatedAt = now;
    }

    /**
     * A platform admin ends it now, before its end date if it has not come: the settlement then decides it by the same
     * rules as at its deadline. Only a running campaign or one waiting for its payments can be ended.
     */
    void endNow(Instant now) {
        if (status != CampaignStatus.ACTIVE && status != CampaignStatus.AWAITING_SETTLEMENT) {
            throw new IllegalTransitionException(InvestProblems.ILLEGAL_TRANSITION, "A " + status.dbValue() + " campaign cannot be closed.",
                    status.dbValue(), outcome().dbValue(), status.next().stream().map(CampaignStatus::dbValue).toList());
        }
        if (endDate == null || now.isBefore(endDate)) {
            endDate = now;
        }
        updatedAt = now;
    }

    /** Ended with payments still open (or investors to refund): it takes no more investments and waits for them. */
    void awaitSettlement(Instant now) {
        move(CampaignStatus.AWAITING_SETTLEMENT);
        if (endDate != null && now.isBefore(endDate)) {
            throw new IllegalTransitionException(InvestProblems.ILLEGAL_TRANSITION, "The campaign runs until its end date.",
                    status.dbValue(), CampaignStatus.AWAITING_SETTLEMENT.dbValue(), List.of(CampaignStatus.CANCELLED.dbValue()));
        }
        status = CampaignStatus.AWAITING_SETTLEMENT;
        updatedAt = now;
    }

    /** What closing would make of it with the money raised so far. */
    CampaignStatus outcome() {
        return raisedAmount.compareTo(goalAmount) >= 0 || (fundingType == FundingType.FLEXIBLE && raisedAmount.signum() > 0)
                ? CampaignStatus.FUNDED : CampaignStatus.FAILED;
    }

    void complete(Instant now) {
        move(CampaignStatus.COMPLETED);
        status = CampaignStatus.COMPLETED;
        updatedAt = now;
    }

    void cancel(Instant now) {
        move(CampaignStatus.CANCELLED);
        status = CampaignStatus.CANCELLED;
        updatedAt = now;
    }

    private void move(CampaignStatus target) {
        if (!status.next().contains(target)) {
            throw new IllegalTransitionException(InvestProblems.ILLEGAL_TRANSITION,
                    "A " + status.dbValue() + " campaign cannot become " + target.dbValue() + ".", status.dbValue(), target.dbValue(),
                    status.next().stream().map(CampaignStatus::dbValue).toList());
        }
    }

    /** The launch rules: a goal above 0, an end in the future at most 90 Jakarta days away, a tier, a story. */
    private void requireLaunchable(int tierCount, Instant now) {
        List<FieldError> missing = new ArrayList<>();
        if (goalAmount == null || goalAmount.signum() <= 0) {
            missing.add(new FieldError("goal_amount", "must be above 0"));
        }
        if (endDate == null || !endDate.isAfter(now)) {
            missing.add(new FieldError("end_date", "must be in the future"));
        } else {
            LocalDate last = LocalDate.ofInstant(now, JAKARTA).plusDays(MAX_DURATION_DAYS);
            if (LocalDate.ofInstant(endDate, JAKARTA).isAfter(last)) {
                missing.add(new FieldError("end_date", "must be at most " + MAX_DURATION_DAYS + " days away (Asia/Jakarta)"));
            }
        }
        if (tierCount < 1) {
            missing.add(new FieldError("tiers", "must have at least one tier"));
        }
        if (story == null || story.isBlank()) {
            missing.add(new FieldError("story", "must not be blank"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(InvestProblems.CAMPAIGN_INCOMPLETE, "The campaign is not ready to launch.",
                    Map.of("errors", missing));
        }
    }

    private static String text(String sent, String current) {
        if (sent == null) {
            return current;
        }
        return sent.isBlank() ? null : sent.strip();
    }

    UUID id() { return id; }
    CampaignId campaignId() { return CampaignId.of(id); }
    UUID projectId() { return projectId; }
    UUID organizationId() { return organizationId; }
    UUID createdBy() { return createdBy; }
    String title() { return title; }
    String slug() { return slug; }
    String tagline() { return tagline; }
    String description() { return description; }
    String story() { return story; }
    String posterUrl() { return posterUrl; }
    String bannerUrl() { return bannerUrl; }
    String videoUrl() { return videoUrl; }
    List<String> gallery() { return List.copyOf(gallery); }
    BigDecimal goalAmount() { return goalAmount; }
    BigDecimal raisedAmount() { return raisedAmount; }
    int backerCount() { return backerCount; }
    String currency() { return currency; }
    FundingType fundingType() { return fundingType; }
    BigDecimal equityOffered() { return equityOffered; }
    Instant startDate() { return startDate; }
    Instant endDate() { return endDate; }
    String category() { return category; }
    List<String> tags() { return List.copyOf(tags); }
    CampaignStatus status() { return status; }
    String risks() { return risks; }
    String challenges() { return challenges; }
    int updateCount() { return updateCount; }
    boolean verified() { return verified; }
    Instant verifiedAt() { return verifiedAt; }
    Integer performanceScore() { return performanceScore; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    Instant launchedAt() { return launchedAt; }
    Instant fundedAt() { return fundedAt; }
    String reviewNote() { return reviewNote; }
    Instant reviewedAt() { return reviewedAt; }
    Instant submittedAt() { return submittedAt; }

    static class StatusConverter extends LowercaseEnumConverter<CampaignStatus> {
        StatusConverter() {
            super(CampaignStatus.class);
        }
    }

    static class FundingTypeConverter extends LowercaseEnumConverter<FundingType> {
        FundingTypeConverter() {
            super(FundingType.class);
        }
    }
}
