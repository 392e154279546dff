package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tiers of campaigns, with plain SQL: their rows are written whole while the campaign is a draft, and
 * {@code sold_quantity} is a counter that only {@link #claim}/{@link #release} move, each in one conditional UPDATE.
 */
@Component
class Tiers {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<TierReward>> REWARDS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, campaign_id, name, description, min_amount, max_amount, suggested_amount, benefits::text, reward_items::text,
            revenue_share_percent, equity_percent, nft_included, nft_collection_id, limit_quantity, sold_quantity,
            estimated_delivery, display_order, is_featured, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Assets assets;

    Tiers(JdbcClient jdbc, JsonMapper json, Assets assets) {
        this.jdbc = jdbc;
        this.json = json;
        this.assets = assets;
    }

    List<TierView> of(UUID campaignId) {
        return jdbc.sql("select " + COLUMNS + " from investment_tiers where campaign_id = ? order by display_order, min_amount, created_at, id")
                .param(campaignId).query(this::row).list();
    }

    Optional<TierView> find(UUID campaignId, UUID tierId) {
        return jdbc.sql("select " + COLUMNS + " from investment_tiers where campaign_id = ? and id = ?")
                .params(campaignId, tierId).query(this::row).optional();
    }

    int count(UUID campaignId) {
        return jdbc.sql("select count(*) from investment_tiers where campaign_id = ?").param(campaignId).query(Integer.class).single();
    }

    TierView create(UUID campaignId, TierInput input) {
        List<TierReward> rewards = check(campaignId, input);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into investment_tiers (id, campaign_id, name, description, min_amount, max_amount, suggested_amount, benefits,
                    reward_items, revenue_share_percent, equity_percent, nft_included, nft_collection_id, limit_quantity,
                    estimated_delivery, display_order, is_featured)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, campaignId, input.name().strip(), blankToNull(input.description()), input.minAmount(), input.maxAmount(),
                        input.suggestedAmount(), json.writeValueAsString(input.benefits()), json.writeValueAsString(rewards),
                        input.revenueSharePercent(), input.equityPercent(), input.nftIncluded(), blankToNull(input.nftCollectionId()),
                        input.limitQuantity(), input.estimatedDelivery() == null ? null : Date.valueOf(input.estimatedDelivery()),
                        input.displayOrder(), input.featured())
                .update();
        return find(campaignId, id).orElseThrow();
    }

    TierView replace(UUID campaignId, UUID tierId, TierInput input) {
        List<TierReward> rewards = check(campaignId, input);
        int changed = jdbc.sql("""
                update investment_tiers set name = ?, description = ?, min_amount = ?, max_amount = ?, suggested_amount = ?,
                    benefits = cast(? as jsonb), reward_items = cast(? as jsonb), revenue_share_percent = ?, equity_percent = ?,
                    nft_included = ?, nft_collection_id = ?, limit_quantity = ?, estimated_delivery = ?, display_order = ?, is_featured = ?
                where campaign_id = ? and id = ?""")
                .params(input.name().strip(), blankToNull(input.description()), input.minAmount(), input.maxAmount(),
                        input.suggestedAmount(), json.writeValueAsString(input.benefits()), json.writeValueAsString(rewards),
                        input.revenueSharePercent(), input.equityPercent(), input.nftIncluded(), blankToNull(input.nftCollectionId()),
                        input.limitQuantity(), input.estimatedDelivery() == null ? null : Date.valueOf(input.estimatedDelivery()),
                        input.displayOrder(), input.featured(), campaignId, tierId)
                .update();
        if (changed == 0) {
            throw notFound();
        }
        return find(campaignId, tierId).orElseThrow();
    }

    void delete(UUID campaignId, UUID tierId) {
        if (jdbc.sql("delete from investment_tiers where campaign_id = ? and id = ?").params(campaignId, tierId).update() == 0) {
            throw notFound();
        }
    }

    /**
     * Takes one unit of the tier in one conditional UPDATE, so parallel investors can never take more than its limit
     * (the row lock makes the second wait and re-check). False when none is left.
     */
    boolean claim(UUID tierId) {
        return jdbc.sql("""
                update investment_tiers set sold_quantity = sold_quantity + 1
                where id = ? and (limit_quantity is null or sold_quantity < limit_quantity)""")
                .param(tierId).update() == 1;
    }

    /** Gives a unit back (its payment failed or expired). */
    void release(UUID tierId) {
        jdbc.sql("update investment_tiers set sold_quantity = sold_quantity - 1 where id = ? and sold_quantity > 0").param(tierId).update();
    }

    /** The rules across fields, and the typed rewards; the record's constraints checked each field's shape already. */
    private List<TierReward> check(UUID campaignId, TierInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.minAmount().signum() <= 0) {
            errors.add(new FieldError("min_amount", "must be above 0"));
        }
        if (input.maxAmount() != null && input.maxAmount().compareTo(input.minAmount()) < 0) {
            errors.add(new FieldError("max_amount", "must not be below min_amount"));
        }
        if (input.suggestedAmount() != null && (input.suggestedAmount().compareTo(input.minAmount()) < 0
                || input.maxAmount() != null && input.suggestedAmount().compareTo(input.maxAmount()) > 0)) {
            errors.add(new FieldError("suggested_amount", "must be between min_amount and max_amount"));
        }
        OrganizationId organization = OrganizationId.of(jdbc.sql("select organization_id from campaigns where id = ?")
                .param(campaignId).query(UUID.class).single());
        List<TierReward> rewards = TierRewardChecks.typed(input.rewardItems() == null ? List.of() : input.rewardItems(),
                input.revenueSharePercent(), input.limitQuantity(), asset -> assets.find(organization, AssetId.of(asset)).isPresent(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        return rewards;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such tier.");
    }

    private TierView row(ResultSet rs, int n) throws SQLException {
        Date delivery = rs.getDate("estimated_delivery");
        Timestamp created = rs.getTimestamp("created_at");
        return new TierView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class), rs.getString("name"),
                rs.getString("description"), rs.getBigDecimal("min_amount"), rs.getBigDecimal("max_amount"),
                rs.getBigDecimal("suggested_amount"), json.readValue(rs.getString("benefits"), STRINGS),
                json.readValue(rs.getString("reward_items"), REWARDS), rs.getBigDecimal("revenue_share_percent"),
                rs.getBigDecimal("equity_percent"), rs.getBoolean("nft_included"), rs.getString("nft_collection_id"),
                (Integer) rs.getObject("limit_quantity"), rs.getInt("sold_quantity"), delivery == null ? null : delivery.toLocalDate(),
                rs.getInt("display_order"), rs.getBoolean("is_featured"), created.toInstant());
    }
}
