package id.modo.verse.invest.revenue;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Recording revenue for a funded campaign: who may, which periods, the exact split, and the payouts the job sends. */
@IntegrationTest
class RevenueIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PayoutJob.PayoutSender sender;

    @Test
    void aRecordedRevenueIsSplitByThePercentagesAndThePoolByRevenueShareExactly() {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "Split exactly");
        Users.Signed ani = f.investor("revenue-ani");
        Users.Signed joko = f.investor("revenue-joko");
        Users.Signed sari = f.investor("revenue-sari");
        UUID aniShare = f.confirmed(ani, f.shareTier, "1000000.00");
        UUID aniMore = f.confirmed(ani, f.shareTier, "2000000.00");
        UUID joko1 = f.confirmed(joko, f.shareTier, "3333333.00");
        f.confirmed(sari, f.plainTier, "500000.00"); // no revenue share: no payout
        f.status("funded");

        HttpResponse<String> recorded = f.owner.postJson(f.revenue(), """
                {"period_start":"2026-01-01","period_end":"2026-03-31","total_revenue":"10000001"}""");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode d = json(recorded);
        // 5% and 30% of 10,000,001 rupiah, floored; the creator keeps the rest.
        assertThat(d.get("total_revenue").asString()).isEqualTo("10000001.00");
        assertThat(d.get("platform_share").asString()).isEqualTo("500000.00");
        assertThat(d.get("investor_pool").asString()).isEqualTo("3000000.00");
        assertThat(d.get("creator_share").asString()).isEqualTo("6500001.00");
        assertThat(d.get("platform_percent").decimalValue()).isEqualByComparingTo("5");
        assertThat(d.get("investor_percent").decimalValue()).isEqualByComparingTo("30");
        assertThat(d.get("creator_percent").decimalValue()).isEqualByComparingTo("65");
        assertThat(d.get("status").asString()).isEqualTo("pending");
        assertThat(d.get("payout_count").asInt()).isEqualTo(3);

        List<JsonNode> payouts = payouts(f, d.get("id").asString());
        assertThat(payouts).extracting(p -> p.get("investment_id").asString())
                .containsExactlyInAnyOrder(aniShare.toString(), aniMore.toString(), joko1.toString());
        long sum = payouts.stream().mapToLong(p -> new BigDecimal(p.get("amount").asString()).longValueExact()).sum();
        assertThat(sum).isEqualTo(3_000_000L);
        // Weights 1,000,000 : 2,000,000 : 3,333,333 of 3,000,000 → 473,684.26…, 947,368.52…, 1,578,947.21…:
        // floors leave 1 rupiah, which goes to the largest remainder (the second).
        Map<String, String> amounts = new java.util.HashMap<>();
        payouts.forEach(p -> amounts.put(p.get("investment_id").asString(), p.get("amount").asString()));
        assertThat(amounts).containsEntry(aniShare.toString(), "473684.00").containsEntry(aniMore.toString(), "947369.00")
                .containsEntry(joko1.toString(), "1578947.00");
        Map<String, BigDecimal> percents = new java.util.HashMap<>();
        payouts.forEach(p -> percents.put(p.get("investment_id").asString(), p.get("share_percent").decimalValue()));
        assertThat(percents.get(aniShare.toString())).isEqualByComparingTo("15.79");
        assertThat(percents.get(aniMore.toString())).isEqualByComparingTo("31.58");
        assertThat(percents.get(joko1.toString())).isEqualByComparingTo("52.63");
        for (JsonNode p : payouts) {
            assertThat(p.get("status").asString()).isEqualTo("pending");
        }
    }

    @Test
    void thePayoutJobPaysEveryPayoutOnceAndTheDistributionCompletes() {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "=HYPERLINK(\"http://evil.example\",\"Pay\")");
        Users.Signed ani = f.investor("revenue-paid-ani");
        Users.Signed joko = f.investor("revenue-paid-joko");
        f.confirmed(ani, f.shareTier, "1500000.00");
        f.confirmed(joko, f.shareTier, "500000.00");
        f.status("completed");
        JsonNode d = json(f.owner.postJson(f.revenue(), """
                {"period_start":"2026-01-01","period_end":"2026-01-31","total_revenue":"2000000.00","currency":"IDR"}"""));
        String distribution = d.get("id").asString();

        sender.run();
        sender.run(); // nothing left: a second run sends nothing again

        JsonNode after = json(f.owner.get(f.revenue() + "/" + distribution, "application/json"));
        assertThat(after.get("status").asString()).isEqualTo("completed");
        assertThat(after.get("distributed_at").isNull()).isFalse();
        assertThat(after.get("paid_count").asInt()).isEqualTo(2);
        assertThat(after.get("paid_amount").asString()).isEqualTo("600000.00");
        for (JsonNode p : payouts(f, distribution)) {
            assertThat(p.get("status").asString()).isEqualTo("completed");
            assertThat(p.get("attempts").asInt()).isEqualTo(1);
            assertThat(p.get("payment_method").asString()).isEqualTo("sandbox");
            assertThat(p.get("payment_reference").asString()).isEqualTo("sandbox-" + p.get("id").asString());
        }

        Http aniHttp = f.http.withBearer(ani.token());
        JsonNode mine = json(aniHttp.get("/api/v1/me/payouts", "application/json"));
        assertThat(mine.get("items")).hasSize(1);
        assertThat(mine.get("items").get(0).get("amount").asString()).isEqualTo("450000.00");
        assertThat(mine.get("items").get(0).get("share_percent").decimalValue()).isEqualByComparingTo("75");
        assertThat(mine.get("items").get(0).get("campaign_id").asString()).isEqualTo(f.campaignId);
        assertThat(json(f.http.withBearer(f.investor("revenue-nobody").token()).get("/api/v1/me/payouts", "application/json"))
                .get("items")).isEmpty();

        HttpResponse<String> csv = aniHttp.get("/api/v1/me/payouts.csv", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(PayoutsCsv.HEADER);
        // The title a spreadsheet would run is text: an apostrophe first, its quotes doubled inside a quoted field.
        assertThat(lines[1]).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Pay\"\")\",")
                .contains(",\"2026-01-01\",\"2026-01-31\",").contains(",\"75.00\",\"450000.00\",\"IDR\",\"completed\",");
    }

    @Test
    void onlyTheCampaignsOrganizationRecordsAndOnlyForAFundedCampaignAndFreePeriods() {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "Guarded");
        f.confirmed(f.investor("revenue-guard"), f.shareTier, "1000000.00");
        String body = "{\"period_start\":\"2026-02-01\",\"period_end\":\"2026-02-28\",\"total_revenue\":\"1000000\"}";

        // Active, not funded yet.
        HttpResponse<String> early = f.owner.postJson(f.revenue(), body);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(json(early).get("type").asString()).endsWith("/campaign-not-funded");
        f.status("funded");

        // Another organization's owner, even through their own organization's path: 404, as for a missing campaign.
        RevenueFixtures other = new RevenueFixtures(port, jdbc, "Other studio");
        assertThat(other.owner.postJson(f.revenue(), body).statusCode()).isEqualTo(404);
        assertThat(other.owner.postJson(other.campaigns() + "/" + f.campaignId + "/revenue", body).statusCode()).isEqualTo(404);
        assertThat(other.owner.get(other.campaigns() + "/" + f.campaignId + "/revenue", "application/json").statusCode()).isEqualTo(404);
        // An editor reads but does not move money.
        Http editor = f.member("editor");
        assertThat(editor.postJson(f.revenue(), body).statusCode()).isEqualTo(403);
        assertThat(editor.get(f.revenue(), "application/json").statusCode()).isEqualTo(200);

        HttpResponse<String> first = f.owner.postJson(f.revenue(), body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        // Overlapping on one day (and the same period again, as a retried request would be): 409.
        HttpResponse<String> overlap = f.owner.postJson(f.revenue(),
                "{\"period_start\":\"2026-02-28\",\"period_end\":\"2026-03-31\",\"total_revenue\":\"5\"}");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(json(overlap).get("type").asString()).endsWith("/revenue-period-overlaps");
        assertThat(json(overlap).get("overlaps").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(f.owner.postJson(f.revenue(), body).statusCode()).isEqualTo(409);
        HttpResponse<String> next = f.owner.postJson(f.revenue(),
                "{\"period_start\":\"2026-03-01\",\"period_end\":\"2026-03-31\",\"total_revenue\":\"5\"}");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);

        JsonNode list = json(f.owner.get(f.revenue(), "application/json"));
        assertThat(list.get("items")).hasSize(2);
        assertThat(f.owner.get(f.revenue() + "/" + UUID.randomUUID(), "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "Bad input");
        f.confirmed(f.investor("revenue-bad"), f.shareTier, "1000000.00");
        f.status("funded");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1).toString();
        assertField(f, "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"-5\"}", "total_revenue");
        assertField(f, "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"10.123\"}", "total_revenue");
        assertField(f, "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"10.50\"}", "total_revenue");
        assertField(f, "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"0\"}", "total_revenue");
        assertField(f, "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":100}", "total_revenue");
        assertField(f, "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"100\",\"currency\":\"USD\"}",
                "currency");
        assertField(f, "{\"period_start\":\"2026-02-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"100\"}", "period_end");
        assertField(f, "{\"period_start\":\"2026-01-01\",\"period_end\":\"" + tomorrow + "\",\"total_revenue\":\"100\"}", "period_end");
        assertField(f, "{\"period_start\":\"01/01/2026\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"100\"}", "period_start");
        assertField(f, "{\"period_end\":\"2026-01-31\",\"total_revenue\":\"100\"}", "period_start");
        assertThat(jdbc.sql("select count(*) from revenue_distributions where campaign_id = ?").param(UUID.fromString(f.campaignId))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aFundedCampaignWithoutRevenueShareHasNobodyToShareWith() {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "No share");
        f.confirmed(f.investor("revenue-plain"), f.plainTier, "1000000.00");
        f.status("funded");
        HttpResponse<String> answer = f.owner.postJson(f.revenue(),
                "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"100\"}");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(json(answer).get("type").asString()).endsWith("/no-revenue-share");
    }

    @Test
    void onlyAFailedPayoutIsRetriedAndItGoesBackToPending() {
        RevenueFixtures f = new RevenueFixtures(port, jdbc, "Retry");
        f.confirmed(f.investor("revenue-retry"), f.shareTier, "1000000.00");
        f.status("funded");
        String distribution = json(f.owner.postJson(f.revenue(),
                "{\"period_start\":\"2026-01-01\",\"period_end\":\"2026-01-31\",\"total_revenue\":\"1000\"}")).get("id").asString();
        String payout = payouts(f, distribution).getFirst().get("id").asString();
        String retry = f.revenue() + "/" + distribution + "/payouts/" + payout + "/retry";

        HttpResponse<String> notFailed = f.owner.call("POST", retry, null);
        assertThat(notFailed.statusCode()).isEqualTo(409);
        assertThat(json(notFailed).get("type").asString()).endsWith("/payout-not-failed");

        jdbc.sql("update investor_payouts set status = 'failed', attempts = 1, failure_reason = 'Xendit: INVALID_DESTINATION' where id = ?")
                .param(UUID.fromString(payout)).update();
        assertThat(f.member("editor").call("POST", retry, null).statusCode()).isEqualTo(403);
        HttpResponse<String> retried = f.owner.call("POST", retry, null);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json(retried).get("status").asString()).isEqualTo("pending");

        sender.run();
        JsonNode paid = payouts(f, distribution).getFirst();
        assertThat(paid.get("status").asString()).isEqualTo("completed");
        assertThat(paid.get("attempts").asInt()).isEqualTo(2);
        // The second attempt went out under its own key.
        assertThat(paid.get("payment_reference").asString()).isEqualTo("sandbox-" + payout + "-2");
        assertThat(paid.get("failure_reason").isNull()).isTrue();
    }

    private static void assertField(RevenueFixtures f, String body, String field) {
        HttpResponse<String> answer = f.owner.postJson(f.revenue(), body);
        assertThat(answer.statusCode()).as(body + " → " + answer.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(answer).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(answer.body()).contains(field);
    }

    private static List<JsonNode> payouts(RevenueFixtures f, String distribution) {
        HttpResponse<String> answer = f.owner.get(f.revenue() + "/" + distribution + "/payouts", "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        json(answer).forEach(list::add);
        return list;
    }
}
