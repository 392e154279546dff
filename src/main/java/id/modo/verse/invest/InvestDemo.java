package id.modo.verse.invest;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.common.Money;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.invest.CampaignApi.RewardRequest;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Service;

/**
 * The demo's live campaign: "Si Kancil: The Animated Film" of Studio Kancil Animasi, linked to its Studio project, with
 * three tiers, launched by the demo admin, and backed by the two demo fans. Made through the same facades as the pages
 * (create, tiers, submit, approve), so it follows every rule a real campaign does. The fans' investments are counted
 * through the same confirmation as a paid one, but have no payment behind them: a seeded demo cannot click a sandbox
 * checkout, and their {@code metadata} says so. Fees are recorded as on a paid one; one of Joko's investments was
 * cancelled and refunded (he still backs the campaign with the other), and the studio posted a public and a
 * backers-only update. The tiers carry typed rewards (a wallpaper pack, a signed print, credits, a revenue share, a
 * plush and a recording session); Ani's print is shipped with a tracking number, Joko's refunded wallpaper cancelled.
 */
@Service
class InvestDemo implements DemoSeeder {

    private final Campaigns campaigns;
    private final ProjectAccess projects;
    private final Tiers tiers;
    private final InvestmentRows investments;
    private final InvestmentFees fees;
    private final CampaignUpdates updates;
    private final InvestorRewards rewards;
    private final RewardFulfilment fulfilment;
    private final Assets assets;
    private final Clock clock;

