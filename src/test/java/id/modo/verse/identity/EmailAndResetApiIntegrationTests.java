package id.modo.verse.identity;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestSmtp;
import id.modo.verse.support.Users;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static id.modo.verse.support.Users.PASSWORD;
import static id.modo.verse.support.Users.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Email verification and password reset, with the links read from the mails a real SMTP server received. */
@IntegrationTest
class EmailAndResetApiIntegrationTests {

    private static final Pattern VERIFY_LINK = Pattern.compile("http://localhost:8080/verify-email\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern RESET_LINK = Pattern.compile("http://localhost:8080/reset-password\\?token=([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    Users users;

    @BeforeEach
    void client() {
        http = new Http(port);
        users = new Users(http);
    }

    @Test
    void signUpMailsAVerificationLinkThatWorksOnce() {
        String email = Users.uniqueEmail("verify");
        users.register(email, "Ayu Verifikasi");
        String token = tokenFrom(lastMailTo(email, 1), VERIFY_LINK);
        assertThat(jdbc.sql("select count(*) from one_time_tokens where token_hash = ?").param(token).query(Long.class).single())
                .as("only the hash is stored").isZero();

        var verified = http.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json(verified).get("email_verified").asBoolean()).isTrue();

        var again = http.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("type").asString()).endsWith("/invalid-token");
    }

    @Test
    void aNewVerificationMailKillsTheOldLinkAndExpiredLinksFail() {
        Users.Signed user = users.signUpAndIn("reverify");
        String first = tokenFrom(lastMailTo(user.email(), 1), VERIFY_LINK);
        assertThat(http.send(bearer(http.request("/api/v1/me/verification-email"), user.token()).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(202);
        String second = tokenFrom(lastMailTo(user.email(), 2), VERIFY_LINK);
        assertThat(second).isNotEqualTo(first);
        assertThat(http.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + first + "\"}").statusCode()).isEqualTo(400);

        jdbc.sql("update one_time_tokens set expires_at = now() - interval '1 minute' where user_id = cast(? as uuid) and used_at is null")
                .param(user.id()).update();
        assertThat(http.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + second + "\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void passwordResetAnswersTheSameForUnknownEmailsAndItsLinkSignsOutEverywhere() {
        Users.Signed user = users.signUpAndIn("reset");
        assertThat(http.postJson("/api/v1/auth/password-reset", "{\"email\":\"" + Users.uniqueEmail("nobody") + "\"}").statusCode()).isEqualTo(202);
        assertThat(http.postJson("/api/v1/auth/password-reset", "{\"email\":\"" + user.email().toUpperCase() + "\"}").statusCode()).isEqualTo(202);
        String token = tokenFrom(lastMailTo(user.email(), 2), RESET_LINK);

        var weak = http.postJson("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"password\":\"password1\"}");
        assertThat(weak.statusCode()).as("a refused password leaves the link usable").isEqualTo(400);

        var reset = http.postJson("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"password\":\"Candi-Borobudur-Senja-9\"}");
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(http.send(bearer(http.request("/api/v1/me"), user.token()).GET()).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(401);
        users.login(user.email(), "Candi-Borobudur-Senja-9");
        assertThat(http.postJson("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"password\":\"Another-Good-One-77\"}").statusCode())
                .as("used once").isEqualTo(400);
        assertThat(jdbc.sql("select action from audit_logs where user_id = cast(? as uuid) and action like 'password_reset%' order by created_at")
                .param(user.id()).query(String.class).list()).containsExactly("password_reset");
    }

    @Test
    void resetRequestsPerAddressAreLimited() {
        String key = "reset:127.0.0.1";
        jdbc.sql("insert into rate_limits (key, window_start, hits) values (?, now(), 10000) "
                + "on conflict (key) do update set window_start = now(), hits = 10000").param(key).update();
        try {
            var limited = http.postJson("/api/v1/auth/password-reset", "{\"email\":\"" + Users.uniqueEmail("limit") + "\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
        } finally {
            jdbc.sql("delete from rate_limits where key = ?").param(key).update();
        }
    }

    private static MimeMessage lastMailTo(String email, int expectedCount) {
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmtp.get().messagesTo(email).size() >= expectedCount);
        List<MimeMessage> mails = TestSmtp.get().messagesTo(email);
        return mails.get(mails.size() - 1);
    }

    private static String tokenFrom(MimeMessage mail, Pattern link) {
        Matcher matcher = link.matcher(TestSmtp.text(mail));
        assertThat(matcher.find()).as(TestSmtp.text(mail)).isTrue();
        return matcher.group(1);
    }
}
