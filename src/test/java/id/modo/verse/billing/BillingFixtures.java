package id.modo.verse.billing;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Set-up and checks shared by the billing tests: an owner with an organization, plan changes, sandbox payments. */
final class BillingFixtures {

    final int port;
    final JdbcClient jdbc;
    final SandboxPayer sandbox;

    BillingFixtures(int port, JdbcClient jdbc, ApplicationContext context) {
        this.port = port;
        this.jdbc = jdbc;
        this.sandbox = new SandboxPayer(context);
    }

    record Owner(Users.Signed user, Http http, String org) {
    }

    Owner ownerWithOrganization(String prefix) {
        Users.Signed user = new Users(new Http(port)).signUpAndIn(prefix);
        Http http = new Http(port).withBearer(user.token());
        var created = http.postJson("/api/v1/organizations", "{\"name\":\"Studio " + prefix + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Owner(user, http, Http.json(created).get("id").asString());
    }

    /** Marks the organization's one trial as used long ago, so a paid plan goes straight to a checkout. */
    void trialUsed(Owner owner) {
        subscription(owner.http(), owner.org()); // makes the free subscription if the OrganizationCreated listener has not yet
        int updated = jdbc.sql("""
                update subscriptions set trial_start = now() - interval '60 days', trial_end = now() - interval '46 days'
                where organization_id = cast(? as uuid) and status <> 'canceled'""").param(owner.org()).update();
        assertThat(updated).isEqualTo(1);
    }

    /** The same owner signed in again (a moved clock ends sessions). */
    Owner signInAgain(Owner owner) {
        String token = new Users(new Http(port)).login(owner.user().email(), Users.PASSWORD);
        return new Owner(owner.user(), new Http(port).withBearer(token), owner.org());
    }

    static JsonNode change(Http http, String org, String plan, String cycle) {
        HttpResponse<String> response = http.postJson("/api/v1/organizations/" + org + "/subscription",
                "{\"plan\":\"" + plan + "\",\"billing_cycle\":\"" + cycle + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    static JsonNode subscription(Http http, String org) {
        HttpResponse<String> response = http.get("/api/v1/organizations/" + org + "/subscription", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    static PaymentId paymentOf(JsonNode change) {
        String url = change.get("checkout_url").asString();
        return PaymentId.of(UUID.fromString(url.substring(url.lastIndexOf('/') + 1)));
    }

    /** Pays the change's checkout in the sandbox and waits until billing has settled it. */
    void pay(JsonNode change, String savedMethodToken) {
        sandbox.decide(paymentOf(change), Money.of(change.get("amount_due").asString(), "IDR"), true, savedMethodToken);
        String invoice = change.get("invoice_id").asString();
        await().atMost(Duration.ofSeconds(15)).until(() -> "paid".equals(invoiceStatus(invoice)));
    }

    String invoiceStatus(String invoiceId) {
        return jdbc.sql("select status from invoices where id = cast(? as uuid)").param(invoiceId).query(String.class).single();
    }

    String organizationPlan(String org) {
        return jdbc.sql("select plan from organizations where id = cast(? as uuid)").param(org).query(String.class).single();
    }

    int subscriptionCredits(String org) {
        return jdbc.sql("""
                select coalesce(sum(amount), 0) from credit_transactions
                where organization_id = cast(? as uuid) and type = 'subscription' and reference_type = 'invoice'""")
                .param(org).query(Integer.class).single();
    }
}
