package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivering rewards: the investor reads their own (another user's is 404, like a missing one), opens a digital
 * download and gives the address of a physical one; the campaign's organization (members who edit content) lists
 * them and moves a physical one pending → processing → shipped (with a tracking number) → delivered.
 */
@Service
public class RewardFulfilment {

    /** Long enough to start the download, short enough that a shared link soon stops working. */
    private static final Duration DOWNLOAD_LINK = Duration.ofMinutes(5);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String SELECT = """
            select r.id, r.investment_id, i.campaign_id, c.title, t.name as tier_name, i.user_id, r.reward_type, r.name, r.description,
                r.status, r.download_url, r.access_code, r.tracking_number, r.shipping_address::text as address, r.credits,
                r.credited_organization_id, r.delivered_at, r.created_at
            from investor_rewards r join investments i on i.id = r.investment_id join campaigns c on c.id = i.campaign_id
                left join investment_tiers t on t.id = i.tier_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Organizations organizations;
    private final Accounts accounts;
    private final Assets assets;
    private final Clock clock;

    RewardFulfilment(JdbcClient jdbc, JsonMapper json, Organizations organizations, Accounts accounts, Assets assets, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.organizations = organizations;
        this.accounts = accounts;
        this.assets = assets;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the investor

    @Transactional(readOnly = true)
    public Page<RewardView> mine(UserId investor, String cursor, int limit) {
        return page("i.user_id = ?", List.of(investor.value()), cursor, limit, true);
    }

    @Transactional(readOnly = true)
    public RewardView mine(UserId investor, UUID rewardId) {
        return jdbc.sql(SELECT + " where r.id = ? and i.user_id = ?").params(rewardId, investor.value())
                .query((rs, n) -> row(rs, true)).optional().orElseThrow(RewardFulfilment::notFound);
    }

    /** Gives or changes a physical reward's address until it is shipped (409 after, and for any other type). */
    @Transactional
    public RewardView address(UserId investor, UUID rewardId, ShippingAddress address) {
        RewardView reward = locked(rewardId, "i.user_id = ?", investor.value());
        if (!COUNTRIES.contains(address.country())) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors",
                    List.of(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code such as ID"))));
        }
        if (!reward.addressEditable()) {
            throw new ProblemException(InvestProblems.REWARD_NOT_EDITABLE, TierReward.PHYSICAL.equals(reward.type())
                    ? "The reward is " + reward.status() + "; its address can no longer change."
                    : "Only a physical reward has a shipping address.",
                    Map.of("reward_type", reward.type(), "reward_status", reward.status()));
        }
        ShippingAddress clean = new ShippingAddress(address.name().strip(), address.street().strip(), address.city().strip(),
                address.postalCode().strip().toUpperCase(Locale.ROOT), address.country(), address.phone().strip());
        jdbc.sql("update investor_rewards set shipping_address = cast(? as jsonb), updated_at = ? where id = ?")
                .params(json.writeValueAsString(clean), Timestamp.from(clock.instant()), rewardId).update();
        return mine(investor, rewardId);
    }

    /** A short-lived link to a delivered digital reward's file, for its investor only; empty for anyone else. */
    @Transactional(readOnly = true)
    public Optional<URI> download(UserId investor, UUID rewardId) {
        record Row(UUID asset, UUID organization) {
        }
        return jdbc.sql("""
                select r.asset_id, c.organization_id from investor_rewards r join investments i on i.id = r.investment_id
                    join campaigns c on c.id = i.campaign_id
                where r.id = ? and i.user_id = ? and r.status = 'delivered' and r.asset_id is not null""")
                .params(rewardId, investor.value())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional()
                .filter(row -> assets.find(OrganizationId.of(row.organization()), AssetId.of(row.asset())).isPresent())
                .map(row -> assets.signedUrl(AssetId.of(row.asset()), DOWNLOAD_LINK));
    }

    // ---------------------------------------------------------------- the campaign's organization

    /** The campaign's rewards, newest first, optionally of one type; members who edit content, since addresses are personal. */
    @Transactional(readOnly = true)
    public Page<RewardView> ofCampaign(UserId actor, OrganizationId organization, CampaignId campaign, String type, String cursor,
            int limit) {
        owned(actor, organization, campaign);
        if (type != null && !TierReward.TYPES.contains(type)) {
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors",
                    List.of(new FieldError("type", "must be one of " + String.join(", ", TierReward.TYPES)))));
        }
        return type == null ? page("i.campaign_id = ?", List.of(campaign.value()), cursor, limit, false)
                : page("i.campaign_id = ? and r.reward_type = ?", List.of(campaign.value(), type), cursor, limit, false);
    }

    /**
     * Moves a physical reward on: processing, shipped (needs its tracking number and the investor's address) or
     * delivered. A move its status does not allow is 409 {@code reward-transition} with {@code from}, {@code to},
     * {@code allowed}.
     */
    @Transactional
    public RewardView move(UserId actor, OrganizationId organization, CampaignId campaign, UUID rewardId, String status,
            String trackingNumber) {
        owned(actor, organization, campaign);
        List<FieldError> errors = new ArrayList<>();
        if (status == null || !List.of("processing", "shipped", "delivered").contains(status)) {
            errors.add(new FieldError("status", "must be processing, shipped or delivered"));
        }
        String tracking = trackingNumber == null || trackingNumber.isBlank() ? null : trackingNumber.strip();
        if ("shipped".equals(status) && tracking == null) {
            errors.add(new FieldError("tracking_number", "must not be blank when the reward is shipped"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        RewardView reward = locked(rewardId, "i.campaign_id = ?", campaign.value());
        if (!reward.allowedStatuses().contains(status)) {
            throw new ProblemException(InvestProblems.REWARD_TRANSITION, "A " + reward.type() + " reward that is " + reward.status()
                    + " cannot become " + status + ".", Map.of("from", reward.status(), "to", status, "allowed", reward.allowedStatuses()));
        }
        if ("shipped".equals(status) && reward.shippingAddress() == null) {
            throw new ProblemException(InvestProblems.REWARD_TRANSITION, "The investor has not given a shipping address yet.",
                    Map.of("from", reward.status(), "to", status, "allowed", List.of("processing")));
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update investor_rewards set status = ?, tracking_number = coalesce(?, tracking_number),
                    delivered_at = case when ? = 'delivered' then ? else delivered_at end, updated_at = ?
                where id = ?""")
                .params(status, tracking, status, now, now, rewardId).update();
        return jdbc.sql(SELECT + " where r.id = ?").param(rewardId).query((rs, n) -> row(rs, false)).single();
    }

    private void owned(UserId actor, OrganizationId organization, CampaignId campaign) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        boolean ours = jdbc.sql("select count(*) from campaigns where id = ? and organization_id = ?")
                .params(campaign.value(), organization.value()).query(Integer.class).single() == 1;
        if (!ours) {
            throw Campaigns.notFound();
        }
    }

    /** The reward with its row locked for the rest of the transaction, if {@code scope} holds; 404 otherwise. */
    private RewardView locked(UUID rewardId, String scope, UUID scopeValue) {
        boolean investor = scope.startsWith("i.user_id");
        return jdbc.sql(SELECT + " where r.id = ? and " + scope + " for update of r").params(rewardId, scopeValue)
                .query((rs, n) -> row(rs, investor)).optional().orElseThrow(RewardFulfilment::notFound);
    }

    private Page<RewardView> page(String where, List<Object> params, String cursor, int limit, boolean investor) {
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        JdbcClient.StatementSpec statement = jdbc.sql(SELECT + " where " + where
                + (after == null ? "" : " and (r.created_at, r.id) < (?, ?)") + " order by r.created_at desc, r.id desc limit ?");
        for (Object param : params) {
            statement = statement.param(param);
        }
        if (after != null) {
            statement = statement.param(Timestamp.from(after.createdAt())).param(after.id());
        }
        List<RewardView> rows = statement.param(Keyset.fetch(size)).query((rs, n) -> row(rs, investor)).list();
        Page<RewardView> page = Keyset.page(rows, size, row -> new KeysetCursor(row.createdAt(), row.id()));
        if (investor) {
            return page;
        }
        Map<UserId, Accounts.Person> people = accounts.people(page.items().stream().map(r -> UserId.of(r.userId())).toList());
        return page.with(page.items().stream().map(r -> {
            Accounts.Person person = people.get(UserId.of(r.userId()));
            return new RewardView(r.id(), r.investmentId(), r.campaignId(), r.campaignTitle(), r.tierName(), r.userId(),
                    person == null ? null : person.name(), r.type(), r.name(), r.description(), r.status(), null, null, r.trackingNumber(),
                    r.shippingAddress(), r.credits(), r.creditedOrganizationId(), r.deliveredAt(), r.createdAt());
        }).toList());
    }

    /** {@code investor}: the reader is the reward's investor, who alone sees its link and code (while it is not cancelled). */
    private RewardView row(ResultSet rs, boolean investor) throws SQLException {
        String status = rs.getString("status");
        boolean secrets = investor && !"cancelled".equals(status);
        String address = rs.getString("address");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new RewardView(rs.getObject("id", UUID.class), rs.getObject("investment_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getString("title"), rs.getString("tier_name"), rs.getObject("user_id", UUID.class),
                null, rs.getString("reward_type"), rs.getString("name"), rs.getString("description"), status,
                secrets ? rs.getString("download_url") : null, secrets ? rs.getString("access_code") : null, rs.getString("tracking_number"),
                address == null ? null : json.readValue(address, ShippingAddress.class), (Integer) rs.getObject("credits"),
                rs.getObject("credited_organization_id", UUID.class), delivered == null ? null : delivered.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such reward.");
    }
}
