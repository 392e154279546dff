package id.modo.verse.billing;

import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The renewal job: a saved method is charged; without one a checkout link is mailed and retries run out into free. */
@IntegrationTest
@Import(BillingTestClock.class)
class RenewalIntegrationTests {

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

    /** An owner whose organization is paying for starter monthly (trial already used). */
    Owner payingStarter(String prefix, String savedMethodToken) {
        Owner owner = fixtures.ownerWithOrganization(prefix);
        fixtures.trialUsed(owner);
        fixtures.pay(change(owner.http(), owner.org(), "starter", "monthly"), savedMethodToken);
        return owner;
    }

    record Row(String status, int retryCount, Instant periodEnd, String plan) {
    }

    Row current(String org) {
        return jdbc.sql("select status, retry_count, current_period_end, plan from subscriptions where organization_id = cast(? as uuid) and status <> 'canceled'")
                .param(org).query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getString(4))).single();
    }

    List<String> renewalInvoices(String org, String status) {
        return jdbc.sql("select id::text from invoices where organization_id = cast(? as uuid) and kind = 'renewal' and status = ? order by created_at")
                .params(org, status).query(String.class).list();
    }

    @Test
    void aSavedMethodIsChargedAndTheNextPeriodFollowsTheLastWithItsCredits() {
        Owner owner = payingStarter("renew-saved", "sbx_pm_" + UUID.randomUUID());
        Instant end = current(owner.org()).periodEnd();
        clock.advance(Duration.ofDays(32));
        renewals.renewDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> renewalInvoices(owner.org(), "paid").size() == 1);
        Row renewed = current(owner.org());
        assertThat(renewed.status()).isEqualTo("active");
        assertThat(renewed.retryCount()).isZero();
        // The paid period is long over (the clock moved 32 days): the new one starts at the payment.
        assertThat(renewed.periodEnd()).isAfter(end);
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(2000);
        // A second run finds nothing due for this subscription and charges nothing more.
        renewals.renewDue();
        assertThat(renewalInvoices(owner.org(), "paid")).hasSize(1);
        assertThat(renewalInvoices(owner.org(), "open")).isEmpty();
    }

    @Test
    void aScheduledDowngradeIsWhatTheRenewalChargesAndApplies() {
        Owner owner = fixtures.ownerWithOrganization("renew-down");
        fixtures.trialUsed(owner);
        fixtures.pay(change(owner.http(), owner.org(), "pro", "monthly"), "sbx_pm_" + UUID.randomUUID());
        JsonNode scheduled = change(owner.http(), owner.org(), "starter", "monthly");
        assertThat(scheduled.get("outcome").asString()).isEqualTo("scheduled");
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("pro");
        clock.advance(Duration.ofDays(32));
        renewals.renewDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> renewalInvoices(owner.org(), "paid").size() == 1);
        assertThat(current(owner.org()).plan()).isEqualTo("starter");
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("starter");
        assertThat(jdbc.sql("select total from invoices where id = cast(? as uuid)").param(renewalInvoices(owner.org(), "paid").getFirst())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("109890.00");
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(5000 + 1000);
    }

    @Test
    void withoutASavedMethodTheLinkIsMailedTheSubscriptionIsPastDueAndPayingMakesItActive() {
        Owner owner = payingStarter("renew-mail", null);
        clock.advance(Duration.ofDays(32));
        renewals.renewDue();
        Row pastDue = current(owner.org());
        assertThat(pastDue.status()).isEqualTo("past_due");
        assertThat(pastDue.retryCount()).isEqualTo(1);
        List<String> open = renewalInvoices(owner.org(), "open");
        assertThat(open).hasSize(1);
        String mail = jdbc.sql("select text_body from mail_outbox where recipient = ? and template = 'subscription-payment-due'")
                .param(owner.user().email()).query(String.class).single();
        assertThat(mail).contains("/payments/sandbox/").contains("MODO-");

        UUID payment = jdbc.sql("select id from payments where reference = ? order by created_at desc limit 1").param(open.getFirst())
                .query(UUID.class).single();
        fixtures.sandbox.decide(PaymentId.of(payment), Money.of("109890.00", "IDR"), true, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> renewalInvoices(owner.org(), "paid").size() == 1);
        assertThat(current(owner.org()).status()).isEqualTo("active");
        assertThat(current(owner.org()).retryCount()).isZero();
    }

    @Test
    void retriesAfterOneThreeAndFiveDaysThenCanceledBackToFree() {
        Owner owner = payingStarter("renew-fail", null);
        clock.advance(Duration.ofDays(32));
        renewals.renewDue();
        assertThat(current(owner.org()).retryCount()).isEqualTo(1);
        // Before the retry time nothing happens.
        clock.advance(Duration.ofHours(12));
        renewals.renewDue();
        assertThat(current(owner.org()).retryCount()).isEqualTo(1);
        for (int expected = 2; expected <= 4; expected++) {
            clock.advance(Duration.ofDays(5).plusMinutes(1));
            renewals.renewDue();
            assertThat(current(owner.org()).retryCount()).isEqualTo(expected);
            assertThat(current(owner.org()).status()).isEqualTo("past_due");
        }
        // One checkout per attempt, all for the same open invoice.
        assertThat(renewalInvoices(owner.org(), "open")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payments where reference = ?").param(renewalInvoices(owner.org(), "open").getFirst())
                .query(Integer.class).single()).isEqualTo(4);
        clock.advance(Duration.ofMinutes(1));
        renewals.renewDue();
        Row free = current(owner.org());
        assertThat(free.plan()).isEqualTo("free");
        assertThat(free.status()).isEqualTo("active");
        assertThat(renewalInvoices(owner.org(), "open")).isEmpty();
        assertThat(renewalInvoices(owner.org(), "void")).hasSize(1);
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("free");
    }
}
