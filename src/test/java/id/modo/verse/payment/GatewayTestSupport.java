package id.modo.verse.payment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What the REST gateways' tests share: a signed-in payer, payments started through the test caller, provider answers. */
final class GatewayTestSupport {

    private GatewayTestSupport() {
    }

    /** The Authorization header Midtrans and Xendit expect: the key as user name, no password. */
    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static Http signedIn(int port, String prefix) {
        return new Http(port).withBearer(new Users(new Http(port)).signUpAndIn(prefix).token());
    }

    /** A credit-pack payment in IDR through {@code gateway}, returning to /credits. */
    static String startBody(String reference, String amount, String gateway) {
        return "{\"purpose\":\"CREDIT_PACK\",\"reference\":\"" + reference + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"IDR\",\"return_path\":\"/credits\",\"gateway\":\"" + gateway + "\"}";
    }

    /**
     * A verified notification that does not match its payment: answered 200 so the provider stops resending it (a
     * resend could never match), stored as received and linked to the payment but not processed, and put in front of
     * an admin in the audit log with {@code reason}.
     */
    static void assertRefusedAndRecorded(HttpResponse<String> answer, String body, JdbcClient jdbc, String gateway, PaymentId payment,
            String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("applied").asInt()).isZero();
        assertThat(json(answer).get("refused").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from payment_events
                where gateway = ? and payment_id = ? and processed_at is null and payload = cast(? as jsonb)""")
                .params(gateway, payment.value(), body).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select new_values ->> 'reason' from audit_logs
                where entity_type = 'payment' and entity_id = ? and action = 'payment_notification_refuse'
                order by created_at desc limit 1""").param(payment.value()).query(String.class).optional()).hasValue(reason);
    }

    static JsonNode start(Http http, String reference, String amount, String gateway) {
        HttpResponse<String> response = http.postJson("/api/v1/test-payments", startBody(reference, amount, gateway));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }
}
