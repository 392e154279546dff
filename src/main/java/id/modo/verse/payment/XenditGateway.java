package id.modo.verse.payment;

import id.modo.verse.common.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Xendit through its REST API: an invoice (hosted payment page) per payment with our payment id as
 * {@code external_id}; status look-ups by the invoice id; refunds through the Refunds API by invoice id. A callback
 * is trusted only when its {@code x-callback-token} header equals the account's verification token. Xendit sends one
 * invoice callback per status (PAID, then SETTLED, or EXPIRED) and retries it until we answer 200, so the de-duplication
 * key is the invoice id with that status.
 */
class XenditGateway implements PaymentGateway {

    static final String NAME = "xendit";
    static final String CALLBACK_TOKEN_HEADER = "x-callback-token";
    /** Currencies Xendit invoices are issued in; IDR and VND only in whole units. */
    private static final Set<String> CURRENCIES = Set.of("IDR", "PHP", "THB", "VND", "MYR");
    private static final Set<String> WHOLE_UNITS = Set.of("IDR", "VND");
    private static final int NOTE_LIMIT = 500;

    private final ProviderApi api;
    private final byte[] callbackToken;

    XenditGateway(PaymentProperties.Xendit properties, Duration timeout) {
        this.api = new ProviderApi("Xendit", properties.apiBase(), properties.secretKey(), timeout);
        this.callbackToken = properties.callbackToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean testMode() {
        return false;
    }

    @Override
    public Optional<String> refusal(Money amount) {
        if (!CURRENCIES.contains(amount.currency())) {
            return Optional.of("Xendit takes payments in " + String.join(", ", CURRENCIES.stream().sorted().toList()) + " only.");
        }
        // Xendit would silently drop the fraction of an IDR amount; we refuse rather than charge less than asked.
        if (WHOLE_UNITS.contains(amount.currency()) && amount.amount().stripTrailingZeros().scale() > 0) {
            return Optional.of("Xendit takes whole " + amount.currency() + " amounts only.");
        }
        return Optional.empty();
    }

    @Override
    public OpenedCheckout open(CheckoutOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external_id", order.paymentId().toString());
        body.put("amount", amount(order.amount()));
        if (order.payerEmail() != null) {
            body.put("payer_email", order.payerEmail());
        }
        body.put("description", order.description());
        body.put("success_redirect_url", order.returnUrl().toString());
        body.put("failure_redirect_url", order.cancelUrl().toString());
        body.put("currency", order.amount().currency());
        JsonNode invoice = api.post("an invoice", body, Map.of(), "/v2/invoices");
        String id = invoice.path("id").asString(null);
        String url = invoice.path("invoice_url").asString(null);
        if (id == null || url == null) {
            throw new GatewayUnavailableException("Xendit answered the invoice without id and invoice_url", null);
        }
        return new OpenedCheckout(id, URI.create(url));
    }

    @Override
    public String refund(PaymentSnapshot payment, Money amount, String reason) {
        String referenceId = "refund-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invoice_id", payment.gatewayReference());
        body.put("reference_id", referenceId);
        body.put("amount", amount(amount));
        body.put("currency", amount.currency());
        // Xendit's reason is one of a fixed list; the operator's words travel in the metadata.
        body.put("reason", "REQUESTED_BY_CUSTOMER");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("payment_id", payment.paymentId().toString());
        if (reason != null && !reason.isBlank()) {
            metadata.put("note", reason.length() > NOTE_LIMIT ? reason.substring(0, NOTE_LIMIT) : reason);
        }
        body.put("metadata", metadata);
        JsonNode refund = api.post("a refund", body, Map.of("Idempotency-key", referenceId), "/refunds");
        String status = refund.path("status").asString("");
        if ("FAILED".equals(status) || refund.path("id").asString(null) == null) {
            throw new GatewayUnavailableException("Xendit refused the refund: " + status + " "
                    + refund.path("failure_code").asString(""), null);
        }
        return refund.path("id").asString();
    }

    @Override
    public List<Notification> verify(Map<String, String> headers, byte[] body) {
        String token = headers.get(CALLBACK_TOKEN_HEADER);
        if (token == null || !MessageDigest.isEqual(callbackToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidNotificationException("The x-callback-token header is missing or wrong.");
        }
        JsonNode callback = ProviderApi.jsonObject(body, "The callback body is not Xendit JSON.");
        // Refund callbacks ({"event": "refund.succeeded", …}) are acknowledged: the refund was recorded when Xendit took it.
        if (callback.has("event")) {
            return List.of();
        }
        return read(callback, new String(body, StandardCharsets.UTF_8)).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<Notification> status(PaymentSnapshot payment) {
        if (payment.gatewayReference() == null) {
            return Optional.empty();
        }
        Optional<JsonNode> invoice = api.get("a status request", "/v2/invoices/{id}", payment.gatewayReference());
        try {
            return invoice.flatMap(answer -> read(answer, ProviderApi.JSON.writeValueAsString(answer)))
                    .filter(notification -> notification.outcome() != Outcome.PENDING);
        } catch (InvalidNotificationException e) {
            throw new GatewayUnavailableException("Xendit answered the status request unreadably: " + e.getMessage(), e);
        }
    }

    /** An invoice callback or invoice object (the same fields); empty for statuses we do not act on. */
    private static Optional<Notification> read(JsonNode invoice, String payload) {
        String status = invoice.path("status").asString("");
        Outcome outcome = switch (status) {
            case "PAID", "SETTLED" -> Outcome.COMPLETED;
            case "PENDING" -> Outcome.PENDING;
            case "EXPIRED" -> Outcome.FAILED;
            default -> null;
        };
        String id = invoice.path("id").asString("");
        if (outcome == null || id.isEmpty()) {
            return Optional.empty();
        }
        Notification notification = Notification.of(id + ":" + status, "invoice." + status.toLowerCase(java.util.Locale.ROOT),
                ProviderApi.paymentId(invoice.path("external_id").asString("")), id, outcome, payload);
        String currency = invoice.path("currency").asString(Money.IDR);
        if (outcome == Outcome.COMPLETED) {
            BigDecimal paid = ProviderApi.decimal(invoice.path("paid_amount"))
                    .or(() -> ProviderApi.decimal(invoice.path("amount")))
                    .orElseThrow(() -> new InvalidNotificationException("The Xendit invoice names no paid_amount."));
            notification = notification.withAmount(ProviderApi.money(paid, currency));
            Optional<BigDecimal> received = ProviderApi.decimal(invoice.path("adjusted_received_amount"));
            if (received.isPresent() && received.get().compareTo(paid) <= 0) {
                notification = notification.withFee(ProviderApi.money(paid.subtract(received.get()), currency));
            }
        }
        if (outcome == Outcome.FAILED) {
            notification = notification.withFailureReason("Xendit: invoice expired");
        }
        return Optional.of(notification);
    }

    /** Whole units as an integer JSON number where Xendit counts so, else the exact decimal. */
    private static Object amount(Money money) {
        return WHOLE_UNITS.contains(money.currency()) ? money.amount().longValueExact() : money.amount();
    }
}
