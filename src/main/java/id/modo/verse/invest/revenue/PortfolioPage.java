package id.modo.verse.invest.revenue;

import id.modo.verse.invest.RewardView;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The investor dashboard: totals, each backed campaign, rewards, the payouts chart and the latest payouts. */
public record PortfolioPage(String currency, BigDecimal invested, BigDecimal received, int waiting, List<Holding> holdings,
        List<RewardView> rewards, PayoutChart chart, List<PayoutView> payouts) {

    /** A campaign the investor backed: confirmed money in, paid revenue share out. */
    public record Holding(UUID campaignId, String title, String campaignStatus, String currency, BigDecimal invested, int investments,
            BigDecimal received) {
    }
}
