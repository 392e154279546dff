package id.modo.verse.billing;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A renewal charged to a saved Stripe card that Stripe has not answered yet ({@code processing}, as bank debits stay
 * for days) is never charged again for the same invoice: the retry time passes, the renewal job asks the payment
 * module for the charge's status and waits; Stripe's later {@code payment_intent.succeeded} settles the invoice.
 * Stripe is a local server speaking its API; its webhook events are signed with the endpoint secret.
 */
@IntegrationTest
@Import(BillingTestClock.class)
@TestPropertySource(properties = "modo.payments.default-gateway=stripe")
class PendingRenewalChargeIntegrationTests {

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

    final WireMockServer stripe = TestGateways.server();

    @Test
    void aSavedMethodChargeWithoutAnAnswerIsNotRepeatedAtTheRetryAndItsLateSuccessRenews() {
        BillingFixtures fixtures = new BillingFixtures(port, jdbc, context);
        Owner owner = fixtures.ownerWithOrganization("renew-pending");
        fixtures.trialUsed(owner);
        String customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        // A starter subscription paid by a saved Stripe card whose month just ended.
        Instant now = clock.instant();
        jdbc.sql("""
                update subscriptions set plan = 'starter', status = 'active', billing_cycle = 'monthly',
                  current_period_start = ?, current_period_end = ? where organization_id = cast(? as uuid) and status <> 'canceled'""")
                .params(Timestamp.from(now.minus(Duration.ofDays(31))), Timestamp.from(now.minusSeconds(60)), owner.org()).update();
        jdbc.sql("insert into payment_methods (organization_id, gateway, customer_reference, method_reference, label) values (cast(? as uuid), 'stripe', ?, 'pm_card_visa', 'Stripe card')")
                .params(owner.org(), customer).update();
        String processing = """
                {"id": "%s", "object": "payment_intent", "amount": 10989000, "amount_received": 0, "currency": "idr",
                 "customer": "%s", "payment_method": "pm_card_visa", "status": "processing", "livemode": false, "metadata": {}}"""
                .formatted(intent, customer);
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(customer))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_test")
                        .withBody(processing)));
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_test")
                        .withBody(processing)));

        renewals.renewDue();
        List<String> open = openRenewals(owner.org());
        assertThat(open).hasSize(1);
        assertThat(payments(open.getFirst())).hasSize(1);
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(customer)));

        // Past the first retry time (1 day) and the next ones: still no answer, so no second charge and not past due.
        for (int day = 0; day < 3; day++) {
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            renewals.renewDue();
        }
        assertThat(payments(open.getFirst())).hasSize(1);
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(customer)));
        assertThat(status(owner.org())).isEqualTo("active");
        assertThat(openRenewals(owner.org())).isEqualTo(open);

        // Stripe's late answer settles the one invoice.
        String payment = payments(open.getFirst()).getFirst();
        String succeeded = """
                {"id": "evt_%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d,
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": 10989000, "amount_received": 10989000,
                   "currency": "idr", "customer": "%s", "payment_method": "pm_card_visa", "status": "succeeded", "livemode": false,
                   "metadata": {"payment_id": "%s"}}},
                 "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "payment_intent.succeeded"}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), Instant.now().getEpochSecond(), intent, customer, payment);
        Http http = new Http(port);
        HttpResponse<String> delivered = http.send(http.request("/api/v1/payments/webhooks/stripe").header("Content-Type", "application/json")
                .header("Stripe-Signature", sign(succeeded)).POST(HttpRequest.BodyPublishers.ofString(succeeded)));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "paid".equals(fixtures.invoiceStatus(open.getFirst())));
        assertThat(status(owner.org())).isEqualTo("active");
        assertThat(fixtures.subscriptionCredits(owner.org())).isEqualTo(1000);
        assertThat(payments(open.getFirst())).hasSize(1);
    }

    List<String> openRenewals(String org) {
        return jdbc.sql("select id::text from invoices where organization_id = cast(? as uuid) and kind = 'renewal' and status = 'open'")
                .param(org).query(String.class).list();
    }

    List<String> payments(String invoice) {
        return jdbc.sql("select id::text from payments where reference = ?").param(invoice).query(String.class).list();
    }

    String status(String org) {
        return jdbc.sql("select status from subscriptions where organization_id = cast(? as uuid) and status <> 'canceled'").param(org)
                .query(String.class).single();
    }

    /** Stripe's scheme: HMAC-SHA256 of "timestamp.payload" with the endpoint's signing secret, at the real time (the SDK checks it). */
    static String sign(String payload) {
        long timestamp = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestGateways.STRIPE_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