    InvestDemo(Campaigns campaigns, ProjectAccess projects, Tiers tiers, InvestmentRows investments, InvestmentFees fees,
            CampaignUpdates updates, InvestorRewards rewards, RewardFulfilment fulfilment, Assets assets, Clock clock) {
        this.campaigns = campaigns;
        this.projects = projects;
        this.tiers = tiers;
        this.investments = investments;
        this.fees = fees;
        this.updates = updates;
        this.rewards = rewards;
        this.fulfilment = fulfilment;
        this.assets = assets;
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
                List.of("Your name in the end credits", "Backers-only production diary"), supporterRewards(owner, kancil, project),
                BigDecimal.ZERO, BigDecimal.ZERO,
                false, null, null, LocalDate.now(clock).plusMonths(10), 0, false));
        TierView producer = campaigns.addTier(owner, kancil, id, new TierInput("Produser Hutan", "A share of the film's revenue.",
                new BigDecimal("5000000.00"), new BigDecimal("50000000.00"), null,
                List.of("0.01% of the film's revenue per Rp 5,000,000", "Invitation to the Jakarta premiere"), producerRewards(),
                new BigDecimal("5.00"), BigDecimal.ZERO, false, null, 50, LocalDate.now(clock).plusMonths(14), 1, true));
        campaigns.addTier(owner, kancil, id, new TierInput("Pengisi Suara Cilik", "Voice a forest animal in one scene.",
                new BigDecimal("25000000.00"), null, null, List.of("A line in the film, recorded with our director"), voiceRewards(),
                BigDecimal.ZERO, BigDecimal.ZERO, false, null, 5, LocalDate.now(clock).plusMonths(12), 2, false));
        campaigns.submit(owner, kancil, id);
        campaigns.approve(UserId.of(demo.person(Person.ADMIN)), id);

        TierView supporter = tiers.of(campaign.id()).getFirst();
        back(campaign.id(), demo.person(Person.FAN_ANI), supporter, new BigDecimal("150000.00"), now);
        UUID aniProducer = back(campaign.id(), demo.person(Person.FAN_ANI), producer, new BigDecimal("10000000.00"), now);
        back(campaign.id(), demo.person(Person.FAN_JOKO), producer, new BigDecimal("5000000.00"), now);
        cancelled(campaign.id(), demo.person(Person.FAN_JOKO), supporter, new BigDecimal("200000.00"), now);
        updates(owner, kancil, id);
        artPrintShipped(owner, kancil, id, UserId.of(demo.person(Person.FAN_ANI)), aniProducer);
    }

    private UUID back(UUID campaign, UUID fan, TierView tier, BigDecimal amount, Instant now) {
        UUID investment = UUID.randomUUID();
        tiers.claim(tier.id());
        investments.insertPending(investment, campaign, fan, tier.id(), amount, "IDR", now);
        investments.markDemo(investment);
        investments.lockCampaign(campaign);
        investments.confirm(investment, "sandbox", now);
        fees.record(investment, new Money(amount, "IDR"), null);
        rewards.create(investment);
        return investment;
    }

    /** Backed, then taken back: refunded, off the campaign's money, its unit free again (no payment, as above). */
    private void cancelled(UUID campaign, UUID fan, TierView tier, BigDecimal amount, Instant now) {
        UUID investment = back(campaign, fan, tier, amount, now);
        investments.lockCampaign(campaign);
        investments.refunded(investment, now.plus(Duration.ofHours(2))).ifPresent(tiers::release);
        rewards.cancel(investment);
    }

    // ---------------------------------------------------------------- rewards (issue 18)

    /** A wallpaper pack from the studio's media library, downloaded through a link only its investor can open. */
    private List<RewardRequest> supporterRewards(UserId owner, OrganizationId kancil, UUID project) {
        AssetView pack = assets.upload(owner, kancil, project, "reward", "si-kancil-wallpaper.png", new ByteArrayInputStream(wallpaper()));
        return List.of(new RewardRequest("digital", "Si Kancil wallpaper pack", "The river crossing at 1920×1080, for your desktop.",
                pack.id().value().toString(), null, null, null));
    }

    private static List<RewardRequest> producerRewards() {
        return List.of(
                new RewardRequest("physical", "Signed art print", "A3 print of the river crossing, signed by the director.", null, null, null, null),
                new RewardRequest("credit", "AI credits for your own story", "For MODO Studio's AI tools.", null, null, null, 500),
                new RewardRequest("revenue_share", "Share of the film's revenue", null, null, null, null, null));
    }

    private static List<RewardRequest> voiceRewards() {
        return List.of(
                new RewardRequest("physical", "Kancil plush", "30 cm, hand-sewn in Yogyakarta.", null, null, null, null),
                new RewardRequest("access", "Recording session", null, null, null, "A half-day in our Jakarta studio to record your line", null));
    }

    /** Ani gave her address and the studio shipped her print, so the dashboard shows a tracking number. */
    private void artPrintShipped(UserId owner, OrganizationId kancil, CampaignId campaign, UserId ani, UUID investment) {
        fulfilment.mine(ani, null, 100).items().stream()
                .filter(r -> r.investmentId().equals(investment) && "physical".equals(r.type())).findFirst()
                .ifPresent(print -> {
                    fulfilment.address(ani, print.id(), new ShippingAddress("Ani Wulandari", "Jl. Kaliurang Km 5 No. 12", "Yogyakarta",
                            "55281", "ID", "+62 812 3456 7890"));
                    fulfilment.move(owner, kancil, campaign, print.id(), "shipped", "JNE 0112 2334 4556");
                });
    }

    /** A 1920×1080 picture drawn here, so the demo needs no file of its own: dusk over the river, the crocodiles' backs. */
    private static byte[] wallpaper() {
        BufferedImage image = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xF2B35E), 0, 700, new Color(0x2E6B5A)));
        g.fillRect(0, 0, 1920, 1080);
        g.setColor(new Color(0x1D4E6B));
        g.fillRect(0, 700, 1920, 380);
        g.setColor(new Color(0x3F6B3A));
        for (int x = 260; x < 1700; x += 240) {
            g.fillOval(x, 760, 200, 60);
        }
        g.setColor(new Color(0x8A5A2B));
        g.fillOval(1500, 690, 90, 70);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
