package id.modo.verse.payment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    static JsonNode start(Http http, String reference, String amount, String gateway) {
        HttpResponse<String> response = http.postJson("/api/v1/test-payments", startBody(reference, amount, gateway));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }
}
