package id.modo.verse.invest.revenue;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** revenue_distributions and investor_payouts in plain SQL; every status move is one conditional UPDATE. */
@Component
class RevenueRows {

    /** The campaign a revenue is recorded for, read under its row lock. */
    record LockedCampaign(UUID organizationId, String status, String currency) {
    }

    /** A confirmed investment that shares in revenue; its weight is amount × the tier's revenue share, both in hundredths. */
    record Share(UUID investmentId, UUID userId, BigDecimal amount, BigDecimal revenueSharePercent) {
    }

    record NewDistribution(UUID id, UUID campaignId, LocalDate periodStart, LocalDate periodEnd, String currency,
            BigDecimal totalRevenue, BigDecimal platformShare, BigDecimal creatorShare, BigDecimal investorPool,
            BigDecimal platformPercent, BigDecimal creatorPercent, BigDecimal investorPercent, UUID recordedBy, Instant now) {
    }

    record NewPayout(UUID id, UUID investmentId, UUID userId, BigDecimal sharePercent, BigDecimal amount) {
    }

    /** A payout the job has just claimed for an attempt. */
    record Claimed(UUID id, UUID distributionId, UUID userId, BigDecimal amount, String currency, int attempts) {
    }

    private static final String DISTRIBUTION_COLUMNS = """
            d.id, d.campaign_id, d.period_start, d.period_end, d.currency, d.total_revenue, d.platform_share, d.creator_share,
            d.investor_pool, d.platform_percent, d.creator_percent, d.investor_percent, d.status, d.distributed_at, d.created_at,
            (select count(*) from investor_payouts p where p.distribution_id = d.id) as payout_count,
            (select count(*) from investor_payouts p where p.distribution_id = d.id and p.status = 'completed') as paid_count,
            (select count(*) from investor_payouts p where p.distribution_id = d.id and p.status = 'failed') as failed_count,
            (select coalesce(sum(p.amount), 0) from investor_payouts p where p.distribution_id = d.id and p.status = 'completed')
                as paid_amount""";

