package id.modo.verse.invest.revenue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The investor dashboard: totals, each backed campaign, rewards, the payouts chart and the latest payouts. */
public record PortfolioPage(String currency, BigDecimal invested, BigDecimal received, int waiting, List<Holding> holdings,
        List<Reward> rewards, PayoutChart chart, List<PayoutView> payouts) {

    /** A campaign the investor backed: confirmed money in, paid revenue share out. */
    public record Holding(UUID campaignId, String title, String campaignStatus, String currency, BigDecimal invested, int investments,
            BigDecimal received) {
    }

    /** A reward of one of the investor's investments; links and codes only ever reach their owner. */
    public record Reward(String campaignTitle, String name, String type, String status, String downloadUrl, String accessCode,
            String trackingNumber) {
    }
}
