package id.modo.verse.invest.revenue;

import id.modo.verse.common.Money;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.RewardFulfilment;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The investor dashboard page: only the signed-in investor's own investments, rewards and payouts. */
@Controller
class PortfolioPagesController {

    private static final int LATEST = 50;

    private final PortfolioRows portfolio;
    private final RevenueRows rows;
    private final RewardFulfilment rewards;

    PortfolioPagesController(PortfolioRows portfolio, RevenueRows rows, RewardFulfilment rewards) {
        this.portfolio = portfolio;
        this.rows = rows;
        this.rewards = rewards;
    }

    @GetMapping("/investments/portfolio")
    String portfolio(@AuthenticationPrincipal CurrentUser caller, Model model) {
        UUID user = caller.id().value();
        List<PortfolioPage.Holding> holdings = portfolio.holdings(user);
        List<PayoutView> payouts = rows.allPayoutsOfUser(user);
        // Totals in the currency most of the investor's campaigns use; the demo and Indonesian campaigns are all IDR.
        String currency = holdings.isEmpty() ? Money.IDR : holdings.getFirst().currency();
        BigDecimal invested = holdings.stream().filter(h -> currency.equals(h.currency())).map(PortfolioPage.Holding::invested)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal received = payouts.stream().filter(p -> "completed".equals(p.status()) && currency.equals(p.currency()))
                .map(PayoutView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int waiting = (int) payouts.stream().filter(p -> !"completed".equals(p.status())).count();
        List<PayoutView> latest = payouts.reversed().stream().limit(LATEST).toList();
        model.addAttribute("page", new PortfolioPage(currency, invested, received, waiting, holdings, rewards.mine(caller.id(), null, LATEST).items(),
                PayoutChart.of(payouts), latest));
        return "invest/portfolio";
    }
}
