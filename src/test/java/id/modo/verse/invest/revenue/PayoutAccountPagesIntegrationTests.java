package id.modo.verse.invest.revenue;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The investor's payout bank account on a page: only their own, the number shown by its last four digits, bad input a 400. */
@IntegrationTest
class PayoutAccountPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anInvestorSavesTheBankAccountTheirPayoutsGoToOnThePage() {
        Http http = new Http(port);
        Users users = new Users(http);
        Users.Signed fan = users.signUpAndIn("payout-account-page");
        PageSession page = PageSession.signIn(http, fan);

        assertThat(http.get("/investments/payout-account", PageSession.HTML).statusCode()).as("sign-in required").isEqualTo(302);
        HttpResponse<String> empty = page.get("/investments/payout-account");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("No bank account yet.");
        assertThat(page.get("/investments/portfolio").body()).contains("href=\"/investments/payout-account\"");

        HttpResponse<String> refused = page.post("/investments/payout-account", empty,
                "bank_code=B&account_number=12a4&account_holder_name=", PageSession.HTML);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("digits or underscores, such as BCA.").contains("Enter the account number: 5 to 30 digits.")
                .contains("Enter the name on the account").contains("value=\"12a4\"").contains("aria-invalid=\"true\"");
        assertThat(http.withBearer(fan.token()).get("/api/v1/me/payout-account", "application/json").statusCode()).isEqualTo(404);

        // Typed as people do: the bank in lower case, the number with its spaces.
        HttpResponse<String> saved = page.post("/investments/payout-account", empty,
                "bank_code=bca&account_number=1234+5678+90&account_holder_name=Ayu+Lestari", PageSession.HTML);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/investments/payout-account?saved=1");
        String shown = page.get("/investments/payout-account?saved=1").body();
        assertThat(shown).contains("Your bank account is saved.").contains("BCA, account ending in 7890, in the name of Ayu Lestari.")
                .doesNotContain("1234567890");
        JsonNode account = json(http.withBearer(fan.token()).get("/api/v1/me/payout-account", "application/json"));
        assertThat(account.get("bank_code").asString()).isEqualTo("BCA");
        assertThat(account.get("account_number_last_four").asString()).isEqualTo("7890");

        // Another investor's page knows nothing of it.
        PageSession other = PageSession.signIn(http, users.signUpAndIn("payout-account-other"));
        assertThat(other.get("/investments/payout-account").body()).contains("No bank account yet.").doesNotContain("7890");
        assertThat(page.get("/investments/payout-account?lang=id").body()).contains("rekening berakhiran 7890");
    }
}
