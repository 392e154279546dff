package id.modo.verse.invest;

import id.modo.verse.identity.UserId;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A platform admin closes a running campaign, or one stuck waiting for its payments, now: it ends (its end date moves to
 * now if it had not come) and is settled through the deadline job's own code path ({@link Settlement}) without waiting
 * for its open payments, so it becomes funded or failed by the same rules, and a failed all-or-nothing campaign refunds
 * each confirmed investment exactly once. The end is committed with its audit entry before any gateway is called.
 */
@Service
class AdminClosing {

    private static final Logger log = LoggerFactory.getLogger(AdminClosing.class);

    private final CampaignRepository campaigns;
    private final Campaigns facade;
    private final Settlement settlement;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdminClosing(CampaignRepository campaigns, Campaigns facade, Settlement settlement, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.facade = facade;
        this.settlement = settlement;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /**
     * 404 for a campaign that does not exist, 409 {@code illegal-transition} unless it is active or awaiting settlement.
     * A refund the gateway refuses now leaves it awaiting settlement; the deadline job carries on from there.
     */
    CampaignView close(UserId admin, CampaignId id, String reason) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            Campaign campaign = campaigns.lockById(id.value()).orElseThrow(Campaigns::notFound);
            String before = campaign.status().dbValue();
            Instant endBefore = campaign.endDate();
            campaign.endNow(now);
            events.publishEvent(new CampaignClosedByAdmin(admin.value(), campaign.organizationId(), campaign.id(), before, endBefore,
                    campaign.endDate(), reason.strip()));
        });
        try {
            settlement.settle(id.value(), true, () -> { });
        } catch (RuntimeException e) {
            log.warn("Campaign {} closed by hand is not settled yet; the deadline job carries on: {}", id, e.getMessage());
        }
        return facade.forReview(id);
    }
}
