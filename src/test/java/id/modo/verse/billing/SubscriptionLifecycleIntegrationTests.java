package id.modo.verse.billing;

import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.billing.BillingFixtures.change;
import static id.modo.verse.billing.BillingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription's life through the API, the sandbox gateway and the renewal job, with the clock moved forward.
 * Every test works on its own organization, so moving the (shared) clock only ever pushes others' periods along.
 */
@IntegrationTest
@Import(BillingTestClock.class)
class SubscriptionLifecycleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    BillingTestClock.MovableClock clock;
    @Autowired
    SubscriptionRenewals renewals;
    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc, context);
    }

    @Test
    void aNewOrganizationIsOnFreeGetsOneTrialAndATrialEndingUnpaidGoesBackToFree() {
        Owner owner = fixtures.ownerWithOrganization("bill-trial");
        JsonNode free = subscription(owner.http(), owner.org());
        assertThat(free.get("plan").asString()).isEqualTo("free");
        assertThat(free.get("status").asString()).isEqualTo("active");
        assertThat(free.get("trial_available").asBoolean()).isTrue();

        JsonNode trial = change(owner.http(), owner.org(), "pro", "monthly");
        assertThat(trial.get("outcome").asString()).isEqualTo("trial_started");
        assertThat(trial.get("checkout_url").isNull()).isTrue();
        JsonNode trialing = trial.get("subscription");
        assertThat(trialing.get("status").asString()).isEqualTo("trialing");
        assertThat(Duration.between(Instant.parse(trialing.get("current_period_start").asString()),
                Instant.parse(trialing.get("trial_end").asString()))).isEqualTo(Duration.ofDays(14));
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("pro");

        clock.advance(Duration.ofDays(15));
        renewals.renewDue();
        Owner again = fixtures.signInAgain(owner);
        JsonNode after = subscription(again.http(), again.org());
        assertThat(after.get("plan").asString()).isEqualTo("free");
        assertThat(after.get("trial_available").asBoolean()).isFalse();
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("free");
        assertThat(jdbc.sql("select count(*) from subscriptions where organization_id = cast(? as uuid) and status = 'canceled'")
                .param(owner.org()).query(Integer.class).single()).isEqualTo(1);

        // No second trial: the paid plan now needs a checkout.
        JsonNode paid = change(again.http(), again.org(), "starter", "monthly");
        assertThat(paid.get("outcome").asString()).isEqualTo("checkout");
        assertThat(paid.get("test_mode").asBoolean()).isTrue();
        // 99000 + 11% PPN
        assertThat(paid.get("amount_due").asString()).isEqualTo("109890.00");
        // Nothing changes from the browser: only the completed payment activates it.
        assertThat(subscription(again.http(), again.org()).get("plan").asString()).isEqualTo("free");
        fixtures.pay(paid, null);
        JsonNode active = subscription(again.http(), again.org());
        assertThat(active.get("plan").asString()).isEqualTo("starter");
        assertThat(active.get("status").asString()).isEqualTo("active");
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("starter");
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(1000);
    }

    /**
     * The trial already gave the plan's credits, so paying during it adds none at once: the paid period and its monthly
     * credits start when the trial ends, and the billing and credits pages name that same day.
     */
    @Test
    void payingDuringATrialStartsThePaidPeriodAndItsMonthlyCreditsWhenTheTrialEnds() {
        Owner owner = fixtures.ownerWithOrganization("bill-trial-pay");
        JsonNode trial = change(owner.http(), owner.org(), "pro", "monthly").get("subscription");
        // The answer carries the clock's nanoseconds; PostgreSQL keeps microseconds, rounded, so compare within one.
        Instant trialEnd = Instant.parse(trial.get("trial_end").asString());
        var sameMicrosecond = org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS);
        int mainBefore = main(owner.org());

        JsonNode checkout = change(owner.http(), owner.org(), "pro", "monthly");
        assertThat(checkout.get("outcome").asString()).isEqualTo("checkout");
        fixtures.pay(checkout, null);
        JsonNode paid = subscription(owner.http(), owner.org());
        assertThat(paid.get("status").asString()).isEqualTo("active");
        assertThat(Instant.parse(paid.get("current_period_start").asString())).isCloseTo(trialEnd, sameMicrosecond);
        assertThat(fixtures.subscriptionCredits(owner.org())).as("no credits before the paid period").isZero();
        assertThat(main(owner.org())).isEqualTo(mainBefore);
        assertThat(jdbc.sql("select next_reset_at from credit_balances where organization_id = cast(? as uuid)").param(owner.org())
                .query(java.sql.Timestamp.class).single().toInstant()).isCloseTo(trialEnd, sameMicrosecond);

        var session = id.modo.verse.support.PageSession.signIn(new Http(port), owner.user());
        String billing = session.get("/organizations/" + owner.org() + "/billing?lang=en").body();
        String credits = session.get("/organizations/" + owner.org() + "/credits?lang=en").body();
        var paidFrom = java.util.regex.Pattern.compile("Paid from (.+?), when the trial ends").matcher(billing);
        var arrive = java.util.regex.Pattern.compile("The monthly credits next arrive on (.+?)\\.").matcher(credits);
        assertThat(paidFrom.find()).as("billing says when the paid period starts").isTrue();
        assertThat(arrive.find()).as("credits say when the monthly credits arrive").isTrue();
        assertThat(arrive.group(1)).isEqualTo(paidFrom.group(1));
        assertThat(billing).containsPattern("data-plan=\"pro\" aria-current=\"true\">\\s*<h3 class=\"plan-card__name\">Pro <span class=\"tag tag--ok\" data-current-marker>Current plan</span>");
        assertThat(billing.split("data-current-marker", -1)).hasSize(2);

        clock.advance(Duration.ofDays(15));
        context.getBean(id.modo.verse.credit.CreditMonthlyReset.class).resetDue(clock.instant(), 1000);
        int proMonthly = jdbc.sql("select monthly_credits from plans where key = 'pro'").query(Integer.class).single();
        assertThat(main(owner.org())).as("the paid period's credits arrive at its start").isEqualTo(proMonthly);
    }

    private int main(String org) {
        return jdbc.sql("select balance from credit_balances where organization_id = cast(? as uuid)").param(org).query(Integer.class).single();
    }

    @Test
    void anUpgradeIsChargedProRataAndAppliesWhenPaidADowngradeWaitsForThePeriodsEnd() {
        Owner owner = fixtures.ownerWithOrganization("bill-upgrade");
        fixtures.trialUsed(owner);
        JsonNode starter = change(owner.http(), owner.org(), "starter", "monthly");
        fixtures.pay(starter, null);
        JsonNode active = subscription(owner.http(), owner.org());
        Instant start = Instant.parse(active.get("current_period_start").asString());
        Instant end = Instant.parse(active.get("current_period_end").asString());

        JsonNode upgrade = change(owner.http(), owner.org(), "pro", "monthly");
        assertThat(upgrade.get("outcome").asString()).isEqualTo("checkout");
        JsonNode invoice = Http.json(owner.http().get("/api/v1/organizations/" + owner.org() + "/invoices?limit=1", "application/json"))
                .get("items").get(0);
        assertThat(invoice.get("kind").asString()).isEqualTo("upgrade");
        assertThat(invoice.get("lines")).hasSize(2);
        BigDecimal charge = new BigDecimal(invoice.get("lines").get(0).get("amount").asString());
        BigDecimal credit = new BigDecimal(invoice.get("lines").get(1).get("amount").asString());
        // Issued a moment after the period started: almost all of pro, less almost all of starter.
        assertThat(charge).isBetween(new BigDecimal("298900.00"), new BigDecimal("299000.00"));
        assertThat(credit).isBetween(new BigDecimal("-99000.00"), new BigDecimal("-98900.00"));
        BigDecimal subtotal = charge.add(credit);
        assertThat(new BigDecimal(invoice.get("subtotal").asString())).isEqualByComparingTo(subtotal);
        assertThat(new BigDecimal(invoice.get("tax").asString()))
                .isEqualByComparingTo(subtotal.multiply(new BigDecimal("0.11")).setScale(2, java.math.RoundingMode.HALF_UP));
        fixtures.pay(upgrade, null);
        JsonNode pro = subscription(owner.http(), owner.org());
        assertThat(pro.get("plan").asString()).isEqualTo("pro");
        // Same cycle: the period stays.
        assertThat(Instant.parse(pro.get("current_period_end").asString())).isEqualTo(end);
        assertThat(Instant.parse(pro.get("current_period_start").asString())).isEqualTo(start);
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(1000 + 4000);

        JsonNode downgrade = change(owner.http(), owner.org(), "starter", "monthly");
        assertThat(downgrade.get("outcome").asString()).isEqualTo("scheduled");
        assertThat(downgrade.get("subscription").get("plan").asString()).isEqualTo("pro");
        assertThat(downgrade.get("subscription").get("pending_plan").asString()).isEqualTo("starter");
    }

    @Test
    void cancelAndResumeAreTransitionsAndAnIllegalOneIs409WithTheAllowedMoves() {
        Owner owner = fixtures.ownerWithOrganization("bill-cancel");
        var freeCancel = owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription/cancel", "");
        assertThat(freeCancel.statusCode()).isEqualTo(409);
        assertThat(Http.json(freeCancel).get("type").asString()).endsWith("/subscription-transition");
        assertThat(Http.json(freeCancel).get("from").asString()).isEqualTo("active");
        assertThat(Http.json(freeCancel).get("to").asString()).isEqualTo("cancel");
        assertThat(Http.json(freeCancel).get("allowed").toString()).isEqualTo("[\"change_plan\"]");

        change(owner.http(), owner.org(), "starter", "yearly");
        var canceled = owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription/cancel", "");
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        assertThat(Http.json(canceled).get("cancel_at_period_end").asBoolean()).isTrue();
        var resumed = owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription/resume", "");
        assertThat(Http.json(resumed).get("cancel_at_period_end").asBoolean()).isFalse();
        var again = owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription/resume", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("allowed").toString()).isEqualTo("[\"pay\",\"cancel\"]");
    }

    @Test
    void choosingFreeDuringATrialEndsItNowAndVoidsTheUnpaidCheckout() {
        Owner owner = fixtures.ownerWithOrganization("bill-trial-free");
        change(owner.http(), owner.org(), "team", "monthly");
        JsonNode payNow = change(owner.http(), owner.org(), "team", "monthly");
        assertThat(payNow.get("outcome").asString()).isEqualTo("checkout");
        JsonNode free = owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription", "{\"plan\":\"free\"}").statusCode() == 200
                ? subscription(owner.http(), owner.org()) : null;
        assertThat(free).isNotNull();
        assertThat(free.get("plan").asString()).isEqualTo("free");
        assertThat(fixtures.invoiceStatus(payNow.get("invoice_id").asString())).isEqualTo("void");
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("free");
    }

    @Test
    void unknownPlansCyclesAndEnterpriseAre400() {
        Owner owner = fixtures.ownerWithOrganization("bill-bad");
        String path = "/api/v1/organizations/" + owner.org() + "/subscription";
        assertThat(owner.http().postJson(path, "{\"plan\":\"platinum\",\"billing_cycle\":\"monthly\"}").statusCode()).isEqualTo(400);
        assertThat(owner.http().postJson(path, "{\"plan\":\"pro\",\"billing_cycle\":\"weekly\"}").statusCode()).isEqualTo(400);
        assertThat(owner.http().postJson(path, "{\"plan\":\"pro\"}").statusCode()).isEqualTo(400);
        assertThat(owner.http().postJson(path, "{\"plan\":\"enterprise\",\"billing_cycle\":\"monthly\"}").statusCode()).isEqualTo(400);
        assertThat(owner.http().postJson(path, "{\"plan\":3}").statusCode()).isEqualTo(400);
        assertThat(owner.http().postJson(path, "not json").statusCode()).isEqualTo(400);
        var missing = owner.http().postJson(path, "{\"billing_cycle\":\"monthly\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("plan").doesNotContain("null");
        var huge = owner.http().postJson(path, "{\"plan\":\"" + "x".repeat(100_000) + "\",\"billing_cycle\":\"monthly\"}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body().length()).isLessThan(2_000);
        assertThat(owner.http().postJson("/api/v1/organizations/" + UUID.randomUUID() + "/subscription",
                "{\"plan\":\"pro\",\"billing_cycle\":\"monthly\"}").statusCode()).isEqualTo(404);
    }
}
