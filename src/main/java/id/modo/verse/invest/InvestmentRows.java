package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The investments table and the campaign counters it drives, in plain SQL. Each step that moves an investment is one
 * conditional UPDATE on its status, so a redelivered payment event finds nothing left to do.
 */
@Component
class InvestmentRows {

    /** A pending investment its payment has just confirmed. */
    record Confirmed(UUID campaignId, UUID userId, BigDecimal amount) {
    }

    /** What cancelling or refunding an investment needs to know of it; {@code paymentId} null before its payment started. */
    record Held(UUID id, UUID campaignId, UUID userId, UUID tierId, BigDecimal amount, String currency, String status,
            UUID paymentId) {
    }

    private final JdbcClient jdbc;

    InvestmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPending(UUID id, UUID campaignId, UUID userId, UUID tierId, BigDecimal amount, String currency, Instant now) {
        jdbc.sql("""
                insert into investments (id, campaign_id, user_id, tier_id, amount, currency, payment_status, status, net_amount, created_at)
                values (?, ?, ?, ?, ?, ?, 'pending', 'pending', ?, ?)""")
                .params(id, campaignId, userId, tierId, amount, currency, amount, Timestamp.from(now)).update();
    }

    /**
     * Takes one unit of the tier and stores the pending investment in one statement, run on its own (autocommit): the
     * conditional UPDATE holds the tier's row lock only for this statement and its commit, as a bare UPDATE would, so
     * nothing else in an investment serialises the callers of a hot tier. The INSERT reads the UPDATE's row, so it
     * happens only when a unit was left. False when none is.
     */
    boolean claimPending(UUID id, UUID campaignId, UUID userId, UUID tierId, BigDecimal amount, String currency, Instant now) {
        return jdbc.sql("""
                with claimed as (
                    update investment_tiers set sold_quantity = sold_quantity + 1
                    where id = ? and campaign_id = ? and (limit_quantity is null or sold_quantity < limit_quantity)
                    returning id)
                insert into investments (id, campaign_id, user_id, tier_id, amount, currency, payment_status, status, net_amount, created_at)
                select ?, ?, ?, claimed.id, ?, ?, 'pending', 'pending', ?, ? from claimed""")
                .params(tierId, campaignId, id, campaignId, userId, amount, currency, amount, Timestamp.from(now)).update() == 1;
    }

    /** A demo investment has no payment behind it; its metadata says so (see {@code InvestDemo}). */
    void markDemo(UUID id) {
        jdbc.sql("update investments set metadata = cast('{\"demo\": true}' as jsonb) where id = ?").param(id).update();
    }

    void attachPayment(UUID id, UUID paymentId, String gateway) {
        jdbc.sql("update investments set payment_reference = ?, payment_gateway = ? where id = ?")
                .params(paymentId.toString(), gateway, id).update();
    }

    Optional<UUID> campaignOf(UUID investmentId) {
        return jdbc.sql("select campaign_id from investments where id = ?").param(investmentId).query(UUID.class).optional();
    }

    /** Investments that hold money or a tier's unit: pending (a payment open) or confirmed. */
    int open(UUID campaignId) {
        return jdbc.sql("select count(*) from investments where campaign_id = ? and status in ('pending', 'confirmed')")
                .param(campaignId).query(Integer.class).single();
    }

