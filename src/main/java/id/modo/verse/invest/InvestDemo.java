package id.modo.verse.invest;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.common.Money;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The demo's live campaign: "Si Kancil: The Animated Film" of Studio Kancil Animasi, linked to its Studio project, with
 * three tiers, launched by the demo admin, and backed by the two demo fans. Made through the same facades as the pages
 * (create, tiers, submit, approve), so it follows every rule a real campaign does. The fans' investments are counted
 * through the same confirmation as a paid one, but have no payment behind them: a seeded demo cannot click a sandbox
 * checkout, and their {@code metadata} says so. Fees are recorded as on a paid one; one of Joko's investments was
 * cancelled and refunded (he still backs the campaign with the other), and the studio posted a public and a
 * backers-only update.
 */
@Service
class InvestDemo implements DemoSeeder {

    private final Campaigns campaigns;
    private final ProjectAccess projects;
    private final Tiers tiers;
    private final InvestmentRows investments;
    private final InvestmentFees fees;
    private final CampaignUpdates updates;
    private final Clock clock;

    InvestDemo(Campaigns campaigns, ProjectAccess projects, Tiers tiers, InvestmentRows investments, InvestmentFees fees,
            CampaignUpdates updates, Clock clock) {
        this.campaigns = campaigns;
        this.projects = projects;
        this.tiers = tiers;
        this.investments = investments;
        this.fees = fees;
        this.updates = updates;
        this.clock = clock;
    }

    /** After the content seeders: the campaign links to the Si Kancil project Studio's seeder makes. */
    @Override
    public int order() {
        return CONTENT + 1;
    }

    @Override
    public void seed(DemoContext demo) {
        UserId owner = UserId.of(demo.person(Person.KANCIL_OWNER));
        OrganizationId kancil = OrganizationId.of(demo.tenant(Tenant.KANCIL));
        UUID project = projects.publicProject(kancil, "si-kancil").map(p -> p.id().value()).orElse(null);
        Instant now = clock.instant();
        CampaignView campaign = campaigns.create(owner, kancil, "si-kancil-film", new CampaignTerms("Si Kancil: The Animated Film",
                project, false, "The mouse-deer who outwits the river's crocodiles, as a 90-minute animated feature.",
                "Studio Kancil Animasi adapts the best-loved fable of the archipelago for cinemas and streaming.", """
                # A fable every Indonesian child knows

                When the dry season empties his side of the river, **Kancil** talks the crocodiles into lining up to be counted, \
                and walks across their backs. We are making the feature film: hand-drawn backgrounds of Javanese forests, a score \
                with gamelan and strings, and a voice cast from Jakarta to Makassar.

                ## What your backing pays for

                - the animatic and the first 20 minutes in full colour
                - the recording of the score in Surakarta
                - festival submissions in 2027
                """, null, null, null, List.of(), new BigDecimal("750000000.00"), FundingType.ALL_OR_NOTHING, null, false,
                now.plus(Duration.ofDays(45)), false, "animation", false, List.of("fable", "family", "animation"),
                "Animation takes time: a delay in the colour pass would move the release by up to six months.",
                "Keeping a hand-drawn look on a streaming budget."));
        CampaignId id = CampaignId.of(campaign.id());
        campaigns.addTier(owner, kancil, id, new TierInput("Teman Kancil", "Our thanks, and your name in the credits.",
                new BigDecimal("100000.00"), new BigDecimal("1000000.00"), new BigDecimal("150000.00"),
                List.of("Your name in the end credits", "Backers-only production diary"), List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                false, null, null, LocalDate.now(clock).plusMonths(10), 0, false));
        TierView producer = campaigns.addTier(owner, kancil, id, new TierInput("Produser Hutan", "A share of the film's revenue.",
                new BigDecimal("5000000.00"), new BigDecimal("50000000.00"), null,
                List.of("0.01% of the film's revenue per Rp 5,000,000", "Invitation to the Jakarta premiere"), List.of("Signed art print"),
                new BigDecimal("5.00"), BigDecimal.ZERO, false, null, 50, LocalDate.now(clock).plusMonths(14), 1, true));
        campaigns.addTier(owner, kancil, id, new TierInput("Pengisi Suara Cilik", "Voice a forest animal in one scene.",
                new BigDecimal("25000000.00"), null, null, List.of("A line in the film, recorded with our director"), List.of(),
                BigDecimal.ZERO, BigDecimal.ZERO, false, null, 5, LocalDate.now(clock).plusMonths(12), 2, false));
        campaigns.submit(owner, kancil, id);
        campaigns.approve(UserId.of(demo.person(Person.ADMIN)), id);

        TierView supporter = tiers.of(campaign.id()).getFirst();
        back(campaign.id(), demo.person(Person.FAN_ANI), supporter, new BigDecimal("150000.00"), now);
        back(campaign.id(), demo.person(Person.FAN_ANI), producer, new BigDecimal("10000000.00"), now);
        back(campaign.id(), demo.person(Person.FAN_JOKO), producer, new BigDecimal("5000000.00"), now);
        cancelled(campaign.id(), demo.person(Person.FAN_JOKO), supporter, new BigDecimal("200000.00"), now);
        updates(owner, kancil, id);
    }

    private UUID back(UUID campaign, UUID fan, TierView tier, BigDecimal amount, Instant now) {
        UUID investment = UUID.randomUUID();
        tiers.claim(tier.id());
        investments.insertPending(investment, campaign, fan, tier.id(), amount, "IDR", now);
        investments.markDemo(investment);
        investments.lockCampaign(campaign);
        investments.confirm(investment, "sandbox", now);
        fees.record(investment, new Money(amount, "IDR"), null);
        return investment;
    }

    /** Backed, then taken back: refunded, off the campaign's money, its unit free again (no payment, as above). */
    private void cancelled(UUID campaign, UUID fan, TierView tier, BigDecimal amount, Instant now) {
        UUID investment = back(campaign, fan, tier, amount, now);
        investments.lockCampaign(campaign);
        investments.refunded(investment, now.plus(Duration.ofHours(2))).ifPresent(tiers::release);
    }

    private void updates(UserId owner, OrganizationId kancil, CampaignId id) {
        updates.post(owner, kancil, id, "The animatic is locked", """
                All 212 shots of the first act are timed to the temp score. Next: **colour keys** for the river crossing.
                """, "public");
        updates.post(owner, kancil, id, "For our backers: the crocodile designs", """
                Thank you for backing us early! Here are the three crocodile brothers as our lead animator drew them this week,                 and the vote on which one gets the big song is open until Friday.
                """, "backers_only");
    }
}
