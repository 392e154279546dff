package id.modo.verse.invest.revenue;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.invest.CampaignId;
import id.modo.verse.invest.revenue.LargestRemainder.Claim;
import id.modo.verse.invest.revenue.LargestRemainder.Part;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A funded campaign's revenue periods and their distribution. Recording a period splits its revenue into the
 * platform's, the creator's and the investors' parts by the configured percentages (stored on the row), and the
 * investors' pool over the confirmed investments that carry a revenue share, weighted by amount × the tier's revenue
 * share, with {@link LargestRemainder} in whole units: the payouts sum to the pool exactly. Everything is written in
 * the transaction that holds the campaign's row lock, so two recordings of overlapping periods cannot both pass.
 * Members read (viewers too); recording and retrying a payout move money, so they need billing rights.
 */
@Service
public class RevenueDistributions {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    private static final Set<String> FUNDED = Set.of("funded", "completed");
    /** Currencies paid out in whole units (Xendit disburses whole rupiah): their pool is split by the unit, not the cent. */
    private static final Set<String> WHOLE_UNITS = Set.of("IDR", "VND");
    private static final BigDecimal HUNDRED = new BigDecimal(100);
    private static final java.time.ZoneId JAKARTA = java.time.ZoneId.of("Asia/Jakarta");

    /** What the creator records; strings as they came, checked here so every refusal names its field. */
    public record RevenueRequest(String periodStart, String periodEnd, String totalRevenue, String currency) {
    }

    private final RevenueRows rows;
    private final Organizations organizations;
    private final RevenueProperties properties;
    private final Clock clock;
    private final PayoutJob.PayoutSender sender;

    RevenueDistributions(RevenueRows rows, Organizations organizations, RevenueProperties properties, Clock clock,
            PayoutJob.PayoutSender sender) {
        this.rows = rows;
        this.organizations = organizations;
        this.properties = properties;
        this.clock = clock;
        this.sender = sender;
    }

    /**
     * Sends the payouts that are due now, as the payout job does on its schedule; how many were sent. The demo data
     * uses it so its distributions are paid out when the app first starts.
     */
    public int sendDuePayouts() {
        return sender.run();
    }

    @Transactional
    public DistributionView record(UserId actor, OrganizationId organization, CampaignId campaignId, RevenueRequest request) {
        organizations.require(actor, organization, Permission.MANAGE_BILLING);
        RevenueRows.LockedCampaign campaign = rows.lockCampaign(campaignId.value())
                .filter(c -> organization.value().equals(c.organizationId())).orElseThrow(RevenueDistributions::notFound);
        Checked input = check(request, campaign.currency(), LocalDate.now(clock.withZone(JAKARTA)));
        if (!FUNDED.contains(campaign.status())) {
            throw new ProblemException(RevenueProblems.CAMPAIGN_NOT_FUNDED, "The campaign is " + campaign.status()
                    + "; revenue is recorded once it is funded.", Map.of("campaign_status", campaign.status()));
        }
        rows.overlapping(campaignId.value(), input.start(), input.end()).ifPresent(other -> {
            throw new ProblemException(RevenueProblems.PERIOD_OVERLAPS, "The period overlaps " + other.periodStart() + " to "
                    + other.periodEnd() + ", already recorded.", Map.of("overlaps", other.id()));
        });
        List<RevenueRows.Share> shares = rows.shares(campaignId.value());
        if (shares.isEmpty()) {
            throw new ProblemException(RevenueProblems.NO_REVENUE_SHARE,
                    "No confirmed investment of this campaign is in a tier with a revenue share.");
        }
        int scale = WHOLE_UNITS.contains(campaign.currency()) ? 0 : 2;
        long total = input.total().movePointRight(scale).longValueExact();
        BigDecimal platformPercent = properties.platformPercent().setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal investorPercent = properties.investorPercent().setScale(2, RoundingMode.UNNECESSARY);
        long platform = percentOf(total, platformPercent);
        long pool = percentOf(total, investorPercent);
        long creator = total - platform - pool;

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        rows.insert(new RevenueRows.NewDistribution(id, campaignId.value(), input.start(), input.end(), campaign.currency(),
                money(total, scale), money(platform, scale), money(creator, scale), money(pool, scale), platformPercent,
                HUNDRED.subtract(platformPercent).subtract(investorPercent), investorPercent, actor.value(), now));
        rows.insertPayouts(id, campaign.currency(), now, payouts(shares, pool, scale));
        return rows.distribution(campaignId.value(), id).orElseThrow();
    }

