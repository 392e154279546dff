package id.modo.verse.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.modo.probe.PaymentProbes.DeliveredPaymentEvents;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentRefunded;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Midtrans adapter against a local server speaking Midtrans's Snap and Core APIs (JSON as the API reference
 * shows it: Snap's {token, redirect_url}, the Core API's status and refund answers with their in-body status_code),
 * and HTTP notifications signed with SHA-512(order_id + status_code + gross_amount + server key).
 */
@IntegrationTest
class MidtransGatewayIntegrationTests {

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

    final WireMockServer midtrans = TestGateways.server();

    @Test
    void aSnapTransactionIsOpenedAndTheSignedSettlementCompletesThePaymentOnce() {
        Http http = signedIn(port, "midtrans-pay");
        String reference = "pack-" + UUID.randomUUID();
        String token = UUID.randomUUID().toString();
        stubSnap(reference, token, 0);
        JsonNode started = start(http, reference, "200000", "midtrans");
        PaymentId id = PaymentId.of(UUID.fromString(started.get("payment_id").asString()));
        assertThat(started.get("redirect_url").asString()).isEqualTo("https://app.sandbox.midtrans.com/snap/v4/redirection/" + token);
        assertThat(started.get("test_mode").asBoolean()).isFalse();
        midtrans.verify(postRequestedFor(urlPathEqualTo("/snap/v1/transactions"))
                .withHeader("Authorization", equalTo(basic(TestGateways.MIDTRANS_SERVER_KEY)))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.transaction_details.order_id", equalTo(id.toString())))
                .withRequestBody(matchingJsonPath("$.transaction_details.gross_amount", equalTo("200000")))
                .withRequestBody(matchingJsonPath("$.item_details[0].price", equalTo("200000")))
                .withRequestBody(matchingJsonPath("$.item_details[0].quantity", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.customer_details.email", containing("midtrans-pay")))
                .withRequestBody(matchingJsonPath("$.custom_field1", equalTo("Test purchase " + reference)))
                .withRequestBody(matchingJsonPath("$.callbacks.finish", containing("/credits"))));

        String transaction = UUID.randomUUID().toString();
        String settlement = notification(id, transaction, "settlement", "200", "200000.00", null);
        // A forged notification (signed with another key) is refused before anything is read from it.
        HttpResponse<String> forged = notify(settlement.replace(signature(id.toString(), "200", "200000.00"),
                sha512(id + "200" + "200000.00" + "SB-Mid-server-guessed")));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json(forged).get("type").asString()).endsWith("/invalid-payment-notification");
        assertThat(notify(settlement.replace("\"200000.00\"", "\"1.00\"")).statusCode()).as("amount changed after signing").isEqualTo(400);
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

        HttpResponse<String> accepted = notify(settlement);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("applied").asInt()).isEqualTo(1);
        // Midtrans resends until it sees 200: the same notification again changes nothing.
        assertThat(json(notify(settlement)).get("applied").asInt()).isZero();
        // Out of order: the earlier "pending" arriving after the settlement leaves it completed.
        assertThat(notify(notification(id, transaction, "pending", "201", "200000.00", null)).statusCode()).isEqualTo(200);

        PaymentView view = payments.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
        assertThat(jdbc.sql("select count(*) from payment_events where gateway = 'midtrans' and payment_id = ?").param(id.value())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aVerifiedNotificationInAnotherCurrencyOrForAnotherAmountIsRecordedAndAcknowledgedButSettlesNothing() {
        Http http = signedIn(port, "midtrans-currency");
        String reference = "pack-" + UUID.randomUUID();
        stubSnap(reference, UUID.randomUUID().toString(), 0);
        PaymentId id = PaymentId.of(UUID.fromString(start(http, reference, "200000", "midtrans").get("payment_id").asString()));
        String transaction = UUID.randomUUID().toString();

        // The signature covers order_id, status_code and gross_amount: a currency other than the payment's still verifies.
        String dollars = notification(id, transaction, "settlement", "200", "200000.00", null)
                .replace("\"currency\": \"IDR\"", "\"currency\": \"USD\"");
        GatewayTestSupport.assertRefusedAndRecorded(notify(dollars), dollars, jdbc, "midtrans", id, "currency_mismatch");
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        // Less than the payment, correctly signed: not paid in full, refused the same way.
        String short_ = notification(id, UUID.randomUUID().toString(), "settlement", "200", "150000.00", null);
        GatewayTestSupport.assertRefusedAndRecorded(notify(short_), short_, jdbc, "midtrans", id, "amount_mismatch");
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

        // A settlement that matches (another transaction: the refused one took its event id) still completes it.
        String settled = notification(id, UUID.randomUUID().toString(), "settlement", "200", "200000.00", null);
        assertThat(json(notify(settled)).get("applied").asInt()).isEqualTo(1);
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
    }

    @Test
    void refundsGoToTheCoreApiAndRefundNotificationsSettleTheTotal() {
        Http http = signedIn(port, "midtrans-refund");
        String reference = "pack-" + UUID.randomUUID();
        stubSnap(reference, UUID.randomUUID().toString(), 0);
        PaymentId id = PaymentId.of(UUID.fromString(start(http, reference, "200000", "midtrans").get("payment_id").asString()));
        String transaction = UUID.randomUUID().toString();
        assertThat(notify(notification(id, transaction, "settlement", "200", "200000.00", null)).statusCode()).isEqualTo(200);

        midtrans.stubFor(post(urlPathEqualTo("/v2/" + id + "/refund")).willReturn(okJson("""
                {"status_code": "200", "status_message": "Success, refund request is approved", "transaction_id": "%s",
                 "order_id": "%s", "gross_amount": "200000.00", "currency": "IDR", "payment_type": "credit_card",
                 "transaction_time": "2026-01-05 10:00:00", "transaction_status": "partial_refund", "fraud_status": "accept",
                 "refund_chargeback_id": 1, "refund_amount": "50000.00", "refund_key": "%s"}
                """.formatted(transaction, id, "refund-from-midtrans"))));
        PaymentView partly = payments.refund(id, Money.idr(50000), "one episode missing");
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        midtrans.verify(postRequestedFor(urlPathEqualTo("/v2/" + id + "/refund"))
                .withHeader("Authorization", equalTo(basic(TestGateways.MIDTRANS_SERVER_KEY)))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("50000")))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("one episode missing")))
                .withRequestBody(matchingJsonPath("$.refund_key", containing("refund-"))));

        // Midtrans refusing a refund (status_code 412 inside a 200 answer) is a 503 from the facade and changes nothing.
        midtrans.stubFor(post(urlPathEqualTo("/v2/" + id + "/refund")).willReturn(okJson("""
                {"status_code": "412", "status_message": "Merchant cannot modify the status of the transaction"}""")));
        assertThatThrownBy(() -> payments.refund(id, Money.idr(10000), "again"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(PaymentProblems.GATEWAY_UNAVAILABLE));
        assertThat(payments.find(id).orElseThrow().refunded()).isEqualTo(Money.idr(50000));

        // The notification for the refund we already recorded changes nothing; the later full refund completes it.
        String first = notification(id, transaction, "partial_refund", "200", "200000.00", new String[] {"50000.00"});
        assertThat(json(notify(first)).get("applied").asInt()).isEqualTo(1);
        assertThat(payments.find(id).orElseThrow().refunded()).isEqualTo(Money.idr(50000));
        String full = notification(id, transaction, "refund", "200", "200000.00", new String[] {"50000.00", "150000.00"});
        assertThat(notify(full).statusCode()).isEqualTo(200);
        PaymentView view = payments.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(view.refunded()).isEqualTo(Money.idr(200000));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentRefunded.class, id).size() == 2);

    }

    @Test
    void aSnapTimeoutLeavesThePaymentPendingWithA503AndTheReconciliationJobSettlesItThroughTheStatusApi() {
        Http http = signedIn(port, "midtrans-slow");
        String reference = "pack-" + UUID.randomUUID();
        stubSnap(reference, UUID.randomUUID().toString(), 3000);
        HttpResponse<String> response = http.postJson("/api/v1/test-payments", startBody(reference, "99000", "midtrans"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(json(response).get("type").asString()).endsWith("/payment-gateway-unavailable");
        UUID slow = UUID.fromString(json(response).get("payment_id").asString());
        assertThat(jdbc.sql("select status from payments where id = ?").param(slow).query(String.class).single()).isEqualTo("pending");

        // Midtrans charges whole rupiah only: refused up front, nothing stored.
        HttpResponse<String> fraction = http.postJson("/api/v1/test-payments", startBody("pack-" + UUID.randomUUID(), "99000.50", "midtrans"));
        assertThat(fraction.statusCode()).as(fraction.body()).isEqualTo(400);

        // A payment whose notification never came: the job asks the status API, first while it is slow (skipped), then again.
        String stuckReference = "pack-" + UUID.randomUUID();
        stubSnap(stuckReference, UUID.randomUUID().toString(), 0);
        PaymentId stuck = PaymentId.of(UUID.fromString(start(http, stuckReference, "99000", "midtrans").get("payment_id").asString()));
        jdbc.sql("update payments set created_at = now() - interval '2 hours' where id = ?").param(stuck.value()).update();
        String status = statusJson(stuck, UUID.randomUUID().toString(), "settlement", "200", "99000.00");
        midtrans.stubFor(get(urlPathEqualTo("/v2/" + stuck + "/status")).willReturn(okJson(status).withFixedDelay(3000)));
        reconciler.run();
        assertThat(payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        midtrans.stubFor(get(urlPathEqualTo("/v2/" + stuck + "/status")).willReturn(okJson(status)));
        reconciler.run();
        assertThat(payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, stuck).size() == 1);
        // The settlement notification Midtrans sends afterwards is the same statement: nothing new.
        assertThat(json(notify(statusWithSignature(status, stuck, "200", "99000.00"))).get("applied").asInt()).isZero();
    }

    private void stubSnap(String reference, String token, int delayMillis) {
        midtrans.stubFor(post(urlPathEqualTo("/snap/v1/transactions")).withRequestBody(containing(reference))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"token": "%s", "redirect_url": "https://app.sandbox.midtrans.com/snap/v4/redirection/%s"}
                        """.formatted(token, token)).withFixedDelay(delayMillis)));
    }

    /** An HTTP notification as Midtrans posts it (a card payment; refunds carry the refunds list). */
    private static String notification(PaymentId id, String transaction, String status, String statusCode, String gross,
            String[] refunds) {
        StringBuilder refundList = new StringBuilder();
        if (refunds != null) {
            String total = new java.math.BigDecimal("0.00").add(java.util.Arrays.stream(refunds).map(java.math.BigDecimal::new)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).toPlainString();
            refundList.append(", \"refund_amount\": \"").append(total).append("\", \"refunds\": [");
            for (int i = 0; i < refunds.length; i++) {
                refundList.append(i == 0 ? "" : ", ").append("""
                        {"refund_chargeback_id": %d, "refund_amount": "%s", "created_at": "2026-01-05 11:0%d:00",
                         "reason": "one episode missing", "refund_key": "refund-%d", "refund_method": ""}""".formatted(i + 1, refunds[i], i, i));
            }
            refundList.append("]");
        }
        return """
                {"transaction_time": "2026-01-05 10:00:00", "transaction_status": "%s", "transaction_id": "%s",
                 "status_message": "midtrans payment notification", "status_code": "%s", "signature_key": "%s",
                 "settlement_time": "2026-01-05 10:00:10", "payment_type": "credit_card", "order_id": "%s",
                 "merchant_id": "G141532850", "masked_card": "48111111-1114", "gross_amount": "%s", "fraud_status": "accept",
                 "eci": "05", "currency": "IDR", "channel_response_message": "Approved", "channel_response_code": "00",
                 "card_type": "credit", "bank": "bni", "approval_code": "1704424810123"%s}"""
                .formatted(status, transaction, statusCode, signature(id.toString(), statusCode, gross), id, gross, refundList);
    }

    /** The Core API's GET /v2/{order_id}/status answer for a bank transfer. */
    private static String statusJson(PaymentId id, String transaction, String status, String statusCode, String gross) {
        return """
                {"status_code": "%s", "status_message": "Success, transaction is found", "transaction_id": "%s",
                 "order_id": "%s", "gross_amount": "%s", "currency": "IDR", "payment_type": "bank_transfer",
                 "transaction_time": "2026-01-05 10:00:00", "transaction_status": "%s", "fraud_status": "accept",
                 "va_numbers": [{"bank": "bca", "va_number": "12345678901"}], "merchant_id": "G141532850",
                 "settlement_time": "2026-01-05 10:05:00", "expiry_time": "2026-01-06 10:00:00"}"""
                .formatted(statusCode, transaction, id, gross, status);
    }

    private static String statusWithSignature(String status, PaymentId id, String statusCode, String gross) {
        return status.replace("\"status_message\": \"Success, transaction is found\"",
                "\"status_message\": \"midtrans payment notification\", \"signature_key\": \"" + signature(id.toString(), statusCode, gross) + "\"");
    }

    static String signature(String orderId, String statusCode, String gross) {
        return sha512(orderId + statusCode + gross + TestGateways.MIDTRANS_SERVER_KEY);
    }

    private static String sha512(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> notify(String body) {
        Http http = new Http(port);
        return http.send(http.request("/api/v1/payments/webhooks/midtrans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
