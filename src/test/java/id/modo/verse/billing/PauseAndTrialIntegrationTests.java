package id.modo.verse.billing;

import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.net.http.HttpResponse;
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
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Pausing and unpausing a paid subscription, a trial's credits and paying during a trial, with the clock moved forward.
 * Every test works on its own organization.
 */
@IntegrationTest
@Import(BillingTestClock.class)
class PauseAndTrialIntegrationTests {

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
    @Autowired
    CreditLedger ledger;
    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc, context);
    }

    static HttpResponse<String> post(Owner owner, String move) {
        return owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription/" + move, "");
    }

    record Allowance(String plan, int monthlyCredits) {
    }

    Allowance allowance(String org) {
        return jdbc.sql("select plan, monthly_credits from credit_balances where organization_id = cast(? as uuid)").param(org)
                .query((rs, n) -> new Allowance(rs.getString(1), rs.getInt(2))).single();
    }

    int audited(String org, String action) {
        return jdbc.sql("select count(*) from audit_logs where organization_id = cast(? as uuid) and action = ?").params(org, action)
                .query(Integer.class).single();
    }

    @Test
    void aPausedSubscriptionIsOnFreeLimitsIsNotRenewedAndGetsItsPaidTimeBackOnUnpause() {
        Owner owner = fixtures.ownerWithOrganization("pause");
        fixtures.trialUsed(owner);
        fixtures.pay(change(owner.http(), owner.org(), "starter", "monthly"), "sbx_pm_" + UUID.randomUUID());
        JsonNode active = subscription(owner.http(), owner.org());
        Instant start = Instant.parse(active.get("current_period_start").asString());
        Instant end = Instant.parse(active.get("current_period_end").asString());
        assertThat(active.get("allowed_moves").toString()).isEqualTo("[\"change_plan\",\"cancel\",\"pause\"]");

        clock.advance(Duration.ofDays(10));
        owner = fixtures.signInAgain(owner);
        Instant pausedAt = clock.instant();
        HttpResponse<String> paused = post(owner, "pause");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        JsonNode pausedView = Http.json(paused);
        assertThat(pausedView.get("status").asString()).isEqualTo("paused");
        assertThat(pausedView.get("plan").asString()).isEqualTo("starter");
        assertThat(pausedView.get("paused_remaining_seconds").asLong())
                .isCloseTo(Duration.between(pausedAt, end).getSeconds(), within(5L));
        assertThat(pausedView.get("allowed_moves").toString()).isEqualTo("[\"unpause\",\"cancel\"]");
        // The free plan's limits and allowance apply while paused; the credits already granted stay.
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("free");
        assertThat(allowance(owner.org())).isEqualTo(new Allowance("free", 100));
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(1000);
        assertThat(audited(owner.org(), "subscription_pause")).isEqualTo(1);

        // Illegal moves while paused: 409 with what is allowed.
        HttpResponse<String> again = post(owner, "pause");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("allowed").toString()).isEqualTo("[\"unpause\",\"cancel\"]");
        HttpResponse<String> upgrade = owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription",
                "{\"plan\":\"pro\",\"billing_cycle\":\"monthly\"}");
        assertThat(upgrade.statusCode()).isEqualTo(409);

        // Long past the old period's end: nothing is charged, nothing ends, the saved method is not touched.
        clock.advance(Duration.ofDays(40));
        renewals.renewDue();
        assertThat(jdbc.sql("select count(*) from invoices where organization_id = cast(? as uuid) and kind = 'renewal'")
                .param(owner.org()).query(Integer.class).single()).isZero();
        owner = fixtures.signInAgain(owner);
        assertThat(subscription(owner.http(), owner.org()).get("status").asString()).isEqualTo("paused");

        Instant unpausedAt = clock.instant();
        HttpResponse<String> unpaused = post(owner, "unpause");
        assertThat(unpaused.statusCode()).as(unpaused.body()).isEqualTo(200);
        JsonNode back = Http.json(unpaused);
        assertThat(back.get("status").asString()).isEqualTo("active");
        assertThat(back.get("paused_at").isNull()).isTrue();
        Duration pausedFor = Duration.between(pausedAt, unpausedAt);
        // The period moved by the time it was paused (to the second: the kept time is stored in whole seconds).
        assertThat(Duration.between(end.plus(pausedFor), Instant.parse(back.get("current_period_end").asString())).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(start.plus(pausedFor), Instant.parse(back.get("current_period_start").asString())).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("starter");
        assertThat(allowance(owner.org())).isEqualTo(new Allowance("starter", 1000));
        assertThat(audited(owner.org(), "subscription_unpause")).isEqualTo(1);
        assertThat(post(owner, "unpause").statusCode()).isEqualTo(409);

        // The moved period's end is what the renewal job waits for.
        renewals.renewDue();
        assertThat(jdbc.sql("select count(*) from invoices where organization_id = cast(? as uuid) and kind = 'renewal'")
                .param(owner.org()).query(Integer.class).single()).isZero();
    }

    @Test
    void freeTrialsAndPastDueSubscriptionsCannotPauseAndPausingVoidsAnUnpaidCheckout() {
        Owner owner = fixtures.ownerWithOrganization("pause-bad");
        HttpResponse<String> free = post(owner, "pause");
        assertThat(free.statusCode()).isEqualTo(409);
        assertThat(Http.json(free).get("type").asString()).endsWith("/subscription-transition");
        assertThat(Http.json(free).get("allowed").toString()).isEqualTo("[\"change_plan\"]");
        assertThat(post(owner, "unpause").statusCode()).isEqualTo(409);

        change(owner.http(), owner.org(), "pro", "monthly");
        HttpResponse<String> trial = post(owner, "pause");
        assertThat(trial.statusCode()).isEqualTo(409);
        assertThat(Http.json(trial).get("allowed").toString()).isEqualTo("[\"pay\",\"cancel\"]");

        Owner paying = fixtures.ownerWithOrganization("pause-void");
        fixtures.trialUsed(paying);
        fixtures.pay(change(paying.http(), paying.org(), "starter", "monthly"), null);
        JsonNode upgrade = change(paying.http(), paying.org(), "pro", "monthly");
        assertThat(upgrade.get("outcome").asString()).isEqualTo("checkout");
        assertThat(post(paying, "pause").statusCode()).isEqualTo(200);
        assertThat(fixtures.invoiceStatus(upgrade.get("invoice_id").asString())).isEqualTo("void");
    }

    @Test
    void aTrialGrantsThePlansCreditsOnceAndTheFreeCreditsStay() {
        Owner owner = fixtures.ownerWithOrganization("trial-credits");
        OrganizationId org = OrganizationId.of(UUID.fromString(owner.org()));
        // The free plan's opening grant arrives after the organization's commit.
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.balances(org).main() == 100);
        JsonNode trial = change(owner.http(), owner.org(), "pro", "monthly");
        assertThat(trial.get("outcome").asString()).isEqualTo("trial_started");
        String subscriptionId = trial.get("subscription").get("id").asString();
        assertThat(ledger.balances(org).main()).isEqualTo(100 + 5000);
        assertThat(jdbc.sql("""
                select count(*) from credit_transactions where organization_id = cast(? as uuid) and type = 'subscription'
                  and reference_type = 'subscription_trial' and reference_id = ? and amount = 5000""")
                .params(owner.org(), subscriptionId).query(Integer.class).single()).isEqualTo(1);
        // Delivered again (a retried call), the grant does nothing.
        assertThat(ledger.grantOnce(org, CreditLedger.Grant.SUBSCRIPTION, 5000, Subscriptions.TRIAL_REFERENCE, subscriptionId, "Pro trial"))
                .isFalse();
        assertThat(ledger.balances(org).main()).isEqualTo(100 + 5000);
        assertThat(allowance(owner.org())).isEqualTo(new Allowance("pro", 5000));
    }

    @Test
    void payingDuringATrialStartsThePaidPeriodWhenTheTrialEnds() {
        Owner owner = fixtures.ownerWithOrganization("trial-pay");
        change(owner.http(), owner.org(), "pro", "monthly");
        // As stored (the database keeps microseconds).
        Instant trialEnd = Instant.parse(subscription(owner.http(), owner.org()).get("trial_end").asString());
        clock.advance(Duration.ofDays(3));
        owner = fixtures.signInAgain(owner);
        JsonNode checkout = change(owner.http(), owner.org(), "pro", "monthly");
        assertThat(checkout.get("outcome").asString()).isEqualTo("checkout");
        fixtures.pay(checkout, null);

        JsonNode active = subscription(owner.http(), owner.org());
        assertThat(active.get("status").asString()).isEqualTo("active");
        Instant start = Instant.parse(active.get("current_period_start").asString());
        assertThat(start).isEqualTo(trialEnd);
        assertThat(Instant.parse(active.get("current_period_end").asString())).isEqualTo(BillingCycle.MONTHLY.periodEnd(start));
        Instant invoiceStart = jdbc.sql("select period_start from invoices where id = cast(? as uuid)")
                .param(checkout.get("invoice_id").asString()).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(invoiceStart).isEqualTo(start);
        // Nothing is due at the trial's end: that is where the paid period begins.
        clock.advance(Duration.ofDays(12));
        renewals.renewDue();
        Owner later = fixtures.signInAgain(owner);
        JsonNode still = subscription(later.http(), later.org());
        assertThat(still.get("status").asString()).isEqualTo("active");
        assertThat(still.get("plan").asString()).isEqualTo("pro");
    }
}
