package id.modo.verse.identity;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' session cookie, CSRF protection and redirects, as a browser meets them on the wire. */
@IntegrationTest
class AccountPagesIntegrationTests {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theAccountPageSendsAnonymousVisitorsToSignIn() {
        var response = http.get("/account?saved=profile", HTML);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/signin?next=%2Faccount%3Fsaved%3Dprofile"));
    }

    @Test
    void withoutOAuthSettingsThereIsNoProviderSignIn() {
        var page = http.get("/signin", HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("/oauth2/authorization/");
        assertThat(http.get("/oauth2/authorization/google", HTML).statusCode()).isEqualTo(404);
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        var response = http.send(http.request("/signin").header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.id&password=x")));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void signingInSetsAnHttpOnlySessionCookieThatTheApiDoesNotAccept() {
        Users.Signed user = new Users(http).signUpAndIn("cookie");
        var page = http.get("/signin", HTML);
        String csrfCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var signIn = http.send(http.request("/signin").header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("email=" + user.email() + "&password=" + Users.PASSWORD + "&next=%2F%2Fevil.example&_csrf=" + csrf)));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).as("no redirect to another host").hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard"));
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_SESSION=")).findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        String cookie = session.substring(0, session.indexOf(';'));

        var account = http.send(http.request("/account").header("Accept", HTML).header("Cookie", cookie).GET());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(user.email());
        // The cookie is for pages; the API only takes bearer tokens, so a forged cross-site call carries no authority.
        assertThat(http.send(http.request("/api/v1/me").header("Cookie", cookie).GET()).statusCode()).isEqualTo(401);

        // Times on pages follow the time zone the person chose (Makassar is UTC+8), not the server's default.
        http.withBearer(user.token()).send(http.withBearer(user.token()).request("/api/v1/me").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"time_zone\":\"Asia/Makassar\"}")));
        java.time.Instant lastActive = java.time.Instant.now().minus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        jdbc.sql("update sessions set last_active_at = ? where user_id = cast(? as uuid) and device_info->>'client' = 'api'")
                .params(java.sql.Timestamp.from(lastActive), user.id()).update();
        var shown = http.send(http.request("/account").header("Accept", HTML).header("Accept-Language", "en").header("Cookie", cookie).GET());
        // CLDR puts a narrow no-break space before AM/PM; compare it as a plain space.
        assertThat(shown.body().replace('\u202f', ' ')).contains("last active " + id.modo.verse.common.Formats.dateTime(lastActive,
                java.time.ZoneId.of("Asia/Makassar"), java.util.Locale.ENGLISH).replace('\u202f', ' '));
    }

    @Test
    void theProfileFormRefusesWhatTheApiRefusesAndKeepsWhatWasTyped() {
        Users.Signed user = new Users(http).signUpAndIn("profileform");
        PageSession pages = PageSession.signIn(http, user);
        var form = pages.get("/account");
        String tooLong = "N".repeat(256);

        var refused = pages.post("/account/profile", form, "name=" + tooLong + "&username=sari_form&bio=Penulis+cerita&language=id"
                + "&time_zone=Mars%2FBase", HTML);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This name is too long: at most 255 characters.").doesNotContain("Enter your name.")
                .contains("Use a time zone such as Asia/Jakarta.")
                .contains("value=\"" + tooLong + "\"").contains("value=\"sari_form\"").contains(">Penulis cerita</textarea>")
                .contains("value=\"Mars/Base\"");
        assertThat(jdbc.sql("select name from users where id = cast(? as uuid)").param(user.id()).query(String.class).single())
                .as("nothing saved").isNotEqualTo(tooLong);

        var saved = pages.post("/account/profile", form, "name=Sari+Dewi&username=sari_form&bio=&language=id&time_zone=Asia%2FMakassar", HTML);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account?saved=profile&lang=id"));
        assertThat(jdbc.sql("select name || ' ' || username || ' ' || (preferences->>'time_zone') from users where id = cast(? as uuid)")
                .param(user.id()).query(String.class).single()).isEqualTo("Sari Dewi sari_form Asia/Makassar");
    }

    @Test
    void thePasswordAndSignUpFormsShowTheirFieldErrors() {
        Users.Signed user = new Users(http).signUpAndIn("passwordform");
        PageSession pages = PageSession.signIn(http, user);
        var form = pages.get("/account");

        var wrong = pages.post("/account/password", form, "current_password=nope&new_password=Wayang-Kulit-Baru-2027", HTML);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The current password is not right.");
        var missing = pages.post("/account/password", form, "new_password=Wayang-Kulit-Baru-2027", HTML);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("The current password is not right.");

        var signUp = http.get("/signup", HTML);
        String csrfCookie = signUp.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String csrf = signUp.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var refused = http.send(http.request("/signup").header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("name=+&email=rina%40kancil.example&password=" + Users.PASSWORD + "&_csrf=" + csrf)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Enter your name.").contains("value=\"rina@kancil.example\"").doesNotContain("Enter a valid email address.");
        var long5000 = http.send(http.request("/signup").header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("name=" + "N".repeat(5000) + "&email=rina%40kancil.example&password=" + Users.PASSWORD
                        + "&_csrf=" + csrf)));
        assertThat(long5000.statusCode()).isEqualTo(400);
        assertThat(long5000.body()).contains("This name is too long: at most 255 characters.").doesNotContain("Enter your name.");
    }

    @Test
    void everyPageOffersSignOutAndTheSessionsReadAsDevicesAndPlaces() {
        Users.Signed user = new Users(http).signUpAndIn("signout-header");
        PageSession pages = PageSession.signIn(http, user);
        var dashboard = pages.get("/dashboard");
        assertThat(dashboard.body()).contains("<form class=\"header-account__signout\" method=\"post\" action=\"/signout\">");
        var account = pages.get("/account");
        String sessions = account.body().substring(account.body().indexOf("id=\"sessions-title\""));
        sessions = sessions.substring(0, sessions.indexOf("</section>"));
        assertThat(sessions).contains("Java-http-client", "localhost").doesNotContain("0:0:0:0:0:0:0:1", "127.0.0.1");

        var signedOut = pages.post("/signout", dashboard, "", HTML);
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(pages.get("/dashboard").statusCode()).as("the session no longer works").isEqualTo(302);
    }

    @Test
    void aBadResetLinkSaysSoWhenOpened() {
        var page = http.get("/reset-password?token=not-a-real-token", HTML);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This link is invalid, was used already or has expired.").doesNotContain("name=\"password\"")
                .contains("href=\"/forgot-password\"");
    }
}
