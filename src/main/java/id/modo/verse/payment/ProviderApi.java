package id.modo.verse.payment;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentGateway.GatewayUnavailableException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTPS to a provider's REST API (Midtrans, Xendit) with HTTP Basic auth (the secret key as user name,
 * empty password, as both document) and the configured connect and read timeout. Bodies are written and read
 * with our own mapper so amounts stay exact decimals. Every failure (timeout, refused connection, error status,
 * unreadable answer) becomes a {@link GatewayUnavailableException} whose message names the provider's own error
 * but never the key.
 */
final class ProviderApi {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final String provider;
    private final RestClient client;

    ProviderApi(String provider, String baseUrl, String secretKey, Duration timeout) {
        this.provider = provider;
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        String basic = Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
        this.client = RestClient.builder()
                .requestFactory(factory)
                .baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** POSTs {@code body} as JSON and reads the JSON answer of a 2xx response. */
    JsonNode post(String what, Map<String, ?> body, Map<String, String> headers, String uri, Object... uriVariables) {
        try {
            String answer = client.post().uri(uri, uriVariables)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> headers.forEach(h::set))
                    .body(JSON.writeValueAsString(body))
                    .retrieve()
                    .body(String.class);
            return read(what, answer);
        } catch (RestClientException | JacksonException e) {
            throw unavailable(what, e);
        }
    }

    /** GETs a JSON resource; empty when the provider answers 404 (it does not know it). */
    Optional<JsonNode> get(String what, String uri, Object... uriVariables) {
        try {
            String answer = client.get().uri(uri, uriVariables).retrieve().body(String.class);
            return Optional.of(read(what, answer));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw unavailable(what, e);
        } catch (RestClientException | JacksonException e) {
            throw unavailable(what, e);
        }
    }

    private JsonNode read(String what, String answer) {
        if (answer == null || answer.isBlank()) {
            throw new GatewayUnavailableException(provider + " answered " + what + " with an empty body", null);
        }
        return JSON.readTree(answer);
    }

    private GatewayUnavailableException unavailable(String what, Exception e) {
        String detail = e instanceof RestClientResponseException response
                ? "HTTP " + response.getStatusCode().value() + " " + abbreviate(response.getResponseBodyAsString())
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()));
        return new GatewayUnavailableException(provider + " did not take " + what + ": " + detail, e);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** A notification body that must be one JSON object; anything else is refused with {@code refusal} and never trusted. */
    static JsonNode jsonObject(byte[] body, String refusal) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // refused below, like any other body that is not an object
        }
        throw new PaymentGateway.InvalidNotificationException(refusal);
    }

    /** A JSON amount that providers send as a number (Xendit) or as a decimal string (Midtrans's "10000.00"). */
    static Optional<BigDecimal> decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An amount a provider reported, as money; a notification whose amount is not money is not trusted. */
    static Money money(BigDecimal amount, String currency) {
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new PaymentGateway.InvalidNotificationException("The amount " + amount.toPlainString() + " " + currency + " is not money.");
        }
    }

    /** Our payment id as a provider echoes it (order_id, external_id); null when it is not one of ours. */
    static PaymentId paymentId(String echoed) {
        try {
            return PaymentId.of(UUID.fromString(echoed));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
