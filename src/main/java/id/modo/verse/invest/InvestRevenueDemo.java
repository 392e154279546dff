package id.modo.verse.invest;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.identity.UserId;
import id.modo.verse.invest.revenue.RevenueDistributions;
import id.modo.verse.organization.OrganizationId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The demo's funded campaign, so the investor dashboard is alive on first start: "Kancil dan Buaya", the series pilot
 * Studio Kancil Animasi funded before the feature film, with a revenue-share tier both demo fans backed. It was
 * launched through the same facades as any campaign; its run is then moved into the past (a seeded demo cannot wait
 * 30 days) and it closes funded by the money raised. The creator recorded the last two months' streaming revenue,
 * and the payouts were sent through the sandbox.
 */
@Service
class InvestRevenueDemo implements DemoSeeder {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final Campaigns campaigns;
    private final Tiers tiers;
    private final InvestmentRows investments;
    private final RevenueDistributions revenue;
    private final CampaignRepository repository;
    private final EntityManager entities;
    private final JdbcClient jdbc;
    private final Clock clock;

    InvestRevenueDemo(Campaigns campaigns, Tiers tiers, InvestmentRows investments, RevenueDistributions revenue,
            CampaignRepository repository, EntityManager entities, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.entities = entities;
        this.tiers = tiers;
        this.investments = investments;
        this.revenue = revenue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** After {@link InvestDemo}, whose live campaign comes first in the organization's list. */
    @Override
    public int order() {
        return CONTENT + 2;
    }

    @Override
    public void seed(DemoContext demo) {
        UserId owner = UserId.of(demo.person(Person.KANCIL_OWNER));
        OrganizationId kancil = OrganizationId.of(demo.tenant(Tenant.KANCIL));
        Instant now = clock.instant();
        CampaignView campaign = campaigns.create(owner, kancil, "kancil-dan-buaya-pilot", new CampaignTerms(
                "Kancil dan Buaya: the series pilot", null, false, "Twelve minutes of river, crocodiles and one clever mouse-deer.",
                "The pilot of the animated series, funded by its fans and now streaming.", """
                # The pilot is streaming

                Thanks to our backers the first episode of **Kancil dan Buaya** is finished and streams on two platforms. \
                Backers of the producer tier share in its revenue every month.
                """, null, null, null, List.of(), new BigDecimal("15000000.00"), FundingType.FLEXIBLE, null, false,
                now.plus(Duration.ofDays(30)), false, "series", false, List.of("fable", "series"),
                "Streaming revenue varies month to month.", null));
        CampaignId id = CampaignId.of(campaign.id());
        TierView producer = campaigns.addTier(owner, kancil, id, new TierInput("Produser Seri", "A share of the pilot's revenue.",
                new BigDecimal("1000000.00"), new BigDecimal("25000000.00"), new BigDecimal("5000000.00"),
                List.of("A monthly share of the pilot's revenue, by the amount you back"), List.of(), new BigDecimal("10.00"),
                BigDecimal.ZERO, false, null, 100, LocalDate.now(clock).plusMonths(1), 0, true));
        campaigns.submit(owner, kancil, id);
        campaigns.approve(UserId.of(demo.person(Person.ADMIN)), id);
        back(campaign.id(), demo.person(Person.FAN_ANI), producer, new BigDecimal("12000000.00"), now);
        back(campaign.id(), demo.person(Person.FAN_JOKO), producer, new BigDecimal("8000000.00"), now);

        // The 30 days ran out long ago: the campaign ended, and closes funded by what it raised. The seeding is one
        // transaction, so the aggregate's pending changes are written before SQL moves its dates, the aggregate then
        // reads the row back (dates and the counted money), and its close is written before the revenue is recorded.
        entities.flush();
        Instant ended = now.minus(Duration.ofDays(75));
        jdbc.sql("update campaigns set launched_at = ?, end_date = ? where id = ?")
                .params(Timestamp.from(ended.minus(Duration.ofDays(30))), Timestamp.from(ended), campaign.id()).update();
        repository.findById(campaign.id()).ifPresent(entities::refresh);
        campaigns.close(owner, kancil, id);
        entities.flush();

        YearMonth thisMonth = YearMonth.now(clock.withZone(JAKARTA));
        record(owner, kancil, id, thisMonth.minusMonths(2), "36000000");
        record(owner, kancil, id, thisMonth.minusMonths(1), "52500000");
        revenue.sendDuePayouts();
    }

    private void record(UserId owner, OrganizationId kancil, CampaignId id, YearMonth month, String total) {
        revenue.record(owner, kancil, id, new RevenueDistributions.RevenueRequest(month.atDay(1).toString(),
                month.atEndOfMonth().toString(), total, "IDR"));
    }

    private void back(UUID campaign, UUID fan, TierView tier, BigDecimal amount, Instant now) {
        UUID investment = UUID.randomUUID();
        tiers.claim(tier.id());
        investments.insertPending(investment, campaign, fan, tier.id(), amount, "IDR", now);
        investments.markDemo(investment);
        investments.lockCampaign(campaign);
        investments.confirm(investment, "sandbox", now);
    }
}
