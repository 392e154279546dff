package id.modo.verse.invest.revenue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
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
 * Xendit's Disbursements API: {@code POST /disbursements} with our attempt's key as both {@code external_id} and the
 * {@code X-IDEMPOTENCY-KEY} header, HTTP Basic auth with the secret key. Xendit answers PENDING and calls back with
 * COMPLETED or FAILED ({@link XenditPayoutCallbacks}). A key sent twice (our call timed out after Xendit took it) is
 * answered {@code DUPLICATE_TRANSACTION_ERROR}; the disbursement it made is then read by its external id, so an attempt
 * pays at most once. Refusals about the recipient or the amount fail the payout; the platform's own trouble (keys,
 * balance, Xendit down) leaves it to be asked again. A disbursement Xendit never calls back about is read by its id
 * ({@link #status}) once it has been processing long enough ({@link PayoutStatusJob}).
 */
final class XenditPayouts implements PayoutAdapter {

    static final String NAME = "xendit";
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> PLATFORM_TROUBLE = Set.of("INSUFFICIENT_BALANCE", "REQUEST_FORBIDDEN_ERROR", "INVALID_API_KEY",
            "SERVER_ERROR", "RATE_LIMIT_EXCEEDED");

    private final RestClient client;

    XenditPayouts(RevenueProperties.Xendit properties, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        String basic = Base64.getEncoder().encodeToString((properties.secretKey() + ":").getBytes(StandardCharsets.UTF_8));
        this.client = RestClient.builder().requestFactory(factory).baseUrl(properties.apiBase())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome send(Order order) {
        if (order.destination() == null) {
            return new Refused("No payout account: the investor has not given a bank account to receive payouts.");
        }
        if (!"IDR".equals(order.amount().currency())) {
            return new Refused("Xendit disbursements pay IDR only.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external_id", order.idempotencyKey());
        body.put("amount", order.amount().amount().longValueExact());
        body.put("bank_code", order.destination().bankCode());
        body.put("account_holder_name", order.destination().accountHolderName());
        body.put("account_number", order.destination().accountNumber());
        body.put("description", order.description());
        try {
            String answer = client.post().uri("/disbursements").contentType(MediaType.APPLICATION_JSON)
                    .header("X-IDEMPOTENCY-KEY", order.idempotencyKey())
                    .body(JSON.writeValueAsString(body)).retrieve().body(String.class);
            return outcome(read(answer));
        } catch (RestClientResponseException e) {
            String code = errorCode(e.getResponseBodyAsString());
            if ("DUPLICATE_TRANSACTION_ERROR".equals(code)) {
                return existing(order.idempotencyKey());
            }
            if (e.getStatusCode().is4xxClientError() && !PLATFORM_TROUBLE.contains(code) && e.getStatusCode().value() != 401
                    && e.getStatusCode().value() != 403 && e.getStatusCode().value() != 429) {
                return new Refused("Xendit: " + code + " " + message(e.getResponseBodyAsString()));
            }
            throw new Unavailable("Xendit did not take the disbursement: HTTP " + e.getStatusCode().value() + " " + code, e);
        } catch (RestClientException | JacksonException e) {
            throw new Unavailable("Xendit did not take the disbursement: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * {@code GET /disbursements/{id}}: the disbursement as Xendit holds it now, read as its callback would be. Xendit
     * answers one it does not know with 404 {@code DIRECT_DISBURSEMENT_NOT_FOUND_ERROR}.
     */
    @Override
    public Optional<Outcome> status(String reference) {
        try {
            return Optional.of(outcome(read(client.get().uri("/disbursements/{id}", reference).retrieve().body(String.class))));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                return Optional.empty();
            }
            throw new Unavailable("Xendit did not answer the status of " + reference + ": HTTP " + e.getStatusCode().value() + " "
                    + errorCode(e.getResponseBodyAsString()), e);
        } catch (RestClientException | JacksonException e) {
            throw new Unavailable("Xendit did not answer the status of " + reference + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** The disbursement an earlier call of this attempt made. */
    private Outcome existing(String externalId) {
        try {
            JsonNode found = read(client.get().uri("/disbursements?external_id={id}", externalId).retrieve().body(String.class));
            JsonNode disbursement = found.isArray() ? found.path(0) : found;
            if (disbursement.isMissingNode() || disbursement.path("id").asString("").isEmpty()) {
                throw new Unavailable("Xendit called " + externalId + " a duplicate but does not list it", null);
            }
            return outcome(disbursement);
        } catch (RestClientException | JacksonException e) {
            throw new Unavailable("Xendit did not answer the look-up of " + externalId + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * A disbursement as Xendit shows it (the create and get answers, and the callback, share its fields): COMPLETED is
     * paid, FAILED refused with its {@code failure_code}, anything else still under way.
     */
    static Outcome outcome(JsonNode disbursement) {
        String id = disbursement.path("id").asString("");
        if (id.isEmpty()) {
            throw new Unavailable("Xendit answered the disbursement without an id", null);
        }
        return switch (disbursement.path("status").asString("")) {
            case "COMPLETED" -> new Paid(id);
            case "FAILED" -> new Refused("Xendit: " + disbursement.path("failure_code").asString("FAILED"));
            default -> new Accepted(id);
        };
    }

    private static JsonNode read(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new Unavailable("Xendit answered with an empty body", null);
        }
        return JSON.readTree(answer);
    }

    private static String errorCode(String body) {
        return field(body, "error_code");
    }

    private static String message(String body) {
        String message = field(body, "message");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static String field(String body, String name) {
        try {
            return JSON.readTree(body).path(name).asString("");
        } catch (JacksonException e) {
            return "";
        }
    }
}
