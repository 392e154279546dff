package id.modo.verse.invest;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.organization.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A confirmed investment's rewards: one investor_rewards row per reward of its tier, made in the transaction that
 * confirms it (the caller holds the campaign's row lock), exactly once: the unique (investment, reward key) makes a
 * redelivered confirmation insert nothing. Digital, access and revenue-share rewards are delivered at once; physical
 * ones wait for the investor's address and the creator's shipping; credits go through the credit ledger to the
 * organization the investor owns (their oldest), once per reward (the reward's id is the ledger reference), and wait
 * for the investor to choose an organization when they own none.
 * <p>
 * When the investment is refunded, what was not delivered is cancelled, and so are the rewards MODO itself still
 * serves (the download link, access, the revenue share); shipped and delivered parcels stay. Granted credits are
 * reversed only as far as the organization has them unspent: the ledger never goes below zero for a refund.
 */
@Component
class InvestorRewards {

    static final String LEDGER_REFERENCE = "investor_reward";
    private static final TypeReference<List<TierReward>> REWARDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CreditLedger ledger;
    private final Organizations organizations;
    private final Clock clock;

    InvestorRewards(JdbcClient jdbc, JsonMapper json, CreditLedger ledger, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.ledger = ledger;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Makes the rewards of a confirmed investment; a second call for the same investment adds nothing. */
    void create(UUID investmentId) {
        record Confirmed(UUID userId, UUID tierId, String rewards, BigDecimal share) {
        }
        Optional<Confirmed> investment = jdbc.sql("""
                select i.user_id, i.tier_id, t.reward_items::text, t.revenue_share_percent
                from investments i join investment_tiers t on t.id = i.tier_id where i.id = ? and i.status = 'confirmed'""")
                .param(investmentId)
                .query((rs, n) -> new Confirmed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBigDecimal(4)))
                .optional();
        if (investment.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (TierReward reward : json.readValue(investment.get().rewards(), REWARDS)) {
            UUID id = UUID.randomUUID();
            String code = TierReward.DIGITAL.equals(reward.type()) && reward.accessCodes() != null
                    ? nextCode(investment.get().tierId(), reward) : null;
            String url = TierReward.DIGITAL.equals(reward.type()) && reward.assetId() != null ? downloadPath(id) : null;
            boolean delivered = url != null || code != null || TierReward.ACCESS.equals(reward.type())
                    || TierReward.REVENUE_SHARE.equals(reward.type());
            boolean inserted = jdbc.sql("""
                    insert into investor_rewards (id, investment_id, reward_key, reward_type, name, description, status, download_url,
                        access_code, asset_id, credits, delivered_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (investment_id, reward_key) do nothing""")
                    .params(id, investmentId, reward.key(), reward.type(), reward.name(), description(reward, investment.get().share()),
                            delivered ? "delivered" : "pending", url, code, reward.assetId(), reward.credits(), delivered ? now : null, now, now)
                    .update() == 1;
            if (inserted && TierReward.CREDIT.equals(reward.type())) {
                ownedOrganization(UserId.of(investment.get().userId())).ifPresent(org -> credit(id, org, reward.credits(), reward.name()));
            }
        }
    }

    /** The path of a digital reward's download; it answers only its investor (see {@code RewardApiController}). */
    static String downloadPath(UUID rewardId) {
        return "/api/v1/me/rewards/" + rewardId + "/download";
    }

    /**
     * One code for everyone, or the pool's next: the rewards of this tier and key already handed out count the codes
     * taken. Serial, as every confirmation of the campaign holds its row lock; a pool covers the tier's limit (checked
     * when the tier was saved), so it cannot run out.
     */
    private String nextCode(UUID tierId, TierReward reward) {
        if (reward.accessCodes().size() == 1) {
            return reward.accessCodes().getFirst();
        }
        int taken = jdbc.sql("""
                select count(*) from investor_rewards r join investments i on i.id = r.investment_id
                where i.tier_id = ? and r.reward_key = ? and r.access_code is not null""")
                .params(tierId, reward.key()).query(Integer.class).single();
        return taken < reward.accessCodes().size() ? reward.accessCodes().get(taken) : null;
    }

    private static String description(TierReward reward, BigDecimal share) {
        String extra = switch (reward.type()) {
            case TierReward.ACCESS -> reward.grants();
            case TierReward.REVENUE_SHARE -> share.stripTrailingZeros().toPlainString() + "% of the revenue, shared among this tier's investors";
            case TierReward.CREDIT -> reward.credits() + " AI credits";
            default -> null;
        };
        if (extra == null) {
            return reward.description();
        }
        return reward.description() == null ? extra : extra + "\n\n" + reward.description();
    }

    /** The investor's own billing account for credits: the oldest organization they own, if any. */
    private Optional<OrganizationId> ownedOrganization(UserId user) {
        return organizations.mine(user, null, 100).items().stream()
                .filter(o -> o.myRole() == Role.OWNER).map(Organizations.OrganizationView::id).findFirst();
    }

    /**
     * Grants a credit reward once (the ledger finds an earlier grant by the reward's id) and marks it delivered. Left
     * pending, to be claimed later, when the bonus bucket would pass the ledger's limit, rather than failing the
     * confirmation.
     */
    private boolean credit(UUID rewardId, OrganizationId org, int credits, String name) {
        if (ledger.balances(org).bonus() + (long) credits > CreditLedger.MAX_BUCKET_BALANCE) {
            return false;
        }
        ledger.grantOnce(org, CreditLedger.Grant.BONUS, credits, LEDGER_REFERENCE, rewardId.toString(), "Investor reward: " + name);
        jdbc.sql("""
                update investor_rewards set status = 'delivered', credited_organization_id = ?, delivered_at = ?, updated_at = ?
                where id = ? and status = 'pending'""")
                .params(org.value(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), rewardId).update();
        return true;
    }

    /**
     * The investor puts a pending credit reward into an organization where they manage billing (they owned none when
     * it was confirmed). Another user's reward, or one that is not a pending credit reward, is 404 / 409.
     */
    @Transactional
    public void claimCredits(UserId investor, UUID rewardId, OrganizationId org) {
        organizations.require(investor, org, Permission.MANAGE_BILLING);
        record Row(String type, String status, Integer credits, String name) {
        }
        Row row = jdbc.sql("""
                select r.reward_type, r.status, r.credits, r.name from investor_rewards r join investments i on i.id = r.investment_id
                where r.id = ? and i.user_id = ? for update of r""")
                .params(rewardId, investor.value())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)))
                .optional().orElseThrow(RewardFulfilment::notFound);
        if (!TierReward.CREDIT.equals(row.type()) || !"pending".equals(row.status())) {
            throw new ProblemException(InvestProblems.REWARD_NOT_EDITABLE, "Only a credit reward still waiting for an organization"
                    + " can be claimed; this one is a " + row.type() + " reward, " + row.status() + ".",
                    java.util.Map.of("reward_type", row.type(), "reward_status", row.status()));
        }
        if (!credit(rewardId, org, row.credits(), row.name())) {
            throw new ProblemException(ProblemType.CONFLICT, "The organization's bonus credits are at their limit.");
        }
    }

    /** A refunded investment's rewards, as the class comment says; call it in the transaction that refunds it. */
    void cancel(UUID investmentId) {
        Timestamp now = Timestamp.from(clock.instant());
        record Granted(UUID id, int credits, UUID organization) {
        }
        List<Granted> granted = jdbc.sql("""
                update investor_rewards set status = 'cancelled', updated_at = ?
                where investment_id = ? and (status in ('pending', 'processing')
                    or status = 'delivered' and reward_type in ('digital', 'access', 'revenue_share', 'credit'))
                returning id, reward_type, credits, credited_organization_id""")
                .params(now, investmentId)
                .query((rs, n) -> TierReward.CREDIT.equals(rs.getString(2)) && rs.getObject(4) != null
                        ? new Granted(rs.getObject(1, UUID.class), rs.getInt(3), rs.getObject(4, UUID.class)) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        for (Granted credit : granted) {
            OrganizationId org = OrganizationId.of(credit.organization());
            int unspent = Math.min(credit.credits(), ledger.balances(org).available());
            if (unspent > 0) {
                ledger.debit(org, null, unspent, LEDGER_REFERENCE, credit.id().toString(), "Investor reward reversed: investment refunded");
            }
        }
    }
}
