package id.modo.verse.billing;

import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentStatus;
import id.modo.verse.payment.PaymentView;
import id.modo.verse.payment.Payments;
import id.modo.verse.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.billing.BillingFixtures.change;
import static id.modo.verse.billing.BillingFixtures.paymentOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A payment settles its invoice exactly once; money for a superseded invoice goes back. */
@IntegrationTest
@Import(BillingTestClock.class)
class PaymentSettlementIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SubscriptionSettlement settlement;
    @Autowired
    Payments payments;
    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc, context);
    }

    @Test
    void aCompletionDeliveredAgainFromManyThreadsAtOnceGrantsThePeriodsCreditsOnce() throws Exception {
        Owner owner = fixtures.ownerWithOrganization("settle-once");
        fixtures.trialUsed(owner);
        JsonNode checkout = change(owner.http(), owner.org(), "team", "monthly");
        fixtures.pay(checkout, null);
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(20000);
        PaymentView paid = payments.find(paymentOf(checkout)).orElseThrow();
        PaymentCompleted again = new PaymentCompleted(paid.id(), paid.purpose(), paid.reference(), paid.organizationId(), paid.payerId(),
                paid.amount(), paid.gateway(), paid.completedAt());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                settlement.paymentCompleted(again);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(20000);
        assertThat(fixtures.invoiceStatus(checkout.get("invoice_id").asString())).isEqualTo("paid");
        assertThat(payments.find(paid.id()).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void aCheckoutPaidAfterANewerOneSupersededItIsRefundedInFullAndChangesNothing() {
        Owner owner = fixtures.ownerWithOrganization("settle-void");
        fixtures.trialUsed(owner);
        JsonNode first = change(owner.http(), owner.org(), "starter", "monthly");
        JsonNode second = change(owner.http(), owner.org(), "pro", "monthly");
        assertThat(fixtures.invoiceStatus(first.get("invoice_id").asString())).isEqualTo("void");

        fixtures.sandbox.decide(paymentOf(first), Money.of(first.get("amount_due").asString(), "IDR"), true, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> payments.find(paymentOf(first)).orElseThrow().status() == PaymentStatus.REFUNDED);
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("free");
        assertThat(fixtures.subscriptionCredits(owner.org())).isZero();

        fixtures.pay(second, null);
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("pro");
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(5000);
    }

    @Test
    void aFailedFirstPaymentVoidsItsInvoiceAndLeavesThePlan() {
        Owner owner = fixtures.ownerWithOrganization("settle-fail");
        fixtures.trialUsed(owner);
        JsonNode checkout = change(owner.http(), owner.org(), "starter", "yearly");
        fixtures.sandbox.decide(paymentOf(checkout), Money.of(checkout.get("amount_due").asString(), "IDR"), false, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> "void".equals(fixtures.invoiceStatus(checkout.get("invoice_id").asString())));
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("free");
    }
}
