package id.modo.verse.identity;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static id.modo.verse.support.Http.json;
import static id.modo.verse.support.Users.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app behind a load balancer on 127.0.0.1: clients are told apart by {@code X-Forwarded-For},
 * and one client trying a password on many accounts (spraying) is held back without locking out
 * the others behind the same balancer.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "modo.web.trusted-proxies=127.0.0.1, 10.0.0.0/8",
        "modo.identity.login-max-failures-per-address=8"})
class SignInBehindProxyIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void oneAddressTryingManyEmailsIsHeldBackWhileOthersSignIn() {
        Http http = new Http(port);
        String victim = registered(http, "spray-victim");
        String attacker = address();

        for (int i = 0; i < 8; i++) {
            assertThat(login(http, attacker, Users.uniqueEmail("sprayed"), "Musim-Hujan-2026").statusCode()).as("failure %d", i + 1).isEqualTo(401);
        }
        HttpResponse<String> held = login(http, attacker, victim, PASSWORD);
        assertThat(held.statusCode()).as("the ninth attempt from the address, even with the right password").isEqualTo(429);
        assertThat(json(held).get("type").asString()).endsWith("/too-many-requests");
        assertThat(Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 15 * 60L);

        assertThat(login(http, address(), victim, PASSWORD).statusCode()).as("another client behind the same balancer").isEqualTo(200);
    }

    @Test
    void successesNeitherCountNorClearTheAddressCount() {
        Http http = new Http(port);
        String own = registered(http, "spray-own");
        String client = address();

        for (int i = 0; i < 20; i++) {
            assertThat(login(http, client, own, PASSWORD).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 7; i++) {
            assertThat(login(http, client, Users.uniqueEmail("sprayed"), "Musim-Hujan-2026").statusCode()).isEqualTo(401);
        }
        assertThat(login(http, client, own, PASSWORD).statusCode()).as("a success in between").isEqualTo(200);
        assertThat(login(http, client, Users.uniqueEmail("sprayed"), "Musim-Hujan-2026").statusCode()).as("the eighth failure").isEqualTo(401);
        assertThat(login(http, client, own, PASSWORD).statusCode()).as("the success did not reset the count").isEqualTo(429);
    }

    @Test
    void theForwardedAddressIsTakenOnlyFromATrustedProxy() {
        Http http = new Http(port);
        String user = registered(http, "proxied");
        String client = address();

        String token = json(login(http, client, user, PASSWORD)).get("token").asString();
        assertThat(sessionAddresses(http, token)).contains(client);

        // A client that claims to be forwarded by a proxy that is not trusted, through a trusted one: the
        // trusted proxy's own view (the right-most untrusted address) is taken, not the client's claim.
        HttpResponse<String> chained = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", "192.0.2.66, " + client)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(sessionAddresses(http, json(chained).get("token").asString())).doesNotContain("192.0.2.66");
    }

    /**
     * A new account, signed in from nowhere yet: every other test of the run signs in from 127.0.0.1, whose
     * failures this context's low per-address limit would count against these tests too.
     */
    private static String registered(Http http, String prefix) {
        String email = Users.uniqueEmail(prefix);
        new Users(http).register(email, "Test " + prefix);
        return email;
    }

    private static String sessionAddresses(Http http, String token) {
        return http.send(http.request("/api/v1/me/sessions").header("Authorization", "Bearer " + token).GET()).body();
    }

    private static HttpResponse<String> login(Http http, String forwardedFor, String email, String password) {
        return http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A documentation address (RFC 5737) that no other test of this run uses. */
    private static String address() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }
}
