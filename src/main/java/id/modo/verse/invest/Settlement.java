package id.modo.verse.invest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends campaigns at their end date (the deadline job, {@link DeadlineJob}). A campaign with gateway payments still open
 * waits in awaiting_settlement, at most the settlement window after its end; then the open ones expire (their tier units
 * come back; a payment that completes later is refunded) and it is decided: funded, or failed. A failed all-or-nothing
 * campaign first refunds every confirmed investment, once each ({@link InvestmentRefunds}), and closes as failed only
 * when none is left, so a run killed half-way is simply run again.
 */
@Service
class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);
    private static final int BATCH = 100;

    /** Where a campaign stands after one settlement step. */
    enum Step { NOT_DUE, WAITING, REFUNDING, CLOSED }

    private final CampaignRepository campaigns;
    private final InvestmentRows investments;
    private final InvestmentRefunds refunds;
    private final Tiers tiers;
    private final InvestorRewards rewards;
    private final JdbcClient jdbc;
    private final LifecycleProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Settlement(CampaignRepository campaigns, InvestmentRows investments, InvestmentRefunds refunds, Tiers tiers, InvestorRewards rewards,
            JdbcClient jdbc, LifecycleProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.campaigns = campaigns;
        this.investments = investments;
        this.refunds = refunds;
        this.tiers = tiers;
        this.rewards = rewards;
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One run of the deadline job: every launched campaign past its end date, oldest end first. */
    void settleDue() {
        List<UUID> due = jdbc.sql("""
                select id from campaigns where status in ('active', 'awaiting_settlement') and end_date <= ?
                order by end_date, id limit ?""")
                .params(Timestamp.from(clock.instant()), BATCH).query(UUID.class).list();
        for (UUID campaign : due) {
            try {
                settle(campaign, () -> { });
            } catch (RuntimeException e) {
                // The next run tries again; one campaign's gateway trouble must not hold up the others.
                log.warn("Campaign {} not settled yet: {}", campaign, e.getMessage());
            }
        }
    }

    /**
     * Settles one campaign as far as it can now. {@code afterEachRefund} runs after each investment refunded, so a test
     * can stop a run half-way as a crash would.
     */
    Step settle(UUID campaignId, Runnable afterEachRefund) {
        return settle(campaignId, false, afterEachRefund);
    }

    /**
     * {@code byHand}: a platform admin closes it ({@link AdminClosing}), so its open payments are not waited for: they
     * expire now, as at the end of the settlement window.
     */
    Step settle(UUID campaignId, boolean byHand, Runnable afterEachRefund) {
        Step step = decide(campaignId, byHand);
        if (step != Step.REFUNDING) {
            return step;
        }
        for (InvestmentRows.Held investment : investments.ofCampaign(campaignId, "confirmed")) {
            refunds.refund(investment, InvestmentRefunds.Reason.CAMPAIGN_FAILED, null);
            transactions.executeWithoutResult(status -> {
                investments.lockCampaign(campaignId);
                investments.refunded(investment.id(), clock.instant()).ifPresent(tiers::release);
                rewards.cancel(investment.id());
            });
            afterEachRefund.run();
        }
        return decide(campaignId, byHand);
    }

    private Step decide(UUID campaignId, boolean byHand) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            Campaign campaign = campaigns.lockById(campaignId).orElseThrow(Campaigns::notFound);
            boolean launched = campaign.status() == CampaignStatus.ACTIVE || campaign.status() == CampaignStatus.AWAITING_SETTLEMENT;
            if (!launched || campaign.endDate() == null || now.isBefore(campaign.endDate())) {
                return Step.NOT_DUE;
            }
            List<InvestmentRows.Held> open = investments.ofCampaign(campaignId, "pending");
            if (!open.isEmpty()) {
                if (!byHand && now.isBefore(campaign.endDate().plus(properties.settlementWindow()))) {
                    awaitSettlement(campaign, now);
                    return Step.WAITING;
                }
                open.forEach(investment -> investments.fail(investment.id()).ifPresent(tiers::release));
            }
            if (campaign.outcome() == CampaignStatus.FAILED && campaign.fundingType() == FundingType.ALL_OR_NOTHING
                    && investments.countOf(campaignId, "confirmed") > 0) {
                awaitSettlement(campaign, now);
                return Step.REFUNDING;
            }
            campaign.close(now);
            return Step.CLOSED;
        });
    }

    private static void awaitSettlement(Campaign campaign, Instant now) {
        if (campaign.status() == CampaignStatus.ACTIVE) {
            campaign.awaitSettlement(now);
        }
    }
}