    /**
     * Confirms a pending investment and adds it to its campaign's money and backers. The caller holds the campaign's row
     * lock, taken before this, so whether the investor already backs the campaign is read after every earlier
     * confirmation committed: an investor counts once however many investments they confirm at the same moment.
     */
    Optional<Confirmed> confirm(UUID investmentId, String gateway, Instant now) {
        Optional<Confirmed> confirmed = jdbc.sql("""
                update investments set status = 'confirmed', payment_status = 'completed', payment_gateway = ?, confirmed_at = ?
                where id = ? and status = 'pending' returning campaign_id, user_id, amount""")
                .params(gateway, Timestamp.from(now), investmentId)
                .query((rs, n) -> new Confirmed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3)))
                .optional();
        confirmed.ifPresent(c -> jdbc.sql("""
                update campaigns set raised_amount = raised_amount + ?,
                    backer_count = backer_count + case when exists (select 1 from investments
                        where campaign_id = ? and user_id = ? and status = 'confirmed' and id <> ?) then 0 else 1 end
                where id = ?""")
                .params(c.amount(), c.campaignId(), c.userId(), investmentId, c.campaignId()).update());
        return confirmed;
    }

    /** Records the fees on a confirmed investment; {@code net_amount} is what is left of its amount for the creator. */
    void recordFees(UUID investmentId, BigDecimal platformFee, BigDecimal paymentFee) {
        jdbc.sql("""
                update investments set platform_fee = ?, payment_fee = ?, net_amount = amount - ? - ?
                where id = ? and status = 'confirmed'""")
                .params(platformFee, paymentFee, platformFee, paymentFee, investmentId).update();
    }

    Optional<Held> find(UUID investmentId) {
        return jdbc.sql("""
                select id, campaign_id, user_id, tier_id, amount, currency, status, payment_reference from investments where id = ?""")
                .param(investmentId).query(InvestmentRows::held).optional();
    }

    /** The investments of a campaign in one status, oldest first (the settlement's work lists). */
    List<Held> ofCampaign(UUID campaignId, String status) {
        return jdbc.sql("""
                select id, campaign_id, user_id, tier_id, amount, currency, status, payment_reference from investments
                where campaign_id = ? and status = ? order by created_at, id""")
                .params(campaignId, status).query(InvestmentRows::held).list();
    }

    int countOf(UUID campaignId, String status) {
        return jdbc.sql("select count(*) from investments where campaign_id = ? and status = ?")
                .params(campaignId, status).query(Integer.class).single();
    }

    /**
     * Marks a confirmed investment refunded and takes it off its campaign's money and backers (a backer with another
     * confirmed investment there still counts). The caller holds the campaign's row lock, as for {@link #confirm}. Its
     * tier, to give the unit back, or empty when it was not confirmed (already refunded).
     */
    Optional<UUID> refunded(UUID investmentId, Instant now) {
        record Row(UUID campaignId, UUID userId, BigDecimal amount, UUID tierId) {
        }
        Optional<Row> row = jdbc.sql("""
                update investments set status = 'refunded', payment_status = 'refunded', refunded_at = ?
                where id = ? and status = 'confirmed' returning campaign_id, user_id, amount, tier_id""")
                .params(Timestamp.from(now), investmentId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3),
                        rs.getObject(4, UUID.class)))
                .optional();
        row.ifPresent(r -> jdbc.sql("""
                update campaigns set raised_amount = raised_amount - ?,
                    backer_count = backer_count - case when exists (select 1 from investments
                        where campaign_id = ? and user_id = ? and status = 'confirmed') then 0 else 1 end
                where id = ?""")
                .params(r.amount(), r.campaignId(), r.userId(), r.campaignId()).update());
        return row.flatMap(r -> Optional.ofNullable(r.tierId()));
    }

    /** Takes the campaign's row lock for the rest of the transaction (see {@link #confirm}); its status as it is now. */
    String lockCampaign(UUID campaignId) {
        return jdbc.sql("select status from campaigns where id = ? for update").param(campaignId).query(String.class).single();
    }

    /** Cancels a pending investment whose payment failed or expired; its tier, to give its unit back, or empty. */
    Optional<UUID> fail(UUID investmentId) {
        return jdbc.sql("""
                update investments set status = 'cancelled', payment_status = 'failed'
                where id = ? and status = 'pending' returning tier_id""")
                .param(investmentId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(t -> t);
    }

    /** One of the user's investments as "my investments" lists it. */
    InvestmentView mine(UUID userId, UUID investmentId) {
        return jdbc.sql("""
                select i.id, i.campaign_id, c.title, i.tier_id, t.name as tier_name, i.amount, i.currency, i.status, i.payment_status,
                    i.payment_reference, i.created_at, i.confirmed_at
                from investments i join campaigns c on c.id = i.campaign_id left join investment_tiers t on t.id = i.tier_id
                where i.user_id = ? and i.id = ?""").params(userId, investmentId).query(InvestmentRows::view).single();
    }

    /** Which of these investments of the user may still be cancelled: confirmed, in a campaign that runs. */
    Set<UUID> cancellable(UUID userId, List<UUID> investmentIds, Instant now) {
        if (investmentIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select i.id from investments i join campaigns c on c.id = i.campaign_id
                where i.user_id = ? and i.id = any(?) and i.status = 'confirmed' and c.status = 'active' and c.end_date > ?""")
                .params(userId, investmentIds.toArray(UUID[]::new), Timestamp.from(now)).query(UUID.class).list());
    }

    Page<InvestmentView> mine(UUID userId, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        String sql = """
                select i.id, i.campaign_id, c.title, i.tier_id, t.name as tier_name, i.amount, i.currency, i.status, i.payment_status,
                    i.payment_reference, i.created_at, i.confirmed_at
                from investments i join campaigns c on c.id = i.campaign_id left join investment_tiers t on t.id = i.tier_id
                where i.user_id = ?""" + (after == null ? "" : " and (i.created_at, i.id) < (?, ?)")
                + " order by i.created_at desc, i.id desc limit ?";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(userId);
        if (after != null) {
            statement = statement.param(Timestamp.from(after.createdAt())).param(after.id());
        }
        List<InvestmentView> rows = statement.param(Keyset.fetch(limit)).query(InvestmentRows::view).list();
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.createdAt(), row.id()));
    }

    private static Held held(ResultSet rs, int n) throws SQLException {
        String payment = rs.getString("payment_reference");
        return new Held(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getObject("tier_id", UUID.class), rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("status"),
                payment == null ? null : UUID.fromString(payment));
    }

    private static InvestmentView view(ResultSet rs, int n) throws SQLException {
        String payment = rs.getString("payment_reference");
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new InvestmentView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class), rs.getString("title"),
                rs.getObject("tier_id", UUID.class), rs.getString("tier_name"), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("status"), rs.getString("payment_status"), payment == null ? null : UUID.fromString(payment),
                rs.getTimestamp("created_at").toInstant(), confirmed == null ? null : confirmed.toInstant());
    }
}
