package id.modo.verse.payment;

import id.modo.probe.PaymentProbes.DeliveredPaymentEvents;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentEvents.PaymentRefunded;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The payment facade on the embedded default (the sandbox gateway): starting, notifications through the public
 * webhook (signed, forged, stale, repeated, out of order), refunds, saved methods and who may read a payment.
 */
@IntegrationTest
class SandboxPaymentsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Payments payments;
    @Autowired
    SandboxGateway sandbox;
    @Autowired
    DeliveredPaymentEvents delivered;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentReconciliation.Reconciler reconciler;

    @Test
    void aSignedPaymentNotificationCompletesThePaymentOnceAndItsEventIsDeliveredOnce() {
        Users.Signed payer = new Users(new Http(port)).signUpAndIn("pay-sandbox");
        Http http = new Http(port).withBearer(payer.token());
        JsonNode started = start(http, null, "150000.00");
        assertThat(started.get("gateway").asString()).isEqualTo("sandbox");
        assertThat(started.get("test_mode").asBoolean()).isTrue();
        PaymentId id = PaymentId.of(UUID.fromString(started.get("payment_id").asString()));
        assertThat(started.get("redirect_url").asString()).isEqualTo("/payments/sandbox/" + id);

        JsonNode pending = json(http.get("/api/v1/payments/" + id, "application/json"));
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("amount").asString()).isEqualTo("150000.00");
        assertThat(pending.get("currency").asString()).isEqualTo("IDR");

        String body = sandbox.notificationBody(id, true, Money.of("150000.00", "IDR"), null);
        HttpResponse<String> first = webhook(body, sandbox.sign(body, Instant.now().getEpochSecond()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("applied").asInt()).isEqualTo(1);
        // The same event again: accepted, and nothing changes.
        HttpResponse<String> repeated = webhook(body, sandbox.sign(body, Instant.now().getEpochSecond()));
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(json(repeated).get("applied").asInt()).isZero();
        // A late "failed" after the completion (another event id) changes nothing either.
        String late = sandbox.notificationBody(id, false, Money.of("150000.00", "IDR"), null);
        assertThat(webhook(late, sandbox.sign(late, Instant.now().getEpochSecond())).statusCode()).isEqualTo(200);

        JsonNode completed = json(http.get("/api/v1/payments/" + id, "application/json"));
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("completed_at").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, id).size() == 1);
        assertThat(delivered.of(PaymentFailed.class, id)).isEmpty();
        PaymentCompleted event = delivered.of(PaymentCompleted.class, id).getFirst();
        assertThat(event.amount()).isEqualTo(Money.of("150000", "IDR"));
        assertThat(event.payerId().toString()).isEqualTo(payer.id());
        assertThat(jdbc.sql("select count(*) from payment_events where payment_id = ?").param(id.value()).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_logs where entity_id = ? and action = 'payment_complete'")
                .param(id.value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSignedNotificationInAnotherCurrencyIsRecordedAndAcknowledgedButSettlesNothing() {
        Http http = new Http(port).withBearer(new Users(new Http(port)).signUpAndIn("pay-currency").token());
        PaymentId id = PaymentId.of(UUID.fromString(start(http, null, "150000.00").get("payment_id").asString()));

        String dollars = sandbox.notificationBody(id, true, Money.of("150000.00", "USD"), null);
        GatewayTestSupport.assertRefusedAndRecorded(webhook(dollars, sandbox.sign(dollars, Instant.now().getEpochSecond())), dollars,
                jdbc, "sandbox", id, "currency_mismatch");
        // A failure in another currency is not about this payment either: it stays open.
        String failed = sandbox.notificationBody(id, false, Money.of("150000.00", "USD"), null);
        GatewayTestSupport.assertRefusedAndRecorded(webhook(failed, sandbox.sign(failed, Instant.now().getEpochSecond())), failed,
                jdbc, "sandbox", id, "currency_mismatch");
        assertThat(json(http.get("/api/v1/payments/" + id, "application/json")).get("status").asString()).isEqualTo("pending");
        assertThat(delivered.of(PaymentCompleted.class, id)).isEmpty();
        // Platform admins find both in the audit log, with what was expected and what the gateway reported.
        Users.Signed admin = new Users(new Http(port)).signUpAndIn("pay-currency-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        HttpResponse<String> log = new Http(port).withBearer(admin.token())
                .get("/api/v1/admin/audit-logs?action=payment_notification_refuse&entity_type=payment&limit=100", "application/json");
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        List<JsonNode> alerts = json(log).get("items").valueStream()
                .filter(item -> item.get("entity_id").asString().equals(id.toString())).toList();
        assertThat(alerts).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.get("new_values").get("expected_currency").asString()).isEqualTo("IDR");
            assertThat(alert.get("new_values").get("reported_currency").asString()).isEqualTo("USD");
            assertThat(alert.get("new_values").get("gateway").asString()).isEqualTo("sandbox");
        });

        String rupiah = sandbox.notificationBody(id, true, Money.of("150000.00", "IDR"), null);
        assertThat(json(webhook(rupiah, sandbox.sign(rupiah, Instant.now().getEpochSecond()))).get("applied").asInt()).isEqualTo(1);
        assertThat(json(http.get("/api/v1/payments/" + id, "application/json")).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void forgedStaleOrUnsignedNotificationsAre400AndChangeNothing() {
        Users.Signed payer = new Users(new Http(port)).signUpAndIn("pay-forged");
        Http http = new Http(port).withBearer(payer.token());
        PaymentId id = PaymentId.of(UUID.fromString(start(http, null, "50000").get("payment_id").asString()));
        String body = sandbox.notificationBody(id, true, Money.of("50000", "IDR"), null);
        long now = Instant.now().getEpochSecond();

        String forged = "t=" + now + ",v1=" + "ab".repeat(32);
        String stale = sandbox.sign(body, now - 301);
        String tampered = sandbox.sign(body, now);
        for (var attempt : new String[][] {{body, forged}, {body, stale}, {body.replace("50000.00", "5.00"), tampered}, {body, null},
                {"not json", sandbox.sign("not json", now)}}) {
            HttpResponse<String> response = webhook(attempt[0], attempt[1]);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        assertThat(json(http.get("/api/v1/payments/" + id, "application/json")).get("status").asString()).isEqualTo("pending");
        assertThat(jdbc.sql("select count(*) from payment_events where payment_id = ?").param(id.value()).query(Integer.class).single()).isZero();
        assertThat(new Http(port).postJson("/api/v1/payments/webhooks/paypal", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void startRefusesBadRequestsWith400AndAGatewayThatIsNotConfigured() {
        Users.Signed payer = new Users(new Http(port)).signUpAndIn("pay-bad");
        Http http = new Http(port).withBearer(payer.token());
        for (String body : new String[] {
                "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"r\",\"amount\":\"0\",\"currency\":\"IDR\",\"return_path\":\"/x\"}",
                "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"r\",\"amount\":\"-5\",\"currency\":\"IDR\",\"return_path\":\"/x\"}",
                "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"r\",\"amount\":\"10\",\"currency\":\"IDR\",\"return_path\":\"https://evil.example/\"}",
                "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"r\",\"amount\":\"10\",\"currency\":\"IDR\",\"return_path\":\"//evil.example/\"}",
                "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"r\",\"amount\":\"10\",\"currency\":\"IDR\",\"return_path\":\"/x\",\"gateway\":\"paypal\"}"}) {
            HttpResponse<String> response = http.postJson("/api/v1/test-payments", body);
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
        }
    }

    @Test
    void refundsArePartialOrFullAndNeverMoreThanWasPaid() {
        Users.Signed payer = new Users(new Http(port)).signUpAndIn("pay-refund");
        Http http = new Http(port).withBearer(payer.token());
        PaymentId id = PaymentId.of(UUID.fromString(start(http, null, "100000").get("payment_id").asString()));
        assertThatThrownBy(() -> payments.refund(id, Money.idr(10), "too early"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().status().value()).isEqualTo(409));
        pay(id, "100000");

        PaymentView partly = payments.refund(UUID.fromString(payer.id()), id, Money.idr(30000), "one episode missing");
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refunded()).isEqualTo(Money.idr(30000));
        assertThatThrownBy(() -> payments.refund(id, Money.idr(70001), "too much"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().slug()).isEqualTo("refund-exceeds-payment"));
        assertThatThrownBy(() -> payments.refund(id, Money.idr(0), "nothing"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().status().value()).isEqualTo(400));
        PaymentView full = payments.refund(id, Money.idr(70000), "cancelled");
        assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(full.refunded()).isEqualTo(Money.idr(100000));

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentRefunded.class, id).size() == 2);
        assertThat(delivered.of(PaymentRefunded.class, id)).extracting(PaymentRefunded::full).containsExactlyInAnyOrder(false, true); // listeners run asynchronously, in no set order
        assertThat(jdbc.sql("select count(*) from audit_logs where entity_id = ? and action = 'payment_refund_request'")
                .param(id.value()).query(Integer.class).single()).isEqualTo(2);
        JsonNode view = json(http.get("/api/v1/payments/" + id, "application/json"));
        assertThat(view.get("status").asString()).isEqualTo("refunded");
        assertThat(view.get("refunded_amount").asString()).isEqualTo("100000.00");
    }

    @Test
    void theOrganizationsMembersSeeItsPaymentAndNobodyElseDoes() {
        Http anonymous = new Http(port);
        Users users = new Users(anonymous);
        Users.Signed owner = users.signUpAndIn("pay-owner");
        Users.Signed viewer = users.signUpAndIn("pay-viewer");
        Users.Signed outsider = users.signUpAndIn("pay-outsider");
        String org = organization(anonymous.withBearer(owner.token()), "Studio Bayar");
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), 'viewer')")
                .params(org, viewer.id()).update();
        PaymentId id = PaymentId.of(UUID.fromString(start(anonymous.withBearer(owner.token()), org, "25000").get("payment_id").asString()));

        assertThat(anonymous.withBearer(viewer.token()).get("/api/v1/payments/" + id, "application/json").statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = anonymous.withBearer(outsider.token()).get("/api/v1/payments/" + id, "application/json");
        HttpResponse<String> missing = anonymous.withBearer(outsider.token()).get("/api/v1/payments/" + UUID.randomUUID(), "application/json");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(missing.body().replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(anonymous.get("/api/v1/payments/" + id, "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void aMethodRememberedAtCheckoutIsChargedWithoutThePayer() {
        Http anonymous = new Http(port);
        Users.Signed owner = new Users(anonymous).signUpAndIn("pay-saved");
        String org = organization(anonymous.withBearer(owner.token()), "Studio Langganan");
        PaymentRequest renewal = new PaymentRequest(UUID.fromString(org), UUID.fromString(owner.id()), PaymentPurpose.SUBSCRIPTION,
                "renewal-1", Money.idr(99000), "Pro plan, next month", owner.email(), "Owner", "/billing");
        assertThat(payments.chargeSaved(renewal)).isEmpty();

        PaymentId first = PaymentId.of(UUID.fromString(start(anonymous.withBearer(owner.token()), org, "99000").get("payment_id").asString()));
        String body = sandbox.notificationBody(first, true, Money.idr(99000), "sbx_pm_" + UUID.randomUUID());
        assertThat(webhook(body, sandbox.sign(body, Instant.now().getEpochSecond())).statusCode()).isEqualTo(200);

        Optional<PaymentId> charged = payments.chargeSaved(renewal);
        assertThat(charged).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentCompleted.class, charged.get()).size() == 1);
        assertThat(payments.find(charged.get()).orElseThrow().status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    static String organization(Http owner, String name) {
        HttpResponse<String> created = owner.postJson("/api/v1/organizations", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private void pay(PaymentId id, String amount) {
        String body = sandbox.notificationBody(id, true, Money.of(amount, "IDR"), null);
        assertThat(webhook(body, sandbox.sign(body, Instant.now().getEpochSecond())).statusCode()).isEqualTo(200);
    }

    @Test
    void aSandboxCheckoutNobodyAnswersExpiresThroughTheReconciliationJobOnce() {
        Users.Signed payer = new Users(new Http(port)).signUpAndIn("pay-expire");
        Http http = new Http(port).withBearer(payer.token());
        PaymentId fresh = PaymentId.of(UUID.fromString(start(http, null, "20000").get("payment_id").asString()));
        PaymentId old = PaymentId.of(UUID.fromString(start(http, null, "20000").get("payment_id").asString()));
        jdbc.sql("update payments set created_at = now() - interval '25 hours' where id = ?").param(old.value()).update();
        jdbc.sql("update payments set created_at = now() - interval '1 hour' where id = ?").param(fresh.value()).update();

        reconciler.run();
        reconciler.run();

        assertThat(payments.find(old).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payments.find(fresh).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.of(PaymentFailed.class, old).size() == 1);
        assertThat(jdbc.sql("select count(*) from payment_events where payment_id = ?").param(old.value()).query(Integer.class).single())
                .isEqualTo(1);
        // The payer's late click on the expired checkout changes nothing.
        String late = sandbox.notificationBody(old, true, Money.of("20000", "IDR"), null);
        webhook(late, sandbox.sign(late, Instant.now().getEpochSecond()));
        assertThat(payments.find(old).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
    }

    static JsonNode start(Http http, String org, String amount) {
        HttpResponse<String> response = http.postJson("/api/v1/test-payments", "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"pack-"
                + UUID.randomUUID() + "\",\"amount\":\"" + amount + "\",\"currency\":\"IDR\",\"return_path\":\"/dashboard?paid\""
                + (org == null ? "" : ",\"organization_id\":\"" + org + "\"") + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private HttpResponse<String> webhook(String body, String signature) {
        Http http = new Http(port);
        HttpRequest.Builder request = http.request("/api/v1/payments/webhooks/sandbox").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Sandbox-Signature", signature);
        }
        return http.send(request);
    }
}
