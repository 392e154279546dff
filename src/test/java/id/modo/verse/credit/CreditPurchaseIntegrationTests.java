package id.modo.verse.credit;

import id.modo.verse.common.Money;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Buying a credit pack: a payment first, the credits only when the verified notification completes it, once. */
@IntegrationTest
class CreditPurchaseIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;
    @Autowired
    ApplicationContext context;

    Http owner;
    String orgId;
    OrganizationId organization;

    @BeforeEach
    void organization() {
        Http http = new Http(port);
        owner = http.withBearer(new Users(http).signUpAndIn("pack-owner").token());
        HttpResponse<String> created = owner.postJson("/api/v1/organizations", "{\"name\":\"Pack Studio\"}");
        orgId = json(created).get("id").asString();
        organization = OrganizationId.of(UUID.fromString(orgId));
    }

    @Test
    void aPackIsGrantedOnceWhenItsPaymentCompletesAndNotBefore() {
        HttpResponse<String> bought = purchase(owner, "{\"pack\":\"medium\"}", null);
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
        JsonNode body = json(bought);
        PaymentId payment = PaymentId.of(UUID.fromString(body.get("payment_id").asString()));
        assertThat(body.get("checkout_url").asString()).isEqualTo("/payments/sandbox/" + payment);
        assertThat(body.get("test_mode").asBoolean()).isTrue();
        JsonNode pending = json(owner.get("/api/v1/payments/" + payment, "application/json"));
        assertThat(pending.get("amount").asString()).isEqualTo("250000.00");
        assertThat(pending.get("purpose").asString()).isEqualToIgnoringCase("credit_pack");
        assertThat(ledger.balances(organization).bonus()).isZero();

        SandboxPayer payer = new SandboxPayer(context);
        payer.decide(payment, Money.idr(250000), true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.balances(organization).bonus() == 2000);
        // A second verified notification (another event id) for the completed payment grants nothing more.
        payer.decide(payment, Money.idr(250000), true, null);
        ledger.grantPurchase(organization, payment, 2000); // a redelivered event, as the registry would retry it
        assertThat(ledger.balances(organization).bonus()).isEqualTo(2000);
        assertThat(jdbc.sql("select count(*) from credit_transactions where organization_id = ? and type = 'purchase'")
                .param(organization.value()).query(Integer.class).single()).isEqualTo(1);
        new CreditFixtures(jdbc).assertLedgerMatches(organization);
    }

    /** A pack is bought once: its checkout does not offer to keep the card for renewals, which only subscriptions have. */
    @Test
    void aPacksCheckoutDoesNotTalkOfRenewals() {
        Http http = new Http(port);
        Users.Signed buyer = new Users(http).signUpAndIn("pack-page");
        Http asBuyer = http.withBearer(buyer.token());
        orgId = json(asBuyer.postJson("/api/v1/organizations", "{\"name\":\"Pack Page Studio\"}")).get("id").asString();
        String checkout = json(purchase(asBuyer, "{\"pack\":\"small\"}", null)).get("checkout_url").asString();
        String page = id.modo.verse.support.PageSession.signIn(http, buyer).get(checkout + "?lang=en").body();
        assertThat(page).contains("Pay").doesNotContain("name=\"remember\"").doesNotContainIgnoringCase("renewal");
    }

    @Test
    void aPackThatWouldTakeTheBonusCreditsOverTheLimitIsRefusedBeforeAnyPayment() {
        fillBonus(CreditLedger.MAX_BUCKET_BALANCE - 1000);

        HttpResponse<String> refused = purchase(owner, "{\"pack\":\"medium\"}", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("type").asString()).endsWith("/credit-limit-exceeded");
        assertThat(json(refused).get("limit").asInt()).isEqualTo(CreditLedger.MAX_BUCKET_BALANCE);
        assertThat(json(refused).get("balance").asInt()).isEqualTo(CreditLedger.MAX_BUCKET_BALANCE - 1000);
        assertThat(jdbc.sql("select count(*) from payments where organization_id = ?").param(organization.value())
                .query(Integer.class).single()).isZero();
        // A pack that fits is sold.
        assertThat(purchase(owner, "{\"pack\":\"small\"}", null).statusCode()).isEqualTo(201);
    }

    @Test
    void aPackWhoseCreditsNoLongerFitWhenItsPaymentCompletesIsRefundedNotGranted() {
        fillBonus(CreditLedger.MAX_BUCKET_BALANCE - 3000);
        // Two packs bought side by side: each fits on its own, both together do not.
        PaymentId first = PaymentId.of(UUID.fromString(json(purchase(owner, "{\"pack\":\"medium\"}", null)).get("payment_id").asString()));
        PaymentId second = PaymentId.of(UUID.fromString(json(purchase(owner, "{\"pack\":\"medium\"}", null)).get("payment_id").asString()));

        SandboxPayer payer = new SandboxPayer(context);
        payer.decide(first, Money.idr(250000), true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.balances(organization).bonus() == CreditLedger.MAX_BUCKET_BALANCE - 1000);
        payer.decide(second, Money.idr(250000), true, null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "refunded".equals(json(owner.get("/api/v1/payments/" + second, "application/json")).get("status").asString()));

        assertThat(ledger.balances(organization).bonus()).isEqualTo(CreditLedger.MAX_BUCKET_BALANCE - 1000);
        assertThat(jdbc.sql("select reference_id from credit_transactions where organization_id = ? and type = 'purchase'")
                .param(organization.value()).query(String.class).list()).containsExactly(first.value().toString());
        assertThat(json(owner.get("/api/v1/payments/" + first, "application/json")).get("status").asString()).isEqualTo("completed");
        new CreditFixtures(jdbc).assertLedgerMatches(organization);
    }

    /** The bonus bucket at {@code credits}, through admin adjustments as an operator would get there. */
    private void fillBonus(int credits) {
        UserId admin = UserId.of(UUID.fromString(new CreditFixtures(jdbc).user()));
        for (int left = credits; left > 0; left -= CreditLedger.MAX_AMOUNT) {
            ledger.adjust(organization, admin, CreditBucket.BONUS, Math.min(left, CreditLedger.MAX_AMOUNT), "Festival prize");
        }
        assertThat(ledger.balances(organization).bonus()).isEqualTo(credits);
    }

    @Test
    void aFailedPaymentGrantsNothing() {
        JsonNode body = json(purchase(owner, "{\"pack\":\"small\"}", null));
        PaymentId payment = PaymentId.of(UUID.fromString(body.get("payment_id").asString()));
        new SandboxPayer(context).decide(payment, Money.idr(75000), false, null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "failed".equals(json(owner.get("/api/v1/payments/" + payment, "application/json")).get("status").asString()));
        assertThat(ledger.balances(organization).bonus()).isZero();
    }

    @Test
    void anIdempotencyKeyReplaysThePurchaseInsteadOfStartingASecondPayment() {
        String key = "pack-" + UUID.randomUUID();
        HttpResponse<String> first = purchase(owner, "{\"pack\":\"small\"}", key);
        HttpResponse<String> again = purchase(owner, "{\"pack\":\"small\"}", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(again).get("payment_id").asString()).isEqualTo(json(first).get("payment_id").asString());
        assertThat(purchase(owner, "{\"pack\":\"large\"}", key).statusCode()).isEqualTo(422);
    }

    @Test
    void unknownPacksAndLowerRolesAreRefused() {
        HttpResponse<String> unknown = purchase(owner, "{\"pack\":\"giant\"}", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("pack");
        assertThat(purchase(owner, "{}", null).statusCode()).isEqualTo(400);

        Http http = new Http(port);
        Users.Signed editor = new Users(http).signUpAndIn("pack-editor");
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?, ?, 'editor')")
                .params(organization.value(), UUID.fromString(editor.id())).update();
        assertThat(purchase(http.withBearer(editor.token()), "{\"pack\":\"small\"}", null).statusCode()).isEqualTo(403);
        Http outsider = http.withBearer(new Users(http).signUpAndIn("pack-outsider").token());
        assertThat(purchase(outsider, "{\"pack\":\"small\"}", null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from payments where organization_id = ?").param(organization.value())
                .query(Integer.class).single()).isZero();
    }

    private HttpResponse<String> purchase(Http as, String body, String idempotencyKey) {
        HttpRequest.Builder request = as.request("/api/v1/organizations/" + orgId + "/credits/purchases")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return as.send(request);
    }
}
