package id.modo.verse.invest.revenue;

import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The creator's revenue page and the investor's portfolio: who sees what, the form's rules, both languages. */
@IntegrationTest
class RevenuePagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PayoutJob.PayoutSender sender;

    @Test
    void theCreatorRecordsRevenueOnThePageAndTheInvestorSeesThePayoutsOnTheirPortfolio() {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "Kancil <Pilot>");
        Users.Signed ani = f.investor("revenue-page-ani");
        f.confirmed(ani, f.shareTier, "3000000.00");
        f.confirmed(f.investor("revenue-page-joko"), f.shareTier, "1000000.00");
        f.status("funded");
        String path = "/organizations/" + f.orgId + "/campaigns/" + f.campaignId + "/revenue";

        PageSession owner = PageSession.signIn(f.http, f.ownerSigned);
        assertThat(owner.get("/organizations/" + f.orgId + "/campaigns/" + f.campaignId).body()).contains("href=\"" + path + "\"");
        HttpResponse<String> form = owner.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"total_revenue\"").contains("No revenue recorded yet.");
        HttpResponse<String> bad = owner.post(path, form, "period_start=2026-01-01&period_end=2026-01-31&total_revenue=10.5", PageSession.HTML);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter the revenue as a whole amount");
        HttpResponse<String> recorded = owner.post(path, form, "period_start=2026-01-01&period_end=2026-01-31&total_revenue=20000000",
                PageSession.HTML);
        assertThat(recorded.statusCode()).isEqualTo(302);
        HttpResponse<String> overlap = owner.post(path, form, "period_start=2026-01-15&period_end=2026-02-15&total_revenue=5",
                PageSession.HTML);
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.body()).contains("overlaps one already recorded");
        String page = owner.get(path + "?done=recorded").body();
        assertThat(page).contains("2026-01-01 – 2026-01-31").contains("Investors (30.00%)").contains("0 of 2 payouts paid");

        // An editor reads the periods but gets no form; another organization's owner gets 404.
        PageSession editor = PageSession.signIn(f.http, f.memberSigned("editor"));
        assertThat(editor.get(path).body()).contains("2026-01-01 – 2026-01-31").doesNotContain("name=\"total_revenue\"");
        RevenueFixtures other = new RevenueFixtures(port, jdbc, "Other pages");
        assertThat(PageSession.signIn(other.http, other.ownerSigned).get(path).statusCode()).isEqualTo(404);

        sender.run();
        PageSession investor = PageSession.signIn(f.http, ani);
        HttpResponse<String> portfolio = investor.get("/investments/portfolio");
        assertThat(portfolio.statusCode()).isEqualTo(200);
        // 30% of 20,000,000 is the pool; Ani holds three quarters of the weight.
        assertThat(portfolio.body()).contains("Kancil &lt;Pilot&gt;").contains("<svg").contains("payout-chart__bar")
                .contains("href=\"/api/v1/me/payouts.csv\"").contains("75.00%").contains("Paid").contains("Funded");
        assertThat(investor.get("/investments/portfolio?lang=id").body()).contains("Portofolio saya").contains("Dibayar");
        assertThat(PageSession.signIn(f.http, f.investor("revenue-page-new")).get("/investments/portfolio").body())
                .contains("No payouts yet.").doesNotContain("Kancil &lt;Pilot&gt;");
        assertThat(f.http.get("/investments/portfolio", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(owner.get(path).body()).contains("2 of 2 payouts paid").contains("Paid out");
    }
}
