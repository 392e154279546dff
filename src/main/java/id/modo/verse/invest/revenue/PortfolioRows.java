package id.modo.verse.invest.revenue;

import java.util.List;
import java.util.UUID;
import id.modo.verse.invest.revenue.PortfolioPage.Holding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the investor dashboard reads of one investor: their campaigns with money in and out (rewards: {@code RewardFulfilment}). */
@Component
class PortfolioRows {

    private final JdbcClient jdbc;

    PortfolioRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Holding> holdings(UUID userId) {
        return jdbc.sql("""
                select c.id, c.title, c.status, c.currency,
                    coalesce(sum(i.amount) filter (where i.status = 'confirmed'), 0) as invested,
                    count(*) filter (where i.status = 'confirmed') as investments,
                    (select coalesce(sum(p.amount), 0) from investor_payouts p join revenue_distributions d on d.id = p.distribution_id
                     where d.campaign_id = c.id and p.user_id = ? and p.status = 'completed') as received
                from investments i join campaigns c on c.id = i.campaign_id
                where i.user_id = ? and i.status in ('confirmed', 'refunded')
                group by c.id, c.title, c.status, c.currency
                order by max(i.created_at) desc, c.id limit 200""")
                .params(userId, userId)
                .query((rs, n) -> new Holding(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("status"),
                        rs.getString("currency"), rs.getBigDecimal("invested"), rs.getInt("investments"), rs.getBigDecimal("received")))
                .list();
    }
}
