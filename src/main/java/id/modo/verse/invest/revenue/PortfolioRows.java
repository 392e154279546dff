package id.modo.verse.invest.revenue;

import java.util.List;
import java.util.UUID;
import id.modo.verse.invest.revenue.PortfolioPage.Holding;
import id.modo.verse.invest.revenue.PortfolioPage.Reward;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the investor dashboard reads of one investor: their campaigns with money in and out, and their rewards. */
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

    List<Reward> rewards(UUID userId) {
        return jdbc.sql("""
                select c.title, r.name, r.reward_type, r.status, r.download_url, r.access_code, r.tracking_number
                from investor_rewards r join investments i on i.id = r.investment_id join campaigns c on c.id = i.campaign_id
                where i.user_id = ? order by r.created_at desc, r.id limit 100""")
                .param(userId)
                .query((rs, n) -> new Reward(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), safeLink(rs.getString(5)),
                        rs.getString(6), rs.getString(7)))
                .list();
    }

    /** Only web links become links: anything else (javascript:, data:) is dropped rather than escaped into an href. */
    private static String safeLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
