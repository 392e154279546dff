package id.modo.verse.billing;

import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.common.Money;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.billing.BillingFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@Import(BillingTestClock.class)
class InvoicesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Invoices invoices;
    @Autowired
    TransactionTemplate transactions;
    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc, context);
    }

    /** Three rounds in the suite; {@code -Dmodo.billing.numbering-rounds=100} runs more, each on a fresh organization. */
    @TestFactory
    Stream<DynamicTest> parallelIssuesGetUniqueGapFreeNumbersAndARolledBackIssueGivesItsNumberBack() {
        int rounds = Integer.getInteger("modo.billing.numbering-rounds", 3);
        return IntStream.rangeClosed(1, rounds).mapToObj(round -> DynamicTest.dynamicTest("round " + round + " of " + rounds,
                this::parallelIssues));
    }

    private void parallelIssues() throws Exception {
        Owner owner = fixtures.ownerWithOrganization("inv-numbers");
        UUID subscription = UUID.fromString(BillingFixtures.subscription(owner.http(), owner.org()).get("id").asString());
        Invoices.Issue issue = new Invoices.Issue(OrganizationId.of(UUID.fromString(owner.org())), subscription, Invoices.Kind.SUBSCRIBE,
                "starter", BillingCycle.MONTHLY, List.of(new Invoices.Line(Invoices.LineKind.PLAN, "starter", BillingCycle.MONTHLY, null, null,
                Money.idr(99000))), new BigDecimal("0.11"), null, null, "Studio", null, Instant.now());
        int threads = 16;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    boolean rollBack = (thread + i) % 7 == 0;
                    String number = transactions.execute(status -> {
                        String issued = invoices.issue(issue).number();
                        if (rollBack) {
                            status.setRollbackOnly();
                        }
                        return issued;
                    });
                    if (!rollBack) {
                        numbers.add(number);
                    }
                }
                return numbers;
            }));
        }
        start.countDown();
        List<String> committed = new ArrayList<>();
        for (Future<List<String>> result : results) {
            committed.addAll(result.get());
        }
        pool.shutdown();
        assertThat(committed).doesNotHaveDuplicates();
        // Every committed number of this year, from the first to the last, exists: no gaps, also where issues rolled back.
        String year = committed.getFirst().substring(5, 9);
        List<Integer> all = jdbc.sql("select cast(substring(number from 11) as int) from invoices where number like ? order by 1")
                .param("MODO-" + year + "-%").query(Integer.class).list();
        Set<Integer> sequence = new TreeSet<>(all);
        assertThat(sequence).hasSize(all.size());
        assertThat(all.getLast() - all.getFirst() + 1).isEqualTo(all.size());
        assertThat(committed).allMatch(number -> number.matches("MODO-\\d{4}-\\d{6}"));
    }

    @Test
    void theInvoicePdfShowsNumberLinesTaxAndTotalInTheReadersLanguageOnlyToMembers() throws Exception {
        Owner owner = fixtures.ownerWithOrganization("inv-pdf");
        fixtures.trialUsed(owner);
        JsonNode checkout = change(owner.http(), owner.org(), "pro", "yearly");
        fixtures.pay(checkout, null);
        JsonNode invoice = Http.json(owner.http().get("/api/v1/organizations/" + owner.org() + "/invoices", "application/json"))
                .get("items").get(0);
        assertThat(invoice.get("status").asString()).isEqualTo("paid");
        assertThat(invoice.get("total").asString()).isEqualTo("3318900.00");
        String path = "/api/v1/invoices/" + invoice.get("id").asString() + ".pdf";

        String english = pdfText(owner.user().token(), path, "en");
        assertThat(english).contains(invoice.get("number").asString(), "Pro plan (yearly)", "Rp2,990,000", "VAT (PPN) 11%",
                "Rp328,900", "Rp3,318,900", "Paid");
        String indonesian = pdfText(owner.user().token(), path, "id");
        assertThat(indonesian).contains(invoice.get("number").asString(), "Paket Pro (tahunan)", "PPN 11%", "3.318.900", "Lunas");

        Users.Signed stranger = new Users(new Http(port)).signUpAndIn("inv-stranger");
        HttpResponse<String> hidden = new Http(port).withBearer(stranger.token()).get(path, "application/pdf");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(new Http(port).withBearer(stranger.token()).get("/api/v1/invoices/" + UUID.randomUUID() + ".pdf", "application/pdf")
                .statusCode()).isEqualTo(404);
    }

    /** The PDF's text as PDFBox reads it back. */
    private String pdfText(String token, String path, String language) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", language).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }
}
