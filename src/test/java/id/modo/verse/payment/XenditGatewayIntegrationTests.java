package id.modo.verse.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.modo.probe.PaymentProbes.DeliveredPaymentEvents;
import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentRefunded;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
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
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static id.modo.verse.payment.GatewayTestSupport.basic;
import static id.modo.verse.payment.GatewayTestSupport.okJson;
import static id.modo.verse.payment.GatewayTestSupport.signedIn;
import static id.modo.verse.payment.GatewayTestSupport.start;
import static id.modo.verse.payment.GatewayTestSupport.startBody;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Xendit adapter against a local server speaking Xendit's Invoice and Refund APIs (JSON as the API reference
 * shows it) and invoice callbacks authenticated by the {@code x-callback-token} header.
 */
@IntegrationTest
class XenditGatewayIntegrationTests {

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

    final WireMockServer xendit = TestGateways.server();

    @Test
    void anInvoiceIsOpenedAndTheTokenAuthenticatedPaidCallbackCompletesThePaymentOnce() {
        Http http = signedIn(port, "xendit-pay");
        String reference = "pack-" + UUID.randomUUID();
        String invoice = invoiceId();
        stubInvoice(reference, invoice, 0);
        JsonNode started = start(http, reference, "200000", "xendit");
        PaymentId id = PaymentId.of(UUID.fromString(started.get("payment_id").asString()));
        assertThat(started.get("redirect_url").asString()).isEqualTo("https://checkout-staging.xendit.co/web/" + invoice);
        assertThat(started.get("test_mode").asBoolean()).isFalse();
        xendit.verify(postRequestedFor(urlPathEqualTo("/v2/invoices"))
                .withHeader("Authorization", equalTo(basic(TestGateways.XENDIT_SECRET_KEY)))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.external_id", equalTo(id.toString())))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("200000")))
                .withRequestBody(matchingJsonPath("$.currency", equalTo("IDR")))
                .withRequestBody(matchingJsonPath("$.description", equalTo("Test purchase " + reference)))
                .withRequestBody(matchingJsonPath("$.payer_email", containing("xendit-pay")))
                .withRequestBody(matchingJsonPath("$.success_redirect_url", containing("/credits")))
                .withRequestBody(matchingJsonPath("$.failure_redirect_url", containing("/credits"))));

        String paid = callback(invoice, id, "PAID", 200000);
        // A wrong or missing token is refused before the body is read; nothing changes.
        HttpResponse<String> forged = callback(paid, "not-the-token");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json(forged).get("type").asString()).endsWith("/invalid-payment-notification");
        assertThat(callback(paid, null).statusCode()).isEqualTo(400);
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

        HttpResponse<String> accepted = callback(paid, TestGateways.XENDIT_CALLBACK_TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("applied").asInt()).isEqualTo(1);
        // Xendit retries a callback until it sees 200: the same one again changes nothing.
        assertThat(json(callback(paid, TestGateways.XENDIT_CALLBACK_TOKEN)).get("applied").asInt()).isZero();
        // Later statuses about the same invoice: SETTLED is no second completion, a stale PENDING or EXPIRED moves nothing back.
        assertThat(callback(callback(invoice, id, "SETTLED", 200000), TestGateways.XENDIT_CALLBACK_TOKEN).statusCode()).isEqualTo(200);
        assertThat(callback(callback(invoice, id, "PENDING", 0), TestGateways.XENDIT_CALLBACK_TOKEN).statusCode()).isEqualTo(200);
        assertThat(callback(callback(invoice, id, "EXPIRED", 0), TestGateways.XENDIT_CALLBACK_TOKEN).statusCode()).isEqualTo(200);

