package id.modo.verse.invest.revenue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestGateways;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payouts through Xendit's Disbursements API, against a local server answering with the bodies Xendit documents
 * (create disbursement → PENDING, errors as {@code {error_code, message}}, the disbursement callback with
 * {@code x-callback-token}). Each test sends only its own payouts, through a sender built on the Xendit adapter.
 */
@IntegrationTest
class XenditPayoutsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RevenueRows rows;
    @Autowired
    RevenueProperties properties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @Autowired
    PayoutOutcomes outcomes;

    final WireMockServer xendit = TestGateways.server();
    PayoutJob.PayoutSender sender;
    PayoutStatusJob.PayoutStatusChecker checker;

    @BeforeEach
    void xenditSender() {
        RevenueProperties.Payouts payouts = properties.payouts();
        // Asked again at once when Xendit did not answer, so a test need not wait the retry delay; looked up after 30 min.
        RevenueProperties immediate = new RevenueProperties(properties.platformPercent(), properties.investorPercent(),
                new RevenueProperties.Payouts("xendit", payouts.interval(), Duration.ZERO, Duration.ofMinutes(30), Duration.ofSeconds(2),
                        payouts.xendit()));
        XenditPayouts adapter = new XenditPayouts(payouts.xendit(), Duration.ofSeconds(2));
        sender = new PayoutJob.PayoutSender(rows, adapter, outcomes, immediate, transactions, clock);
        checker = new PayoutStatusJob.PayoutStatusChecker(rows, adapter, outcomes, immediate, clock);
    }

    @Test
    void aDisbursementXenditNeverCalledBackAboutIsLookedUpAfterThirtyQuietMinutesAndRecordedAsItsCallbackWouldBe() {
        Accepted completed = accepted("xendit-look-paid");
        Accepted failed = accepted("xendit-look-failed");
        Accepted pending = accepted("xendit-look-pending");
        Accepted unknown = accepted("xendit-look-unknown");
        Accepted fresh = accepted("xendit-look-fresh");
        // Xendit's get-disbursement answers: the disbursement as it is now, or 404 for an id it does not know.
        stubStatus(completed, 200, disbursementBody(completed.disbursement, completed.s.payout.toString(), "COMPLETED", null));
        stubStatus(failed, 200, disbursementBody(failed.disbursement, failed.s.payout.toString(), "FAILED", "REJECTED_BY_BANK"));
        stubStatus(pending, 200, disbursementBody(pending.disbursement, pending.s.payout.toString(), "PENDING", null));
        stubStatus(unknown, 404, "{\"error_code\":\"DIRECT_DISBURSEMENT_NOT_FOUND_ERROR\",\"message\":\"Could not find direct disbursement\"}");
        stubStatus(fresh, 200, disbursementBody(fresh.disbursement, fresh.s.payout.toString(), "COMPLETED", null));
        List<Accepted> quiet = List.of(completed, failed, pending, unknown);
        quiet.forEach(a -> jdbc.sql("update investor_payouts set updated_at = now() - interval '31 minutes' where id = ?")
                .param(a.s.payout).update());

        checker.run();

        quiet.forEach(a -> xendit.verify(1, getRequestedFor(urlPathEqualTo("/disbursements/" + a.disbursement))
                .withHeader("Authorization", equalTo(basic(TestGateways.XENDIT_SECRET_KEY)))));
        xendit.verify(0, getRequestedFor(urlPathEqualTo("/disbursements/" + fresh.disbursement)));
        assertThat(status(completed.s.payout)).isEqualTo("completed");
        assertThat(jdbc.sql("select status from revenue_distributions where id = ?").param(completed.s.distribution).query(String.class)
                .single()).isEqualTo("completed");
        assertThat(status(failed.s.payout)).isEqualTo("failed");
        assertThat(payouts(failed.s).getFirst().get("failure_reason").asString()).isEqualTo("Xendit: REJECTED_BY_BANK");
        assertThat(status(pending.s.payout)).isEqualTo("processing");
        assertThat(status(unknown.s.payout)).as("an id Xendit does not know is not failed: a retry could pay twice").isEqualTo("processing");
        assertThat(status(fresh.s.payout)).isEqualTo("processing");

        // Still pending and unknown start a new quiet period: the next run does not ask again at once.
        checker.run();
        quiet.forEach(a -> xendit.verify(1, getRequestedFor(urlPathEqualTo("/disbursements/" + a.disbursement))));
        // The callback arriving after all changes nothing: the same conditional moves as the look-up's.
        callback(TestGateways.XENDIT_CALLBACK_TOKEN, callbackBody(failed.disbursement, failed.s.payout.toString(), "COMPLETED", null));
        assertThat(status(failed.s.payout)).isEqualTo("failed");
        String paidAt = jdbc.sql("select paid_at::text from investor_payouts where id = ?").param(completed.s.payout).query(String.class).single();
        callback(TestGateways.XENDIT_CALLBACK_TOKEN, callbackBody(completed.disbursement, completed.s.payout.toString(), "COMPLETED", null));
        assertThat(jdbc.sql("select paid_at::text from investor_payouts where id = ?").param(completed.s.payout).query(String.class).single())
                .isEqualTo(paidAt);
        // Once Xendit has an answer for the pending one, the next look-up after its quiet period records it.
        stubStatus(pending, 200, disbursementBody(pending.disbursement, pending.s.payout.toString(), "COMPLETED", null));
        jdbc.sql("update investor_payouts set updated_at = now() - interval '31 minutes' where id = ?").param(pending.s.payout).update();
        checker.run();
        assertThat(status(pending.s.payout)).isEqualTo("completed");
    }

    private record Accepted(Setup s, String disbursement) {
    }

    /** A payout Xendit took (PENDING) and has not called back about. */
    private Accepted accepted(String prefix) {
        Setup s = setup(prefix, true);
        String disbursement = "5f" + s.payout.toString().replace("-", "").substring(0, 22);
        xendit.stubFor(post(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(s.payout.toString()))
                .willReturn(answer(200, pendingBody(disbursement, s.payout.toString(), 300))));
        assertThat(sender.send(s.payout)).isTrue();
        assertThat(status(s.payout)).isEqualTo("processing");
        return new Accepted(s, disbursement);
    }

    private void stubStatus(Accepted a, int status, String body) {
        xendit.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/disbursements/" + a.disbursement))
                .willReturn(answer(status, body)));
    }

    private static String disbursementBody(String id, String externalId, String status, String failureCode) {
        return pendingBody(id, externalId, 300).replace("\"status\":\"PENDING\"", "\"status\":\"" + status + "\""
                + (failureCode == null ? "" : ",\"failure_code\":\"" + failureCode + "\""));
    }

    @Test
    void aDisbursementIsCreatedUnderThePayoutsIdAndTheCompletedCallbackPaysItOnce() {
        Setup s = setup("xendit-paid", true);
        String disbursement = "57f1ca56bb1a631a65e" + s.payout.toString().substring(0, 5);
        xendit.stubFor(post(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(s.payout.toString()))
                .willReturn(answer(200, pendingBody(disbursement, s.payout.toString(), 300))));

        assertThat(sender.send(s.payout)).isTrue();
        xendit.verify(postRequestedFor(urlPathEqualTo("/disbursements"))
                .withHeader("Authorization", equalTo(basic(TestGateways.XENDIT_SECRET_KEY)))
                .withHeader("X-IDEMPOTENCY-KEY", equalTo(s.payout.toString()))
                .withRequestBody(matchingJsonPath("$.external_id", equalTo(s.payout.toString())))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("300")))
                .withRequestBody(matchingJsonPath("$.bank_code", equalTo("BCA")))
                .withRequestBody(matchingJsonPath("$.account_number", equalTo("1231241231")))
                .withRequestBody(matchingJsonPath("$.account_holder_name", equalTo("Ani Lestari"))));
        assertThat(status(s.payout)).isEqualTo("processing");
        assertThat(sender.send(s.payout)).as("an accepted disbursement is not sent again").isFalse();

        assertThat(callback("wrong-token", callbackBody(disbursement, s.payout.toString(), "COMPLETED", null)).statusCode()).isEqualTo(401);
        assertThat(status(s.payout)).isEqualTo("processing");
        for (int i = 0; i < 2; i++) { // Xendit resends until it gets a 200; the second changes nothing
            HttpResponse<String> answer = callback(TestGateways.XENDIT_CALLBACK_TOKEN,
                    callbackBody(disbursement, s.payout.toString(), "COMPLETED", null));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(status(s.payout)).isEqualTo("completed");
        assertThat(jdbc.sql("select payment_reference from investor_payouts where id = ?").param(s.payout).query(String.class).single())
                .isEqualTo(disbursement);
        assertThat(jdbc.sql("select status from revenue_distributions where id = ?").param(s.distribution).query(String.class).single())
                .isEqualTo("completed");
        // A callback of a disbursement that is not ours is acknowledged and ignored.
        assertThat(callback(TestGateways.XENDIT_CALLBACK_TOKEN, callbackBody("other", "someone-elses-id", "COMPLETED", null))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aCallThatTimedOutIsRepeatedUnderTheSameKeyAndTheDuplicateIsReadBackNotPaidTwice() {
        Setup s = setup("xendit-retry", true);
        String key = s.payout.toString();
        String disbursement = "67f1ca56bb1a631a65e" + key.substring(0, 5);
        String scenario = "timeout-" + key;
        xendit.stubFor(post(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(key))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer(503, "{\"error_code\":\"SERVER_ERROR\",\"message\":\"Something unexpected happened\"}"))
                .willSetStateTo("taken"));
        xendit.stubFor(post(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(key))
                .inScenario(scenario).whenScenarioStateIs("taken")
                .willReturn(answer(400, "{\"error_code\":\"DUPLICATE_TRANSACTION_ERROR\",\"message\":\"Idempotency key has been used before. Use a unique idempotency key and try again\"}")));
        xendit.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/disbursements"))
                .withQueryParam("external_id", equalTo(key))
                .willReturn(answer(200, "[" + pendingBody(disbursement, key, 300).replace("\"PENDING\"", "\"COMPLETED\"") + "]")));

        assertThat(sender.send(s.payout)).isFalse();
        assertThat(status(s.payout)).isEqualTo("processing");
        assertThat(sender.send(s.payout)).isTrue();

        xendit.verify(2, postRequestedFor(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(key)));
        xendit.verify(1, getRequestedFor(urlPathEqualTo("/disbursements")).withQueryParam("external_id", equalTo(key)));
        assertThat(status(s.payout)).isEqualTo("completed");
        assertThat(jdbc.sql("select attempts from investor_payouts where id = ?").param(s.payout).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusalFailsThePayoutWithItsReasonAndARetryIsANewAttemptUnderANewKey() {
        Setup s = setup("xendit-refused", true);
        xendit.stubFor(post(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(s.payout.toString()))
                .willReturn(answer(400, "{\"error_code\":\"RECIPIENT_ACCOUNT_NUMBER_ERROR\",\"message\":\"Account number is invalid\"}")));
        assertThat(sender.send(s.payout)).isTrue();
        assertThat(status(s.payout)).isEqualTo("failed");
        JsonNode failed = payouts(s).getFirst();
        assertThat(failed.get("failure_reason").asString()).isEqualTo("Xendit: RECIPIENT_ACCOUNT_NUMBER_ERROR Account number is invalid");
        assertThat(json(s.investor.get("/api/v1/me/payouts", "application/json")).get("items").get(0).get("status").asString())
                .isEqualTo("failed");

        String second = s.payout + "-2";
        String disbursement = "77f1ca56bb1a631a65e" + second.substring(0, 5);
        xendit.stubFor(post(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(second))
                .willReturn(answer(200, pendingBody(disbursement, second, 300))));
        HttpResponse<String> retried = s.fixtures.owner.call("POST", s.fixtures.revenue() + "/" + s.distribution + "/payouts/" + s.payout
                + "/retry", null);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(sender.send(s.payout)).isTrue();
        xendit.verify(postRequestedFor(urlPathEqualTo("/disbursements")).withHeader("X-IDEMPOTENCY-KEY", equalTo(second))
                .withRequestBody(matchingJsonPath("$.external_id", equalTo(second))));
        // A late callback of the refused first attempt cannot touch the second.
        callback(TestGateways.XENDIT_CALLBACK_TOKEN, callbackBody("old", s.payout.toString(), "FAILED", "INVALID_DESTINATION"));
        assertThat(status(s.payout)).isEqualTo("processing");
        callback(TestGateways.XENDIT_CALLBACK_TOKEN, callbackBody(disbursement, second, "FAILED", "INSUFFICIENT_BALANCE"));
        assertThat(status(s.payout)).isEqualTo("failed");
        assertThat(payouts(s).getFirst().get("failure_reason").asString()).isEqualTo("Xendit: INSUFFICIENT_BALANCE");
    }

    @Test
    void withoutAPayoutAccountThePayoutFailsWithoutCallingXendit() {
        Setup s = setup("xendit-no-account", false);
        int before = xendit.findAll(postRequestedFor(urlPathEqualTo("/disbursements"))).size();
        assertThat(sender.send(s.payout)).isTrue();
        assertThat(xendit.findAll(postRequestedFor(urlPathEqualTo("/disbursements")))).hasSize(before);
        assertThat(payouts(s).getFirst().get("failure_reason").asString()).startsWith("No payout account");
        assertThat(s.investor.get("/api/v1/me/payout-account", "application/json").statusCode()).isEqualTo(404);
    }

    private record Setup(RevenueFixtures fixtures, Http investor, UUID distribution, UUID payout) {
    }

    /** A funded campaign, one investor (with a BCA account when {@code account}), and a recorded period whose pool is 300. */
    private Setup setup(String prefix, boolean account) {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "Xendit " + prefix);
        Users.Signed investor = f.investor(prefix);
        Http investorHttp = f.http.withBearer(investor.token());
        if (account) {
            HttpResponse<String> saved = investorHttp.call("PUT", "/api/v1/me/payout-account",
                    "{\"bank_code\":\"BCA\",\"account_number\":\"1231241231\",\"account_holder_name\":\"Ani Lestari\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json(saved).get("account_number_last_four").asString()).isEqualTo("1231");
            assertThat(saved.body()).doesNotContain("1231241231");
        }
        f.confirmed(investor, f.shareTier, "1000000.00");
        f.status("funded");
        HttpResponse<String> recorded = f.owner.postJson(f.revenue(),
                "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"1000\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        UUID distribution = UUID.fromString(json(recorded).get("id").asString());
        UUID payout = jdbc.sql("select id from investor_payouts where distribution_id = ?").param(distribution).query(UUID.class).single();
        return new Setup(f, investorHttp, distribution, payout);
    }

    private String status(UUID payout) {
        return jdbc.sql("select status from investor_payouts where id = ?").param(payout).query(String.class).single();
    }

    private List<JsonNode> payouts(Setup s) {
        List<JsonNode> list = new ArrayList<>();
        json(s.fixtures.owner.get(s.fixtures.revenue() + "/" + s.distribution + "/payouts", "application/json")).forEach(list::add);
        return list;
    }

    private HttpResponse<String> callback(String token, String body) {
        Http http = new Http(port).unchecked();
        return http.send(http.request(XenditPayoutCallbacks.PATH).header("Content-Type", "application/json")
                .header("x-callback-token", token).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String pendingBody(String id, String externalId, long amount) {
        return """
                {"id":"%s","updated":"2026-12-07T03:02:46.239Z","created":"2026-12-07T03:02:46.239Z","user_id":"57b4e5181473eeb61c11f9b9",
                 "external_id":"%s","amount":%d,"bank_code":"BCA","account_holder_name":"Ani Lestari",
                 "disbursement_description":"MODO revenue share","status":"PENDING"}""".formatted(id, externalId, amount);
    }

    private static String callbackBody(String id, String externalId, String status, String failureCode) {
        return """
                {"id":"%s","user_id":"57c5aa7a36e3b6a709b6e148","external_id":"%s","amount":300,"bank_code":"BCA",
                 "account_holder_name":"Ani Lestari","disbursement_description":"MODO revenue share",%s"is_instant":false,
                 "status":"%s","updated":"2026-12-07T08:15:03.404Z","created":"2026-12-07T08:15:03.404Z"}"""
                .formatted(id, externalId, failureCode == null ? "" : "\"failure_code\":\"" + failureCode + "\",", status);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
