package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.SandboxPayer;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 investments at once into a tier of 50, over HTTP against the real database: exactly 50 hold a unit, the other
 * 150 are told the tier is sold out, and once the 50 payments complete the campaign's money and backers are exact.
 */
@IntegrationTest
class TierConcurrencyIntegrationTests {

    private static final int INVESTORS = 20;
    private static final int ATTEMPTS = 200;
    private static final int UNITS = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {18, 1807, 20261207})
    void twoHundredInvestmentsIntoATierOfFiftyConfirmExactlyFifty(long seed) throws Exception {
        InvestFixtures f = new InvestFixtures(port, jdbc);
        String campaign = f.active("Hot tier " + seed, "100000", "1000000", UNITS);
        String tier = json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("tiers").get(0).get("id").asString();
        List<Http> investors = new ArrayList<>();
        for (int i = 0; i < INVESTORS; i++) {
            investors.add(f.stranger());
        }
        Random random = new Random(seed);
        List<Http> order = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            order.add(investors.get(i % INVESTORS));
            amounts.add((100 + random.nextInt(900)) + "000.00");
        }
        Collections.shuffle(order, random);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < ATTEMPTS; i++) {
                Http investor = order.get(i);
                String body = "{\"tier_id\":\"" + tier + "\",\"amount\":\"" + amounts.get(i) + "\"}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return InvestFixtures.invest(investor, campaign, body, "hot-" + UUID.randomUUID());
                }));
            }
            start.countDown();
        }
        List<JsonNode> started = new ArrayList<>();
        int soldOut = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 201) {
                started.add(json(response));
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                assertThat(json(response).get("type").asString()).endsWith("/tier-sold-out");
                soldOut++;
            }
        }
        assertThat(started).hasSize(UNITS);
        assertThat(soldOut).isEqualTo(ATTEMPTS - UNITS);

        SandboxPayer payer = new SandboxPayer(context);
        BigDecimal expected = BigDecimal.ZERO;
        for (JsonNode investment : started) {
            BigDecimal amount = new BigDecimal(investment.get("amount").asString());
            expected = expected.add(amount);
            payer.decide(PaymentId.of(UUID.fromString(investment.get("payment_id").asString())), new Money(amount, "IDR"), true, null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> confirmed(campaign) == UNITS);

        Set<String> backers = new HashSet<>(jdbc.sql("select user_id::text from investments where campaign_id = ?::uuid and status = 'confirmed'")
                .param(campaign).query(String.class).list());
        JsonNode page = json(f.http.get("/api/v1/campaigns/" + campaign, "application/json"));
        assertThat(page.get("tiers").get(0).get("sold_quantity").asInt()).isEqualTo(UNITS);
        assertThat(page.get("tiers").get(0).get("left").asInt()).isZero();
        assertThat(new BigDecimal(page.get("raised_amount").asString())).isEqualByComparingTo(expected);
        assertThat(page.get("backer_count").asInt()).isEqualTo(backers.size());
        assertThat(jdbc.sql("select count(*) from investments where campaign_id = ?::uuid").param(campaign).query(Integer.class).single())
                .isEqualTo(UNITS);
    }

    private int confirmed(String campaign) {
        return jdbc.sql("select count(*) from investments where campaign_id = ?::uuid and status = 'confirmed'")
                .param(campaign).query(Integer.class).single();
    }
}