    private static final String PAYOUT_COLUMNS = """
            p.id, p.distribution_id, p.investment_id, p.user_id, d.campaign_id, c.title, d.period_start, d.period_end,
            p.share_percent, p.amount, p.currency, p.status, p.payment_method, p.payment_reference, p.failure_reason, p.attempts,
            p.paid_at, p.created_at
            from investor_payouts p join revenue_distributions d on d.id = p.distribution_id join campaigns c on c.id = d.campaign_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RevenueRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<LockedCampaign> lockCampaign(UUID campaignId) {
        return jdbc.sql("select organization_id, status, currency from campaigns where id = ? for update").param(campaignId)
                .query((rs, n) -> new LockedCampaign(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<UUID> organizationOf(UUID campaignId) {
        return jdbc.sql("select organization_id from campaigns where id = ?").param(campaignId).query(UUID.class).optional();
    }

    /** The recorded period that shares a day with [start, end], if any. */
    Optional<DistributionView> overlapping(UUID campaignId, LocalDate start, LocalDate end) {
        return jdbc.sql("select " + DISTRIBUTION_COLUMNS + " from revenue_distributions d "
                        + "where d.campaign_id = ? and d.period_start <= ? and d.period_end >= ? order by d.period_start limit 1")
                .params(campaignId, Date.valueOf(end), Date.valueOf(start)).query(RevenueRows::distribution).optional();
    }

    List<Share> shares(UUID campaignId) {
        return jdbc.sql("""
                select i.id, i.user_id, i.amount, t.revenue_share_percent from investments i join investment_tiers t on t.id = i.tier_id
                where i.campaign_id = ? and i.status = 'confirmed' and t.revenue_share_percent > 0 order by i.id""")
                .param(campaignId)
                .query((rs, n) -> new Share(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    void insert(NewDistribution d) {
        jdbc.sql("""
                insert into revenue_distributions (id, campaign_id, period_start, period_end, currency, total_revenue, platform_share,
                    creator_share, investor_pool, platform_percent, creator_percent, investor_percent, status, recorded_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)""")
                .params(d.id(), d.campaignId(), Date.valueOf(d.periodStart()), Date.valueOf(d.periodEnd()), d.currency(), d.totalRevenue(),
                        d.platformShare(), d.creatorShare(), d.investorPool(), d.platformPercent(), d.creatorPercent(),
                        d.investorPercent(), d.recordedBy(), Timestamp.from(d.now()))
                .update();
    }

    /** All payouts of a distribution in one statement: arrays unnested server-side, so 100,000 rows are one round trip. */
    void insertPayouts(UUID distributionId, String currency, Instant now, List<NewPayout> payouts) {
        template.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into investor_payouts (id, distribution_id, investment_id, user_id, share_percent, amount, currency, status,
                        created_at, updated_at)
                    select u.id, ?, u.investment_id, u.user_id, u.share_percent, u.amount, ?, 'pending', ?, ?
                    from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::numeric[], ?::numeric[])
                        as u(id, investment_id, user_id, share_percent, amount)""")) {
                Timestamp at = Timestamp.from(now);
                statement.setObject(1, distributionId);
                statement.setString(2, currency);
                statement.setTimestamp(3, at);
                statement.setTimestamp(4, at);
                statement.setArray(5, array(connection, "uuid", payouts.stream().map(NewPayout::id).toArray()));
                statement.setArray(6, array(connection, "uuid", payouts.stream().map(NewPayout::investmentId).toArray()));
                statement.setArray(7, array(connection, "uuid", payouts.stream().map(NewPayout::userId).toArray()));
                statement.setArray(8, array(connection, "numeric", payouts.stream().map(NewPayout::sharePercent).toArray()));
                statement.setArray(9, array(connection, "numeric", payouts.stream().map(NewPayout::amount).toArray()));
                return statement.executeUpdate();
            }
        });
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    Page<DistributionView> distributions(UUID campaignId, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        String sql = "select " + DISTRIBUTION_COLUMNS + " from revenue_distributions d where d.campaign_id = ?"
                + (after == null ? "" : " and (d.created_at, d.id) < (?, ?)") + " order by d.created_at desc, d.id desc limit ?";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(campaignId);
        if (after != null) {
            statement = statement.param(Timestamp.from(after.createdAt())).param(after.id());
        }
        List<DistributionView> rows = statement.param(Keyset.fetch(limit)).query(RevenueRows::distribution).list();
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.createdAt(), row.id()));
    }

    Optional<DistributionView> distribution(UUID campaignId, UUID distributionId) {
        return jdbc.sql("select " + DISTRIBUTION_COLUMNS + " from revenue_distributions d where d.campaign_id = ? and d.id = ?")
                .params(campaignId, distributionId).query(RevenueRows::distribution).optional();
    }

    /** A distribution's payouts, largest first (then by id), so a creator sees the main investors at once. */
    List<PayoutView> payoutsOf(UUID distributionId, int offset, int limit) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " where p.distribution_id = ? order by p.amount desc, p.id limit ? offset ?")
                .params(distributionId, limit, offset).query(RevenueRows::payout).list();
    }

    Optional<PayoutView> payout(UUID distributionId, UUID payoutId) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " where p.distribution_id = ? and p.id = ?")
                .params(distributionId, payoutId).query(RevenueRows::payout).optional();
    }

    Page<PayoutView> payoutsOfUser(UUID userId, String cursor, int limit) {
        KeysetCursor after = Keyset.after(cursor);
        String sql = "select " + PAYOUT_COLUMNS + " where p.user_id = ?"
                + (after == null ? "" : " and (p.created_at, p.id) < (?, ?)") + " order by p.created_at desc, p.id desc limit ?";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(userId);
        if (after != null) {
            statement = statement.param(Timestamp.from(after.createdAt())).param(after.id());
        }
        List<PayoutView> rows = statement.param(Keyset.fetch(limit)).query(RevenueRows::payout).list();
        return Keyset.page(rows, limit, row -> new KeysetCursor(row.createdAt(), row.id()));
    }

    /** Every payout of a user, oldest first: the CSV export and the chart read all of them. */
    List<PayoutView> allPayoutsOfUser(UUID userId) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " where p.user_id = ? order by p.created_at, p.id").param(userId)
                .query(RevenueRows::payout).list();
    }

    // The payout job's steps.

    List<UUID> due(Instant staleBefore, int batch) {
        return jdbc.sql("""
                select id from investor_payouts
                where status = 'pending' or (status = 'processing' and payment_reference is null and updated_at < ?)
                order by updated_at, id limit ?""")
                .params(Timestamp.from(staleBefore), batch).query(UUID.class).list();
    }

    /**
     * Takes a payout for an attempt: a pending one starts a new attempt, forgetting the reference of the provider's
     * refused one (a status look-up must ask about this attempt); one left processing without the provider's reference
     * (its call timed out) is asked again under the same attempt, so under the same idempotency key.
     */
    Optional<Claimed> claim(UUID payoutId, Instant staleBefore, Instant now) {
        return jdbc.sql("""
                update investor_payouts set status = 'processing', failure_reason = null, payment_reference = null, updated_at = ?,
                    attempts = case when status = 'pending' then attempts + 1 else attempts end
                where id = ? and (status = 'pending' or (status = 'processing' and payment_reference is null and updated_at < ?))
                returning id, distribution_id, user_id, amount, currency, attempts""")
                .params(Timestamp.from(now), payoutId, Timestamp.from(staleBefore))
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getBigDecimal(4), rs.getString(5), rs.getInt(6)))
                .optional();
    }

    Optional<String[]> destination(UUID userId) {
        return jdbc.sql("select bank_code, account_number, account_holder_name from investor_payout_accounts where user_id = ?")
                .param(userId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
    }

    /** Marks the attempt paid; false when it is no longer processing (a callback came first). */
    boolean paid(UUID payoutId, int attempt, String method, String reference, Instant now) {
        return jdbc.sql("""
                update investor_payouts set status = 'completed', payment_method = ?, payment_reference = ?, paid_at = ?, updated_at = ?
                where id = ? and attempts = ? and status = 'processing'""")
                .params(method, reference, Timestamp.from(now), Timestamp.from(now), payoutId, attempt).update() == 1;
    }

    boolean accepted(UUID payoutId, int attempt, String method, String reference, Instant now) {
        return jdbc.sql("""
                update investor_payouts set payment_method = ?, payment_reference = ?, updated_at = ?
                where id = ? and attempts = ? and status = 'processing'""")
                .params(method, reference, Timestamp.from(now), payoutId, attempt).update() == 1;
    }

    boolean failed(UUID payoutId, int attempt, String reason, Instant now) {
        return jdbc.sql("""
                update investor_payouts set status = 'failed', failure_reason = ?, updated_at = ?
                where id = ? and attempts = ? and status = 'processing'""")
                .params(reason, Timestamp.from(now), payoutId, attempt).update() == 1;
    }

    /** A payout the provider accepted under {@code reference} for attempt {@code attempt}. */
    record Unanswered(UUID id, int attempt, String reference) {
    }

    /** Payouts a provider accepted and has said nothing more of since {@code quietSince}, the longest quiet first. */
    List<Unanswered> unanswered(String method, Instant quietSince, int batch) {
        return jdbc.sql("""
                select id, attempts, payment_reference from investor_payouts
                where status = 'processing' and payment_method = ? and payment_reference is not null and updated_at < ?
                order by updated_at, id limit ?""")
                .params(method, Timestamp.from(quietSince), batch)
                .query((rs, n) -> new Unanswered(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3))).list();
    }

    /** Leaves a processing payout to be asked again after the retry delay. */
    void touched(UUID payoutId, Instant now) {
        jdbc.sql("update investor_payouts set updated_at = ? where id = ? and status = 'processing'")
                .params(Timestamp.from(now), payoutId).update();
    }

    /** A failed payout back to pending, for a new attempt; false when it is not failed. */
    boolean retry(UUID payoutId, Instant now) {
        return jdbc.sql("update investor_payouts set status = 'pending', updated_at = ? where id = ? and status = 'failed'")
                .params(Timestamp.from(now), payoutId).update() == 1;
    }

    Optional<UUID> distributionOf(UUID payoutId) {
        return jdbc.sql("select distribution_id from investor_payouts where id = ?").param(payoutId).query(UUID.class).optional();
    }

    /** The distribution follows its payouts: completed once every one is paid, processing once any has moved. */
    void refreshStatus(UUID distributionId, Instant now) {
        jdbc.sql("""
                update revenue_distributions d set
                    status = s.next, distributed_at = case when s.next = 'completed' then coalesce(d.distributed_at, ?) else null end
                from (select case when bool_and(p.status = 'completed') then 'completed'
                                  when bool_and(p.status = 'pending') then 'pending' else 'processing' end as next
                      from investor_payouts p where p.distribution_id = ?) s
                where d.id = ? and s.next is not null and d.status is distinct from s.next""")
                .params(Timestamp.from(now), distributionId, distributionId).update();
    }

    private static DistributionView distribution(ResultSet rs, int n) throws SQLException {
        Timestamp distributed = rs.getTimestamp("distributed_at");
        return new DistributionView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(), rs.getString("currency"),
                rs.getBigDecimal("total_revenue"), rs.getBigDecimal("platform_share"), rs.getBigDecimal("creator_share"),
                rs.getBigDecimal("investor_pool"), rs.getBigDecimal("platform_percent"), rs.getBigDecimal("creator_percent"),
                rs.getBigDecimal("investor_percent"), rs.getString("status"), rs.getInt("payout_count"), rs.getInt("paid_count"),
                rs.getInt("failed_count"), rs.getBigDecimal("paid_amount"), distributed == null ? null : distributed.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static PayoutView payout(ResultSet rs, int n) throws SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        return new PayoutView(rs.getObject("id", UUID.class), rs.getObject("distribution_id", UUID.class),
                rs.getObject("investment_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getString("title"), rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                rs.getBigDecimal("share_percent"), rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("status"),
                rs.getString("payment_method"), rs.getString("payment_reference"), rs.getString("failure_reason"), rs.getInt("attempts"),
                paid == null ? null : paid.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
