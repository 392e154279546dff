package id.modo.verse.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.modo.probe.PaymentProbes.DeliveredPaymentEvents;
import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentRefunded;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Stripe adapter against a local server speaking Stripe's API (form-encoded requests, JSON objects as the API
 * reference shows them) and Stripe-signed webhook events.
 */
@IntegrationTest
class StripeGatewayIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Payments payments;
    @Autowired
    DeliveredPaymentEvents delivered;
    @Autowired
    PaymentReconciliation.Reconciler reconciler;
    @Autowired
    JdbcClient jdbc;

    final WireMockServer stripe = TestGateways.server();

    @Test
    void aCheckoutSessionIsOpenedAndTheSignedCompletionEventCompletesThePaymentOnce() {
        Http http = signedIn("stripe-pay");
        String reference = "pack-" + UUID.randomUUID();
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        stubSession(reference, session, 0);
        JsonNode started = start(http, reference, "200000");
        PaymentId id = PaymentId.of(UUID.fromString(started.get("payment_id").asString()));
        assertThat(started.get("redirect_url").asString()).isEqualTo("https://checkout.stripe.com/c/pay/" + session);
        assertThat(started.get("test_mode").asBoolean()).isFalse();
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + TestGateways.STRIPE_SECRET_KEY))
                .withRequestBody(containing("mode=payment"))
                .withRequestBody(containing("metadata[payment_id]=" + id).or(containing("metadata%5Bpayment_id%5D=" + id)))
                .withRequestBody(containing("unit_amount%5D=20000000").or(containing("unit_amount]=20000000")))
                .withRequestBody(containing(reference)));

        String completed = event("checkout.session.completed", sessionJson(session, id, "complete", "paid", null));
        assertThat(webhook(completed, sign(completed, now())).statusCode()).isEqualTo(200);
        // Replayed by Stripe: 200, nothing changes. A forged and a stale one: 400, nothing changes.
        HttpResponse<String> replay = webhook(completed, sign(completed, now()));
        assertThat(json(replay).get("applied").asInt()).isZero();
        String expired = event("checkout.session.expired", sessionJson(session, id, "expired", "unpaid", null));
        assertThat(webhook(expired, "t=" + now() + ",v1=" + "0".repeat(64)).statusCode()).isEqualTo(400);
        assertThat(webhook(expired, sign(expired, now() - 301)).statusCode()).isEqualTo(400);
        // Out of order: the session's expiry arriving after its completion changes nothing.
        assertThat(webhook(expired, sign(expired, now())).statusCode()).isEqualTo(200);

        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
    }

    @Test
    void aVerifiedEventInAnotherCurrencyIsRecordedAndAcknowledgedButSettlesNothing() {
        Http http = signedIn("stripe-currency");
        String reference = "pack-" + UUID.randomUUID();
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        stubSession(reference, session, 0);
        PaymentId id = PaymentId.of(UUID.fromString(start(http, reference, "200000").get("payment_id").asString()));

        // The same number of minor units, in dollars: signed by Stripe, but not what this payment asked for.
        String dollars = event("checkout.session.completed", sessionJson(session, id, "complete", "paid", null)
                .replace("\"currency\": \"idr\"", "\"currency\": \"usd\""));
        GatewayTestSupport.assertRefusedAndRecorded(webhook(dollars, sign(dollars, now())), dollars, jdbc, "stripe", id,
                "currency_mismatch");
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        // Resent by Stripe: recorded once, refused once.
        HttpResponse<String> resent = webhook(dollars, sign(dollars, now()));
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(json(resent).get("refused").asInt()).isZero();
        // A refund total in another currency is refused the same way.
        String completed = event("checkout.session.completed", sessionJson(session, id, "complete", "paid", null));
        assertThat(json(webhook(completed, sign(completed, now()))).get("applied").asInt()).isEqualTo(1);
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String refundedInDollars = event("charge.refunded", chargeJson(intent, id, 5000000).replace("\"currency\": \"idr\"",
                "\"currency\": \"usd\""));
        GatewayTestSupport.assertRefusedAndRecorded(webhook(refundedInDollars, sign(refundedInDollars, now())), refundedInDollars, jdbc,
                "stripe", id, "currency_mismatch");

        PaymentView view = payments.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(view.refunded()).isEqualTo(Money.idr(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
        assertThat(delivered.of(PaymentRefunded.class, id)).isEmpty();
    }

    @Test
    void refundsGoToStripeAndItsRefundEventsSettleTheTotal() {
        Http http = signedIn("stripe-refund");
        String reference = "pack-" + UUID.randomUUID();
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        stubSession(reference, session, 0);
        PaymentId id = PaymentId.of(UUID.fromString(start(http, reference, "200000").get("payment_id").asString()));
        String completed = event("checkout.session.completed", sessionJson(session, id, "complete", "paid", intent));
        assertThat(webhook(completed, sign(completed, now())).statusCode()).isEqualTo(200);

        stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session)).willReturn(okJson(sessionJson(session, id, "complete", "paid", intent))));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(intent)).willReturn(okJson("""
                {"id": "re_%s", "object": "refund", "amount": 5000000, "balance_transaction": "txn_1", "charge": "ch_1",
                 "created": %d, "currency": "idr", "metadata": {"payment_id": "%s"}, "payment_intent": "%s", "reason": null,
                 "receipt_number": null, "source_transfer_reversal": null, "status": "succeeded", "transfer_reversal": null}
                """.formatted(UUID.randomUUID().toString().replace("-", ""), now(), id, intent))));
        PaymentView partly = payments.refund(id, Money.idr(50000), "one episode missing");
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing("amount=5000000")));

        // Stripe's charge.refunded for the refund we already recorded changes nothing; a later full refund completes it.
        String first = event("charge.refunded", chargeJson(intent, id, 5000000));
        assertThat(webhook(first, sign(first, now())).statusCode()).isEqualTo(200);
        assertThat(payments.find(id).orElseThrow().refunded()).isEqualTo(Money.idr(50000));
        String full = event("charge.refunded", chargeJson(intent, id, 20000000));
        assertThat(webhook(full, sign(full, now())).statusCode()).isEqualTo(200);
        PaymentView view = payments.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(view.refunded()).isEqualTo(Money.idr(200000));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentRefunded.class, id).size() == 2);
    }

    @Test
    void aGatewayTimeoutLeavesThePaymentPendingWithA503AndTheReconciliationJobSettlesItLater() {
        Http http = signedIn("stripe-slow");
        String reference = "pack-" + UUID.randomUUID();
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        stubSession(reference, session, 3000);
        HttpResponse<String> response = http.postJson("/api/v1/test-payments", body(reference, "99000"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(json(response).get("type").asString()).endsWith("/payment-gateway-unavailable");
        UUID id = UUID.fromString(json(response).get("payment_id").asString());
        assertThat(jdbc.sql("select status from payments where id = ?").param(id).query(String.class).single()).isEqualTo("pending");

        // A payment whose webhook never came: the job asks Stripe, first while Stripe is slow (skipped), then again.
        String stuckReference = "pack-" + UUID.randomUUID();
        String stuckSession = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        stubSession(stuckReference, stuckSession, 0);
        PaymentId stuck = PaymentId.of(UUID.fromString(start(http, stuckReference, "99000").get("payment_id").asString()));
        jdbc.sql("update payments set created_at = now() - interval '2 hours' where id = ?").param(stuck.value()).update();
        stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + stuckSession))
                .willReturn(okJson(sessionJson(stuckSession, stuck, "complete", "paid", null).replace("20000000", "9900000")).withFixedDelay(3000)));
        reconciler.run();
        assertThat(payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + stuckSession))
                .willReturn(okJson(sessionJson(stuckSession, stuck, "complete", "paid", null).replace("20000000", "9900000"))));
        reconciler.run();
        assertThat(payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, stuck).size() == 1);
    }

    @Test
    void aSubscriptionCheckoutSavesTheCardAndRenewalsChargeItOffSession() {
        Users.Signed owner = new Users(new Http(port)).signUpAndIn("stripe-saved");
        Http http = new Http(port).withBearer(owner.token());
        String org = json(http.postJson("/api/v1/organizations", "{\"name\":\"Stripe Saved Studio\"}")).get("id").asString();
        String reference = "sub-" + UUID.randomUUID();
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        stubSession(reference, session, 0);
        HttpResponse<String> started = http.postJson("/api/v1/test-payments", "{\"purpose\":\"SUBSCRIPTION\",\"reference\":\"" + reference
                + "\",\"organization_id\":\"" + org + "\",\"amount\":\"299000\",\"currency\":\"IDR\",\"return_path\":\"/billing\","
                + "\"gateway\":\"stripe\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        PaymentId first = PaymentId.of(UUID.fromString(json(started).get("payment_id").asString()));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")).withRequestBody(containing(reference))
                .withRequestBody(containing("customer_creation=always"))
                .withRequestBody(containing("setup_future_usage%5D=off_session").or(containing("setup_future_usage]=off_session"))));

        // Stripe reports the payment with the customer and the card it saved for off-session use.
        String customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String card = "pm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String succeeded = event("payment_intent.succeeded", intentJson("pi_" + UUID.randomUUID().toString().replace("-", ""), first,
                29900000, customer, card, "off_session", "succeeded"));
        assertThat(webhook(succeeded, sign(succeeded, now())).statusCode()).isEqualTo(200);
        assertThat(payments.find(first).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);

        // The renewal: no payer present, the saved card is charged with a confirmed off-session PaymentIntent.
        String renewalIntent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing(card))
                .willReturn(okJson(intentJson(renewalIntent, null, 29900000, customer, card, null, "processing"))));
        PaymentId renewal = payments.chargeSaved(new PaymentRequest(UUID.fromString(org), UUID.fromString(owner.id()),
                PaymentPurpose.SUBSCRIPTION, "renewal-" + UUID.randomUUID(), Money.idr(299000), "Pro, next month",
                owner.email(), "Owner", "/billing")).orElseThrow();
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer " + TestGateways.STRIPE_SECRET_KEY))
                .withRequestBody(containing("customer=" + customer)).withRequestBody(containing("payment_method=" + card))
                .withRequestBody(containing("off_session=true")).withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("amount=29900000"))
                .withRequestBody(containing("metadata%5Bpayment_id%5D=" + renewal).or(containing("metadata[payment_id]=" + renewal))));
        assertThat(payments.find(renewal).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        String renewed = event("payment_intent.succeeded", intentJson(renewalIntent, renewal, 29900000, customer, card, null, "succeeded"));
        assertThat(webhook(renewed, sign(renewed, now())).statusCode()).isEqualTo(200);
        assertThat(payments.find(renewal).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, renewal).size() == 1);

        // A declined card: Stripe answers 402 with the failed PaymentIntent; its payment_failed event fails the payment.
        String declinedIntent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("declined-"))
                .willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card has insufficient funds.",
                         "type": "card_error", "payment_intent": %s}}""".formatted(intentJson(declinedIntent, null, 29900000, customer, card,
                        null, "requires_payment_method")))));
        PaymentId declined = payments.chargeSaved(new PaymentRequest(UUID.fromString(org), UUID.fromString(owner.id()),
                PaymentPurpose.SUBSCRIPTION, "declined-" + UUID.randomUUID(), Money.idr(299000), "Pro, declined-month",
                owner.email(), "Owner", "/billing")).orElseThrow();
        assertThat(payments.find(declined).orElseThrow().gatewayReference()).isEqualTo(declinedIntent);
        String failed = event("payment_intent.payment_failed", intentJson(declinedIntent, declined, 29900000, customer, card, null,
                "requires_payment_method").replace("\"last_payment_error\": null",
                "\"last_payment_error\": {\"code\": \"card_declined\", \"message\": \"Your card has insufficient funds.\"}"));
        assertThat(webhook(failed, sign(failed, now())).statusCode()).isEqualTo(200);
        assertThat(payments.find(declined).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
    }

    private static String intentJson(String intent, PaymentId id, long amount, String customer, String method, String futureUsage,
            String status) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "idr",
                 "customer": "%s", "payment_method": "%s", "setup_future_usage": %s, "status": "%s", "livemode": false,
                 "last_payment_error": null, "metadata": {%s}}""".formatted(intent, amount, "succeeded".equals(status) ? amount : 0,
                customer, method, futureUsage == null ? "null" : "\"" + futureUsage + "\"", status,
                id == null ? "" : "\"payment_id\": \"" + id + "\"");
    }

    private void stubSession(String reference, String session, int delayMillis) {
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).withRequestBody(containing(reference))
                .willReturn(okJson("""
                        {"id": "%s", "object": "checkout.session", "amount_subtotal": null, "amount_total": null,
                         "cancel_url": "http://localhost:8080/credits", "client_reference_id": null, "currency": "idr",
                         "customer": null, "customer_email": "payer@example.id", "expires_at": %d, "livemode": false,
                         "metadata": {}, "mode": "payment", "payment_intent": null, "payment_status": "unpaid",
                         "status": "open", "success_url": "http://localhost:8080/credits",
                         "url": "https://checkout.stripe.com/c/pay/%s"}
                        """.formatted(session, now() + 86400, session)).withFixedDelay(delayMillis)));
    }

    private static String sessionJson(String session, PaymentId id, String status, String paymentStatus, String intent) {
        return """
                {"id": "%s", "object": "checkout.session", "amount_subtotal": 20000000, "amount_total": 20000000,
                 "client_reference_id": "%s", "currency": "idr", "customer": null, "livemode": false,
                 "metadata": {"payment_id": "%s"}, "mode": "payment", "payment_intent": %s, "payment_status": "%s",
                 "status": "%s", "url": null}""".formatted(session, id, id, intent == null ? "null" : "\"" + intent + "\"",
                paymentStatus, status);
    }

    private static String chargeJson(String intent, PaymentId id, long refunded) {
        return """
                {"id": "ch_%s", "object": "charge", "amount": 20000000, "amount_captured": 20000000, "amount_refunded": %d,
                 "captured": true, "currency": "idr", "metadata": {"payment_id": "%s"}, "paid": true, "payment_intent": "%s",
                 "refunded": %s, "status": "succeeded"}""".formatted(intent.substring(3), refunded, id, intent, refunded == 20000000);
    }

    private static String event(String type, String object) {
        return """
                {"id": "evt_%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d,
                 "data": {"object": %s}, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s"}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), now(), object, type);
    }

    /** Stripe's scheme: HMAC-SHA256 of "timestamp.payload" with the endpoint's signing secret. */
    static String sign(String payload, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestGateways.STRIPE_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_test").withBody(body);
    }

    private Http signedIn(String prefix) {
        return new Http(port).withBearer(new Users(new Http(port)).signUpAndIn(prefix).token());
    }

    private static String body(String reference, String amount) {
        return "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"" + reference + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"IDR\",\"return_path\":\"/credits\",\"gateway\":\"stripe\"}";
    }

    private JsonNode start(Http http, String reference, String amount) {
        HttpResponse<String> response = http.postJson("/api/v1/test-payments", body(reference, amount));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private HttpResponse<String> webhook(String body, String signature) {
        Http http = new Http(port);
        return http.send(http.request("/api/v1/payments/webhooks/stripe").header("Content-Type", "application/json")
                .header("Stripe-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
