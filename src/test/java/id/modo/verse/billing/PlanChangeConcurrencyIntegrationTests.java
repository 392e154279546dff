package id.modo.verse.billing;

import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.net.http.HttpResponse;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.billing.BillingFixtures.change;
import static id.modo.verse.billing.BillingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many plan changes for one organization at the same moment, over HTTP: they are applied one at a time (the others
 * answer 409 change-in-progress or are handed the checkout already open), none answers 5xx, and one change opens one
 * checkout (one open invoice, one payment) however often it is asked for.
 */
@IntegrationTest
class PlanChangeConcurrencyIntegrationTests {

    private static final int THREADS = 20;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc, context);
    }

    @Test
    void twentyRequestsForTheSameCheckoutOpenOneInvoiceAndOnePayment() throws Exception {
        Owner owner = fixtures.ownerWithOrganization("change-race");
        fixtures.trialUsed(owner);

        List<HttpResponse<String>> answers = changeAtOnce(owner, "pro", "monthly");

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409));
        List<JsonNode> changed = answers.stream().filter(answer -> answer.statusCode() == 200).map(Http::json).toList();
        assertThat(changed).isNotEmpty();
        // Everyone who got an answer got the same checkout: one invoice, one payment.
        assertThat(changed).allSatisfy(answer -> assertThat(answer.get("outcome").asString()).isEqualTo("checkout"));
        assertThat(changed.stream().map(answer -> answer.get("invoice_id").asString()).distinct()).hasSize(1);
        assertThat(changed.stream().map(answer -> answer.get("checkout_url").asString()).distinct()).hasSize(1);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer ->
                assertThat(Http.json(answer).get("type").asString()).endsWith("/change-in-progress"));

        assertThat(invoices(owner.org(), "open")).isEqualTo(1);
        assertThat(invoices(owner.org(), "void")).isZero();
        assertThat(jdbc.sql("select count(*) from payments where organization_id = cast(? as uuid)").param(owner.org())
                .query(Integer.class).single()).isEqualTo(1);
        JsonNode current = subscription(owner.http(), owner.org());
        assertThat(current.get("plan").asString()).isEqualTo("free");
        assertThat(current.get("status").asString()).isEqualTo("active");
        assertThat(jdbc.sql("select count(*) from subscriptions where organization_id = cast(? as uuid)").param(owner.org())
                .query(Integer.class).single()).isEqualTo(1);

        // Paying that one checkout applies the change once.
        fixtures.pay(changed.getFirst(), null);
        assertThat(subscription(owner.http(), owner.org()).get("plan").asString()).isEqualTo("pro");
        assertThat(fixtures.organizationPlan(owner.org())).isEqualTo("pro");
    }

    @Test
    void twentyRequestsWhileTheTrialIsAvailableStartItOnceAndOpenAtMostOneCheckout() throws Exception {
        Owner owner = fixtures.ownerWithOrganization("change-race-trial");
        subscription(owner.http(), owner.org());

        List<HttpResponse<String>> answers = changeAtOnce(owner, "starter", "yearly");

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409));
        List<JsonNode> changed = answers.stream().filter(answer -> answer.statusCode() == 200).map(Http::json).toList();
        assertThat(changed.stream().filter(answer -> answer.get("outcome").asString().equals("trial_started"))).hasSize(1);
        // The others ask to pay for the plan during the trial: at most one checkout for that.
        assertThat(changed.stream().filter(answer -> answer.get("outcome").asString().equals("checkout"))
                .map(answer -> answer.get("invoice_id").asString()).distinct().count()).isLessThanOrEqualTo(1);
        assertThat(invoices(owner.org(), "open")).isLessThanOrEqualTo(1);
        assertThat(invoices(owner.org(), "void")).isZero();
        assertThat(jdbc.sql("select count(*) from payments where organization_id = cast(? as uuid)").param(owner.org())
                .query(Integer.class).single()).isLessThanOrEqualTo(1);
        JsonNode current = subscription(owner.http(), owner.org());
        assertThat(current.get("status").asString()).isEqualTo("trialing");
        assertThat(current.get("plan").asString()).isEqualTo("starter");
        assertThat(jdbc.sql("select count(*) from subscriptions where organization_id = cast(? as uuid)").param(owner.org())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from credit_transactions where organization_id = cast(? as uuid) and reference_type = ?""")
                .params(owner.org(), Subscriptions.TRIAL_REFERENCE).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameChangeAskedAgainLaterGetsTheCheckoutAlreadyOpenAndAnotherChangeSupersedesIt() {
        Owner owner = fixtures.ownerWithOrganization("change-again");
        fixtures.trialUsed(owner);
        JsonNode first = change(owner.http(), owner.org(), "starter", "monthly");
        JsonNode again = change(owner.http(), owner.org(), "starter", "monthly");
        assertThat(again.get("outcome").asString()).isEqualTo("checkout");
        assertThat(again.get("invoice_id").asString()).isEqualTo(first.get("invoice_id").asString());
        assertThat(again.get("checkout_url").asString()).isEqualTo(first.get("checkout_url").asString());
        assertThat(again.get("amount_due").asString()).isEqualTo(first.get("amount_due").asString());
        assertThat(invoices(owner.org(), "open")).isEqualTo(1);
        assertThat(invoices(owner.org(), "void")).isZero();

        // Another plan is another change: its checkout replaces the first.
        JsonNode other = change(owner.http(), owner.org(), "pro", "monthly");
        assertThat(other.get("invoice_id").asString()).isNotEqualTo(first.get("invoice_id").asString());
        assertThat(fixtures.invoiceStatus(first.get("invoice_id").asString())).isEqualTo("void");
        assertThat(jdbc.sql("select count(*) from payments where organization_id = cast(? as uuid)").param(owner.org())
                .query(Integer.class).single()).isEqualTo(2);
    }

    private List<HttpResponse<String>> changeAtOnce(Owner owner, String plan, String cycle) throws Exception {
        String body = "{\"plan\":\"" + plan + "\",\"billing_cycle\":\"" + cycle + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> runs = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return owner.http().postJson("/api/v1/organizations/" + owner.org() + "/subscription", body);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> run : runs) {
                answers.add(run.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private int invoices(String org, String status) {
        return jdbc.sql("select count(*) from invoices where organization_id = cast(? as uuid) and status = ?")
                .params(org, status).query(Integer.class).single();
    }
}