        PaymentView view = payments.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(view.fee()).isEqualTo(Money.idr(5000));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
        assertThat(jdbc.sql("select count(*) from payment_events where gateway = 'xendit' and payment_id = ?").param(id.value())
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aVerifiedCallbackInAnotherCurrencyIsRecordedAndAcknowledgedButSettlesNothing() {
        Http http = signedIn(port, "xendit-currency");
        String reference = "pack-" + UUID.randomUUID();
        String invoice = invoiceId();
        stubInvoice(reference, invoice, 0);
        PaymentId id = PaymentId.of(UUID.fromString(start(http, reference, "200000", "xendit").get("payment_id").asString()));

        // Pesos instead of rupiah, with the right token: Xendit said it, but it is not what this payment asked for.
        String pesos = callback(invoice, id, "PAID", 200000).replace("\"currency\": \"IDR\"", "\"currency\": \"PHP\"");
        GatewayTestSupport.assertRefusedAndRecorded(callback(pesos, TestGateways.XENDIT_CALLBACK_TOKEN), pesos, jdbc, "xendit", id,
                "currency_mismatch");
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

        // The SETTLED callback in rupiah completes it (PAID in pesos already took the invoice's PAID event id).
        assertThat(json(callback(callback(invoice, id, "SETTLED", 200000), TestGateways.XENDIT_CALLBACK_TOKEN)).get("applied").asInt())
                .isEqualTo(1);
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
    }

    @Test
    void refundsGoToTheRefundsApiByInvoice() {
        Http http = signedIn(port, "xendit-refund");
        String reference = "pack-" + UUID.randomUUID();
        String invoice = invoiceId();
        stubInvoice(reference, invoice, 0);
        PaymentId id = PaymentId.of(UUID.fromString(start(http, reference, "200000", "xendit").get("payment_id").asString()));
        assertThat(callback(callback(invoice, id, "PAID", 200000), TestGateways.XENDIT_CALLBACK_TOKEN).statusCode()).isEqualTo(200);

        xendit.stubFor(post(urlPathEqualTo("/refunds")).withRequestBody(containing(invoice)).willReturn(okJson("""
                {"id": "rfd-%s", "payment_request_id": null, "invoice_id": "%s", "payment_id": "ddpy-%s",
                 "amount": 50000, "payment_method_type": "EWALLET", "channel_code": "OVO", "currency": "IDR",
                 "status": "PENDING", "reason": "REQUESTED_BY_CUSTOMER", "reference_id": "refund-1", "failure_code": null,
                 "refund_fee_amount": null, "created": "2026-01-05T10:00:00.000Z", "updated": "2026-01-05T10:00:00.000Z",
                 "metadata": {"payment_id": "%s"}}
                """.formatted(UUID.randomUUID(), invoice, UUID.randomUUID(), id))));
        PaymentView partly = payments.refund(id, Money.idr(50000), "one episode missing");
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        xendit.verify(postRequestedFor(urlPathEqualTo("/refunds"))
                .withHeader("Authorization", equalTo(basic(TestGateways.XENDIT_SECRET_KEY)))
                .withHeader("Idempotency-key", matching("refund-[0-9a-f-]{36}"))
                .withRequestBody(matchingJsonPath("$.invoice_id", equalTo(invoice)))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("50000")))
                .withRequestBody(matchingJsonPath("$.currency", equalTo("IDR")))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("REQUESTED_BY_CUSTOMER")))
                .withRequestBody(matchingJsonPath("$.metadata.note", equalTo("one episode missing"))));

        // Xendit's refund webhook for the refund we already recorded is acknowledged and changes nothing.
        String refundWebhook = """
                {"event": "refund.succeeded", "business_id": "5f27a14a9bf05c73dd040bc8", "created": "2026-01-05T10:01:00.000Z",
                 "data": {"id": "rfd-1", "invoice_id": "%s", "amount": 50000, "currency": "IDR", "status": "SUCCEEDED",
                 "reason": "REQUESTED_BY_CUSTOMER", "reference_id": "refund-1", "metadata": {"payment_id": "%s"}}}""".formatted(invoice, id);
        assertThat(json(callback(refundWebhook, TestGateways.XENDIT_CALLBACK_TOKEN)).get("applied").asInt()).isZero();
        PaymentView view = payments.find(id).orElseThrow();
        assertThat(view.refunded()).isEqualTo(Money.idr(50000));

        xendit.stubFor(post(urlPathEqualTo("/refunds")).withRequestBody(containing(invoice)).willReturn(okJson("""
                {"id": "rfd-%s", "invoice_id": "%s", "amount": 150000, "currency": "IDR", "status": "SUCCEEDED",
                 "reason": "REQUESTED_BY_CUSTOMER", "reference_id": "refund-2", "failure_code": null}
                """.formatted(UUID.randomUUID(), invoice))));
        PaymentView full = payments.refund(id, Money.idr(150000), "the rest");
        assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentRefunded.class, id).size() == 2);
    }

    @Test
    void anInvoiceTimeoutLeavesThePaymentPendingWithA503AndTheReconciliationJobSettlesItThroughTheInvoiceApi() {
        Http http = signedIn(port, "xendit-slow");
        String reference = "pack-" + UUID.randomUUID();
        stubInvoice(reference, invoiceId(), 3000);
        HttpResponse<String> response = http.postJson("/api/v1/test-payments", startBody(reference, "99000", "xendit"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(json(response).get("type").asString()).endsWith("/payment-gateway-unavailable");
        UUID slow = UUID.fromString(json(response).get("payment_id").asString());
        assertThat(jdbc.sql("select status from payments where id = ?").param(slow).query(String.class).single()).isEqualTo("pending");

        String stuckReference = "pack-" + UUID.randomUUID();
        String stuckInvoice = invoiceId();
        stubInvoice(stuckReference, stuckInvoice, 0);
        PaymentId stuck = PaymentId.of(UUID.fromString(start(http, stuckReference, "99000", "xendit").get("payment_id").asString()));
        jdbc.sql("update payments set created_at = now() - interval '2 hours' where id = ?").param(stuck.value()).update();
        // Still unpaid at Xendit: nothing to settle yet.
        xendit.stubFor(get(urlPathEqualTo("/v2/invoices/" + stuckInvoice)).willReturn(okJson(invoiceJson(stuckInvoice, stuck, "PENDING", 99000))));
        reconciler.run();
        assertThat(payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        // Paid, but Xendit is slow to say so: skipped, asked again on the next run.
        xendit.stubFor(get(urlPathEqualTo("/v2/invoices/" + stuckInvoice))
                .willReturn(okJson(invoiceJson(stuckInvoice, stuck, "PAID", 99000)).withFixedDelay(3000)));
        reconciler.run();
        assertThat(payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        xendit.stubFor(get(urlPathEqualTo("/v2/invoices/" + stuckInvoice)).willReturn(okJson(invoiceJson(stuckInvoice, stuck, "PAID", 99000))));
        reconciler.run();
        assertThat(payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, stuck).size() == 1);
        // The PAID callback arriving afterwards is the same statement: nothing new.
        assertThat(json(callback(callback(stuckInvoice, stuck, "PAID", 99000), TestGateways.XENDIT_CALLBACK_TOKEN))
                .get("applied").asInt()).isZero();
    }

    private void stubInvoice(String reference, String invoice, int delayMillis) {
        xendit.stubFor(post(urlPathEqualTo("/v2/invoices")).withRequestBody(containing(reference))
                .willReturn(okJson(invoiceJson(invoice, null, "PENDING", 0)).withFixedDelay(delayMillis)));
    }

    /** An invoice object as the Invoice API returns it (and GET /v2/invoices/{id} once paid). */
    private static String invoiceJson(String invoice, PaymentId id, String status, long paid) {
        String paidFields = "PAID".equals(status) || "SETTLED".equals(status) ? """
                , "paid_amount": %d, "paid_at": "2026-01-05T10:05:00.000Z", "payment_method": "EWALLET",
                 "payment_channel": "OVO", "adjusted_received_amount": %d""".formatted(paid, paid - paid / 40) : "";
        return """
                {"id": "%s", "external_id": "%s", "user_id": "5f27a14a9bf05c73dd040bc8", "status": "%s",
                 "merchant_name": "MODO Creator Verse", "merchant_profile_picture_url": "https://du8nwjtfkinx.cloudfront.net/xendit.png",
                 "amount": %s, "payer_email": "payer@example.id", "description": "Test purchase",
                 "expiry_date": "2026-01-06T10:00:00.000Z", "invoice_url": "https://checkout-staging.xendit.co/web/%s",
                 "available_banks": [], "available_retail_outlets": [], "available_ewallets": [], "available_qr_codes": [],
                 "available_direct_debits": [], "available_paylaters": [], "should_exclude_credit_card": false,
                 "should_send_email": false, "success_redirect_url": "http://localhost/credits",
                 "failure_redirect_url": "http://localhost/credits", "created": "2026-01-05T10:00:00.000Z",
                 "updated": "2026-01-05T10:00:00.000Z", "currency": "IDR"%s}"""
                .formatted(invoice, id, status, paid == 0 ? "200000" : String.valueOf(paid), invoice, paidFields);
    }

    /** An invoice callback as Xendit posts it. */
    private static String callback(String invoice, PaymentId id, String status, long paid) {
        String paidFields = paid > 0 ? """
                "paid_amount": %d, "paid_at": "2026-01-05T10:05:00.000Z", "bank_code": "BCA", "payment_method": "BANK_TRANSFER",
                 "payment_channel": "BCA", "payment_destination": "8808999912345678", "adjusted_received_amount": %d,
                 "fees_paid_amount": 0, """.formatted(paid, paid - paid / 40) : "";
        return """
                {"id": "%s", "external_id": "%s", "user_id": "5f27a14a9bf05c73dd040bc8", "is_high": false, "status": "%s",
                 "merchant_name": "MODO Creator Verse", "amount": %d, %s"payer_email": "payer@example.id",
                 "description": "Test purchase", "updated": "2026-01-05T10:05:01.000Z", "created": "2026-01-05T10:00:00.000Z",
                 "currency": "IDR"}""".formatted(invoice, id, status, paid > 0 ? paid : 200000, paidFields);
    }

    private static String invoiceId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private HttpResponse<String> callback(String body, String token) {
        Http http = new Http(port);
        HttpRequest.Builder request = http.request("/api/v1/payments/webhooks/xendit").header("Content-Type", "application/json");
        if (token != null) {
            request.header("x-callback-token", token);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
