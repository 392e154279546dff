package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A campaign's backers list for its organization's members (viewers too): the investments that counted, newest first,
 * with their fees. Investments still waiting for their payment, or whose payment failed, are not backers.
 */
@Service
public class Backers {

    private final CampaignRepository campaigns;
    private final Organizations organizations;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    Backers(CampaignRepository campaigns, Organizations organizations, Accounts accounts, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    public Page<BackerView> of(UserId actor, OrganizationId organization, CampaignId id, String cursor, int limit) {
        organizations.require(actor, organization, Permission.VIEW);
        campaigns.findById(id.value()).filter(c -> organization.value().equals(c.organizationId())).orElseThrow(Campaigns::notFound);
        KeysetCursor after = Keyset.after(cursor);
        String sql = """
                select i.id, i.user_id, t.name as tier_name, i.amount, i.currency, i.status, i.platform_fee, i.payment_fee, i.net_amount,
                    i.created_at, i.confirmed_at
                from investments i left join investment_tiers t on t.id = i.tier_id
                where i.campaign_id = ? and i.status in ('confirmed', 'refunded')"""
                + (after == null ? "" : " and (i.created_at, i.id) < (?, ?)") + " order by i.created_at desc, i.id desc limit ?";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(id.value());
        if (after != null) {
            statement = statement.param(Timestamp.from(after.createdAt())).param(after.id());
        }
        record Row(UUID id, UUID userId, String tier, BigDecimal amount, String currency, String status,
                BigDecimal platformFee, BigDecimal paymentFee, BigDecimal net, Timestamp created,
                Timestamp confirmed) {
        }
        List<Row> rows = statement.param(Keyset.fetch(limit)).query((rs, n) -> new Row(rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("tier_name"), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("status"), rs.getBigDecimal("platform_fee"), rs.getBigDecimal("payment_fee"), rs.getBigDecimal("net_amount"),
                rs.getTimestamp("created_at"), rs.getTimestamp("confirmed_at"))).list();
        Map<UserId, Accounts.Person> people = accounts.people(rows.stream().map(row -> UserId.of(row.userId())).toList());
        List<BackerView> backers = rows.stream().map(row -> {
            Accounts.Person person = people.get(UserId.of(row.userId()));
            return new BackerView(row.id(), row.userId(), person == null ? null : person.name(), row.tier(), row.amount(), row.currency(),
                    row.status(), row.platformFee(), row.paymentFee(), row.net(), row.created().toInstant(),
                    row.confirmed() == null ? null : row.confirmed().toInstant());
        }).toList();
        return Keyset.page(backers, limit, backer -> new KeysetCursor(backer.createdAt(), backer.investmentId()));
    }
}