    /**
     * The pool's payouts: one per share whose part is at least one unit (a part of nothing moves no money). Each keeps
     * its exact share of the pool as a percentage to two decimals, the ERD's share_percent.
     */
    static List<RevenueRows.NewPayout> payouts(List<RevenueRows.Share> shares, long pool, int scale) {
        List<Claim> claims = shares.stream().map(s -> new Claim(s.investmentId(), weight(s))).toList();
        BigInteger totalWeight = claims.stream().map(Claim::weight).reduce(BigInteger.ZERO, BigInteger::add);
        List<Part> parts = LargestRemainder.split(pool, claims);
        List<RevenueRows.NewPayout> payouts = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.units() == 0) {
                continue;
            }
            BigDecimal percent = new BigDecimal(part.weight().multiply(BigInteger.valueOf(10_000)))
                    .divide(new BigDecimal(totalWeight), 0, RoundingMode.HALF_EVEN).movePointLeft(2);
            payouts.add(new RevenueRows.NewPayout(UUID.randomUUID(), part.id(), shares.get(i).userId(), percent,
                    money(part.units(), scale)));
        }
        return payouts;
    }

    /** amount × revenue share, both exact to the hundredth, as an integer. */
    private static BigInteger weight(RevenueRows.Share share) {
        return share.amount().setScale(2, RoundingMode.UNNECESSARY).unscaledValue()
                .multiply(share.revenueSharePercent().setScale(2, RoundingMode.UNNECESSARY).unscaledValue());
    }

    /** The floor of {@code percent} (two decimals) of {@code units}: what is cut off stays with the creator. */
    private static long percentOf(long units, BigDecimal percent) {
        return BigInteger.valueOf(units).multiply(percent.unscaledValue()).divide(BigInteger.valueOf(10_000)).longValueExact();
    }

    private static BigDecimal money(long units, int scale) {
        return BigDecimal.valueOf(units, scale).setScale(2, RoundingMode.UNNECESSARY);
    }

    @Transactional(readOnly = true)
    public Page<DistributionView> list(UserId actor, OrganizationId organization, CampaignId campaignId, String cursor, int limit) {
        owned(actor, organization, campaignId, Permission.VIEW);
        return rows.distributions(campaignId.value(), cursor, limit);
    }

    @Transactional(readOnly = true)
    public DistributionView get(UserId actor, OrganizationId organization, CampaignId campaignId, UUID distributionId) {
        owned(actor, organization, campaignId, Permission.VIEW);
        return rows.distribution(campaignId.value(), distributionId).orElseThrow(RevenueDistributions::notFound);
    }

    /** A distribution's payouts, largest first, {@code limit} from {@code offset}. */
    @Transactional(readOnly = true)
    public List<PayoutView> payouts(UserId actor, OrganizationId organization, CampaignId campaignId, UUID distributionId, int offset,
            int limit) {
        DistributionView distribution = get(actor, organization, campaignId, distributionId);
        return rows.payoutsOf(distribution.id(), offset, limit);
    }

    /** A failed payout back to pending: the payout job makes a new attempt (a new idempotency key at the provider). */
    @Transactional
    public PayoutView retry(UserId actor, OrganizationId organization, CampaignId campaignId, UUID distributionId, UUID payoutId) {
        owned(actor, organization, campaignId, Permission.MANAGE_BILLING);
        DistributionView distribution = rows.distribution(campaignId.value(), distributionId).orElseThrow(RevenueDistributions::notFound);
        PayoutView payout = rows.payout(distribution.id(), payoutId).orElseThrow(RevenueDistributions::notFound);
        if (!rows.retry(payout.id(), clock.instant())) {
            throw new ProblemException(RevenueProblems.PAYOUT_NOT_FAILED, "The payout is " + payout.status() + ".",
                    Map.of("payout_status", payout.status()));
        }
        rows.refreshStatus(distribution.id(), clock.instant());
        return rows.payout(distribution.id(), payoutId).orElseThrow();
    }

    private void owned(UserId actor, OrganizationId organization, CampaignId campaignId, Permission permission) {
        organizations.require(actor, organization, permission);
        rows.organizationOf(campaignId.value()).filter(organization.value()::equals).orElseThrow(RevenueDistributions::notFound);
    }

    private record Checked(LocalDate start, LocalDate end, BigDecimal total) {
    }

    private static Checked check(RevenueRequest request, String campaignCurrency, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date(request.periodStart(), "period_start", errors);
        LocalDate end = date(request.periodEnd(), "period_end", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("period_end", "must be on or after period_start"));
        }
        if (end != null && end.isAfter(today)) {
            errors.add(new FieldError("period_end", "must not be after today (" + today + ", Asia/Jakarta): revenue is recorded once earned"));
        }
        BigDecimal total = null;
        if (request.totalRevenue() == null || !DECIMAL.matcher(request.totalRevenue()).matches()) {
            errors.add(new FieldError("total_revenue", "must be a decimal string of 0 or more with at most 2 decimals, such as \"25000000.00\""));
        } else {
            total = new BigDecimal(request.totalRevenue());
            if (total.signum() == 0) {
                errors.add(new FieldError("total_revenue", "must be above 0"));
            } else if (WHOLE_UNITS.contains(campaignCurrency) && total.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError("total_revenue", "must be whole " + campaignCurrency + ": payouts are paid in whole units"));
            }
        }
        if (request.currency() != null && !request.currency().equals(campaignCurrency)) {
            errors.add(new FieldError("currency", "must be " + campaignCurrency + ", the campaign's currency"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        return new Checked(start, end, total);
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "must not be null"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                errors.add(new FieldError(field, "must be a date between 2000 and 2999"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2026-12-31"));
            return null;
        }
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such campaign, revenue period or payout.");
    }
}
