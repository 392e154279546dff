package id.modo.verse.credit;

import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The credits page as a signed-in browser gets it, and the admin adjustment page. */
@IntegrationTest
class CreditPagesIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditLedger ledger;
    Http http;
    Users users;
    CreditFixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
        fixtures = new CreditFixtures(jdbc);
    }

    @Test
    void aMemberSeesTheBarThePacksAndTheLedgerWithAnOlderLink() {
        Users.Signed owner = users.signUpAndIn("credit-page");
        String orgId = json(http.withBearer(owner.token()).postJson("/api/v1/organizations", "{\"name\":\"Kredit Studio\"}")).get("id").asString();
        OrganizationId org = OrganizationId.of(UUID.fromString(orgId));
        ledger.grant(org, null, CreditLedger.Grant.BONUS, 40, null, null, "Festival gift");
        for (int i = 1; i <= 21; i++) {
            ledger.debit(org, UserId.of(UUID.fromString(owner.id())), 2, "ai_usage", "page-" + i, "Storyboard " + i);
        }
        String cookie = signIn(owner);

        HttpResponse<String> page = get("/organizations/" + orgId + "/credits?lang=en", cookie);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("AI credits", "Kredit Studio", "class=\"credit-bar\"", "credit-bar__main", "Small pack",
                "Storyboard 21", "Total after", "rel=\"next\"").doesNotContain("style=");
        String older = page.body().replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        HttpResponse<String> second = get(older, cookie);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Festival gift").doesNotContain("rel=\"next\"");

        HttpResponse<String> indonesian = get("/organizations/" + orgId + "/credits?type=bonus&lang=id", cookie);
        assertThat(indonesian.body()).contains("Kredit AI", "Paket kecil", "Rp", "75.000", "Festival gift").doesNotContain("Storyboard");
        for (String[] bad : new String[][] {{"type=gift", "type", "Choose one of the listed values."},
                {"bucket=gold", "bucket", "Choose one of the listed values."}, {"from=kemarin", "from", "Enter a date as year-month-day."},
                {"to=2026-02-30", "to", "Enter a date as year-month-day."},
                {"from=2026-03-02&to=2026-03-01", "to", "The end date must not be before the start date."}}) {
            HttpResponse<String> refused = get("/organizations/" + orgId + "/credits?lang=en&" + bad[0], cookie);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(refused.body()).as(bad[0]).contains("class=\"field__error\">" + bad[2]).doesNotContain("Festival gift")
                    .containsPattern("name=\"" + bad[1] + "\"[^>]*aria-invalid=\"true\"");
        }
        assertThat(get("/organizations/" + orgId + "/credits?from=kemarin", cookie).body()).contains("value=\"kemarin\"");
        assertThat(get("/organizations/" + orgId + "/credits?cursor=forged", cookie).statusCode()).isEqualTo(400);
        assertThat(get("/organizations/" + orgId, cookie).body()).contains("/organizations/" + orgId + "/credits");
        fixtures.assertLedgerMatches(org);
    }

    @Test
    void outsidersGetTheNotFoundPage() {
        Users.Signed owner = users.signUpAndIn("credit-page-owner");
        String orgId = json(http.withBearer(owner.token()).postJson("/api/v1/organizations", "{\"name\":\"Hidden Kredit\"}")).get("id").asString();
        String outsider = signIn(users.signUpAndIn("credit-page-outsider"));

        HttpResponse<String> page = get("/organizations/" + orgId + "/credits", outsider);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Hidden Kredit");
        assertThat(get("/organizations/not-an-id/credits", outsider).statusCode()).isEqualTo(404);
        assertThat(get("/admin/credits", outsider).statusCode()).isEqualTo(403);
    }

    @Test
    void aPlatformAdminAdjustsABalanceWithAReason() {
        OrganizationId org = fixtures.organization();
        Users.Signed admin = users.signUpAndIn("credit-page-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        String cookie = signIn(admin);

        HttpResponse<String> form = get("/admin/credits?org=" + org.value(), cookie);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Credit adjustments", "name=\"reason\"");

        HttpResponse<String> refused = post("/admin/credits/adjustments", cookie, form,
                "org=" + org.value() + "&bucket=main&amount=-500&reason=Too+much");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("more than this balance has available");
        HttpResponse<String> noReason = post("/admin/credits/adjustments", cookie, form, "org=" + org.value() + "&bucket=main&amount=5&reason=");
        assertThat(noReason.statusCode()).isEqualTo(400);
        String longReason = "r".repeat(501);
        HttpResponse<String> unconvertible = post("/admin/credits/adjustments", cookie, form,
                "org=" + org.value() + "&bucket=gold&amount=lima&reason=Hadiah");
        assertThat(unconvertible.statusCode()).isEqualTo(400);
        assertThat(unconvertible.body()).contains("Choose one of the listed values.", "Enter a whole number other than 0.",
                "value=\"lima\"", "value=\"Hadiah\"");
        HttpResponse<String> longOne = post("/admin/credits/adjustments", cookie, form, "org=" + org.value() + "&bucket=main&amount=5&reason=" + longReason);
        assertThat(longOne.statusCode()).isEqualTo(400);
        assertThat(longOne.body()).contains("Give a reason (at most 500 characters).", "value=\"" + longReason + "\"", "value=\"5\"");
        HttpResponse<String> zero = post("/admin/credits/adjustments", cookie, form, "org=" + org.value() + "&bucket=main&amount=0&reason=Nol");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("Enter a whole number other than 0.", "value=\"Nol\"");

        HttpResponse<String> done = post("/admin/credits/adjustments", cookie, form,
                "org=" + org.value() + "&bucket=bonus&amount=75&reason=Workshop+prize");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("done=adjusted"));
        assertThat(ledger.balances(org).bonus()).isEqualTo(75);

        // Up to the bucket's limit and not one credit past it; a number too large for the field is a form error too.
        UserId adminId = UserId.of(UUID.fromString(admin.id()));
        for (int left = CreditLedger.MAX_BUCKET_BALANCE - 75; left > 0; left -= CreditLedger.MAX_AMOUNT) {
            ledger.adjust(org, adminId, CreditBucket.BONUS, Math.min(left, CreditLedger.MAX_AMOUNT), "Festival");
        }
        HttpResponse<String> over = post("/admin/credits/adjustments", cookie, form, "org=" + org.value() + "&bucket=bonus&amount=1&reason=More");
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.body()).contains("above its limit of 500,000,000 credits");
        HttpResponse<String> huge = post("/admin/credits/adjustments", cookie, form,
                "org=" + org.value() + "&bucket=main&amount=9223372036854775807&reason=Huge");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(ledger.balances(org).bonus()).isEqualTo(CreditLedger.MAX_BUCKET_BALANCE);
        assertThat(get("/admin/credits?org=" + UUID.randomUUID(), cookie).statusCode()).isEqualTo(404);
        fixtures.assertLedgerMatches(org);
    }

    private HttpResponse<String> get(String path, String cookie) {
        return http.send(http.request(path).header("Accept", HTML).header("Cookie", cookie).GET());
    }

    /** Posts a form the way a browser does, with the CSRF token of the page it came from. */
    private HttpResponse<String> post(String path, String cookie, HttpResponse<String> formPage, String body) {
        String csrf = formPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String csrfCookie = formPage.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .map(c -> "; " + c.substring(0, c.indexOf(';'))).orElse("");
        return http.send(http.request(path).header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie + csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + csrf)));
    }

    /** Signs in through the form, as a browser does, and returns the session cookie. */
    private String signIn(Users.Signed user) {
        var form = http.get("/signin", HTML);
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var signIn = http.send(http.request("/signin").header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("email=" + user.email() + "&password=" + Users.PASSWORD + "&_csrf=" + csrf)));
        assertThat(signIn.statusCode()).isEqualTo(302);
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_SESSION=")).findFirst().orElseThrow();
        return session.substring(0, session.indexOf(';'));
    }
}
