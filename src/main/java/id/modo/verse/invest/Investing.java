package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentPurpose;
import id.modo.verse.payment.PaymentRequest;
import id.modo.verse.payment.Payments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Investing in a campaign: the tier's unit is claimed and the investment stored pending (committed), then the payment
 * starts through the payment module; its verified completion confirms the investment and adds it to the campaign's
 * money and backers, its failure or expiry cancels it and gives the unit back. Nothing counts before the money moved.
 */
@Service
public class Investing {

    private static final Logger log = LoggerFactory.getLogger(Investing.class);
    /** Campaign statuses in which a completed payment still counts: running, waiting for its payments, or already funded. */
    private static final Set<String> SETTLING = Set.of("active", "awaiting_settlement", "funded");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    /** A started investment and where to send the investor to pay for it. */
    public record Started(InvestmentView investment, Checkout checkout) {
    }

    private final CampaignRepository campaigns;
    private final Tiers tiers;
    private final InvestmentRows investments;
    private final Payments payments;
    private final InvestmentRefunds refunds;
    private final InvestmentFees fees;
    private final InvestorRewards rewards;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Investing(CampaignRepository campaigns, Tiers tiers, InvestmentRows investments, Payments payments, InvestmentRefunds refunds,
            InvestmentFees fees, InvestorRewards rewards, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
            Clock clock) {
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.investments = investments;
        this.payments = payments;
        this.refunds = refunds;
        this.fees = fees;
        this.rewards = rewards;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts an investment of {@code amount} (a decimal string) in {@code currency} (null: the campaign's) into a tier.
     * 404 for a campaign that does not exist, 409 when it takes no investments or the tier is sold out, 400 naming the
     * field for a tier of another campaign or an amount outside the tier's range.
     */
    public Started invest(CurrentUser investor, CampaignId campaignId, UUID tierId, String amount, String currency) {
        Instant now = clock.instant();
        UUID investmentId = UUID.randomUUID();
        // Read without locks: the unit is claimed by the one statement below, which the tier's row lock serialises.
        Campaign campaign = campaigns.findById(campaignId.value()).orElseThrow(Campaigns::notFound);
        if (campaign.status() != CampaignStatus.ACTIVE || campaign.endDate() == null || !now.isBefore(campaign.endDate())) {
            throw new ProblemException(InvestProblems.CAMPAIGN_NOT_ACTIVE, "This campaign is " + (campaign.status() == CampaignStatus.ACTIVE
                    ? "past its end date" : campaign.status().dbValue()) + " and takes no investments.",
                    Map.of("campaign_status", campaign.status().dbValue()));
        }
        TierView tier = tierId == null ? null : tiers.find(campaign.id(), tierId).orElse(null);
        Money money = checkAmount(tier, tierId, amount, currency, campaign.currency());
        if (!investments.claimPending(investmentId, campaign.id(), investor.id().value(), tier.id(), money.amount(), money.currency(), now)) {
            throw new ProblemException(InvestProblems.TIER_SOLD_OUT, "Every unit of the tier '" + tier.name() + "' is taken.",
                    Map.of("tier_id", tier.id().toString()));
        }
        Checkout checkout;
        try {
            checkout = payments.start(new PaymentRequest(null, investor.id().value(), PaymentPurpose.INVESTMENT, investmentId.toString(),
                    money, description(campaign.title(), tier.name()), investor.email(), investor.getName(),
                    "/campaigns/" + campaignId + "?investment=" + investmentId));
        } catch (ProblemException e) {
            // Refused before any payment was stored: nothing will settle it, so the unit goes back now. Any other failure
            // may have left a payment the gateway still settles; its outcome event releases or confirms the unit then.
            if (e.type() == ProblemType.VALIDATION) {
                transactions.executeWithoutResult(status -> investments.fail(investmentId).ifPresent(tiers::release));
            }
            throw e;
        }
        investments.attachPayment(investmentId, checkout.paymentId().value(), checkout.gateway());
        InvestmentView view = new InvestmentView(investmentId, campaignId.value(), campaign.title(), tier.id(), tier.name(),
                money.amount(), money.currency(), "pending", "pending", checkout.paymentId().value(), now, null);
        return new Started(view, checkout);
    }

    /**
     * The investor takes a confirmed investment back while the campaign runs: its payment is refunded in full through
     * the gateway (once, however often this is called), then it leaves the campaign's money and backers and its tier's
     * unit is free again. Another user's investment is 404, like a missing one; an ended campaign or an investment that
     * is not confirmed is 409.
     */
    public InvestmentView cancel(CurrentUser investor, UUID investmentId) {
        InvestmentRows.Held investment = investments.find(investmentId)
                .filter(i -> i.userId().equals(investor.id().value()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such investment."));
        Campaign campaign = campaigns.findById(investment.campaignId()).orElseThrow(Campaigns::notFound);
        Instant now = clock.instant();
        if (campaign.status() != CampaignStatus.ACTIVE || campaign.endDate() == null || !now.isBefore(campaign.endDate())) {
            throw new ProblemException(InvestProblems.CAMPAIGN_NOT_ACTIVE, "The campaign has ended (" + campaign.status().dbValue()
                    + "); an investment can be cancelled only while it runs.", Map.of("campaign_status", campaign.status().dbValue()));
        }
        if (!"confirmed".equals(investment.status())) {
            throw new ProblemException(InvestProblems.INVESTMENT_NOT_CANCELLABLE, "Only a confirmed investment can be cancelled; this one is "
                    + investment.status() + ".", Map.of("investment_status", investment.status()));
        }
        refunds.refund(investment, InvestmentRefunds.Reason.INVESTOR_CANCEL, investor.id().value());
        transactions.executeWithoutResult(status -> {
            investments.lockCampaign(investment.campaignId());
            investments.refunded(investmentId, clock.instant()).ifPresent(tiers::release);
            rewards.cancel(investmentId);
        });
        return investments.mine(investor.id().value(), investmentId);
    }

    private static String description(String campaign, String tier) {
        String text = "Investment: " + campaign + " (" + tier + ")";
        return text.length() <= 255 ? text : text.substring(0, 252) + "...";
    }

    /** The amount rules, each refusal naming its field: a decimal above 0 with at most two decimals, in the tier's range. */
    private static Money checkAmount(TierView tier, UUID tierId, String amount, String currency, String campaignCurrency) {
        List<FieldError> errors = new ArrayList<>();
        if (tierId == null) {
            errors.add(new FieldError("tier_id", "must not be null"));
        } else if (tier == null) {
            errors.add(new FieldError("tier_id", "must be a tier of this campaign"));
        }
        if (currency != null && !currency.equals(campaignCurrency)) {
            errors.add(new FieldError("currency", "must be " + campaignCurrency + ", the campaign's currency"));
        }
        BigDecimal value = null;
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            errors.add(new FieldError("amount", "must be a decimal string such as \"150000.00\""));
        } else {
            value = new BigDecimal(amount);
            if (value.signum() <= 0) {
                errors.add(new FieldError("amount", "must be above 0"));
            } else if (value.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("amount", "must have at most 2 decimals"));
            } else if (tier != null && value.compareTo(tier.minAmount()) < 0) {
                errors.add(new FieldError("amount", "must be at least " + tier.minAmount().toPlainString() + " for this tier"));
            } else if (tier != null && tier.maxAmount() != null && value.compareTo(tier.maxAmount()) > 0) {
                errors.add(new FieldError("amount", "must be at most " + tier.maxAmount().toPlainString() + " for this tier"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        return new Money(value, campaignCurrency);
    }

    /** Delivered through the event publication registry: retried after a crash, and a second delivery finds nothing pending. */
    @ApplicationModuleListener
    void on(PaymentCompleted completed) {
        if (completed.purpose() != PaymentPurpose.INVESTMENT) {
            return;
        }
        Optional<UUID> investment = investmentOf(completed.reference());
        Optional<UUID> campaign = investment.flatMap(investments::campaignOf);
        if (campaign.isEmpty()) {
            log.error("Investment payment {} names no investment ({}); nothing confirmed", completed.paymentId(), completed.reference());
            return;
        }
        String campaignStatus = investments.lockCampaign(campaign.get());
        if (SETTLING.contains(campaignStatus)) {
            investments.confirm(investment.get(), completed.gateway(), clock.instant()).ifPresent(c -> {
                fees.record(investment.get(), completed.amount(), payments.reportedFee(completed.paymentId()).orElse(null));
                rewards.create(investment.get());
            });
        } else {
            // Decided failed (or cancelled) before this payment settled: the money goes back instead of counting.
            investments.fail(investment.get()).ifPresent(tiers::release);
        }
        // A payment that completed after its investment expired (or its campaign failed) is refunded, once, after this
        // commits: the gateway is not called while the campaign's lock is held.
        investments.find(investment.get()).filter(i -> "cancelled".equals(i.status()))
                .ifPresent(i -> events.publishEvent(new LatePaymentReceived(i.id())));
    }

    @ApplicationModuleListener
    void on(LatePaymentReceived late) {
        investments.find(late.investmentId()).filter(i -> "cancelled".equals(i.status()) && i.paymentId() != null)
                .ifPresent(i -> refunds.refund(i, InvestmentRefunds.Reason.LATE_PAYMENT, null));
    }

    @ApplicationModuleListener
    void on(PaymentFailed failed) {
        if (failed.purpose() != PaymentPurpose.INVESTMENT) {
            return;
        }
        investmentOf(failed.reference()).flatMap(investments::fail).ifPresent(tiers::release);
    }

    private static Optional<UUID> investmentOf(String reference) {
        try {
            return Optional.of(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
