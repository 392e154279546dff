package id.modo.verse.payment;

import id.modo.verse.common.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Midtrans through its REST APIs: a Snap transaction (hosted payment page) per payment, with our payment id as
 * the {@code order_id}; refunds and status look-ups through the Core API by that order id. An HTTP notification is
 * trusted only once its {@code signature_key} equals SHA-512(order_id + status_code + gross_amount + server key).
 * Midtrans resends a notification until we answer 200 and sends one per status change, so the event id for
 * de-duplication is the transaction id with the status it reports (and, for refunds, the refunded total).
 */
class MidtransGateway implements PaymentGateway {

    static final String NAME = "midtrans";
    /** Snap limits an item name to 50 characters. */
    private static final int ITEM_NAME_LIMIT = 50;
    private static final int REASON_LIMIT = 255;
    private static final int CUSTOM_FIELD_LIMIT = 255;

    private final ProviderApi snap;
    private final ProviderApi core;
    private final byte[] serverKey;

    MidtransGateway(PaymentProperties.Midtrans properties, Duration timeout) {
        this.snap = new ProviderApi("Midtrans", properties.snapBase(), properties.serverKey(), timeout);
        this.core = new ProviderApi("Midtrans", properties.apiBase(), properties.serverKey(), timeout);
        this.serverKey = properties.serverKey().getBytes(StandardCharsets.UTF_8);
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
        if (!Money.IDR.equals(amount.currency())) {
            return Optional.of("Midtrans takes payments in IDR only.");
        }
        if (amount.amount().stripTrailingZeros().scale() > 0) {
            return Optional.of("Midtrans takes whole rupiah only.");
        }
        return Optional.empty();
    }

    @Override
    public OpenedCheckout open(CheckoutOrder order) {
        String orderId = order.paymentId().toString();
        long gross = wholeRupiah(order.amount());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_details", Map.of("order_id", orderId, "gross_amount", gross));
        body.put("item_details", List.of(Map.of("id", orderId, "price", gross, "quantity", 1,
                "name", abbreviate(order.description(), ITEM_NAME_LIMIT))));
        Map<String, Object> customer = new LinkedHashMap<>();
        if (order.payerName() != null) {
            customer.put("first_name", order.payerName());
        }
        if (order.payerEmail() != null) {
            customer.put("email", order.payerEmail());
        }
        body.put("customer_details", customer);
        body.put("callbacks", Map.of("finish", order.returnUrl().toString()));
        // The item name is cut at 50 characters; the whole description stays with the transaction in the dashboard.
        body.put("custom_field1", abbreviate(order.description(), CUSTOM_FIELD_LIMIT));
        JsonNode answer = snap.post("a Snap transaction", body, Map.of(), "/snap/v1/transactions");
        String redirect = answer.path("redirect_url").asString(null);
        if (redirect == null || answer.path("token").asString(null) == null) {
            throw new GatewayUnavailableException("Midtrans answered the Snap transaction without token and redirect_url", null);
        }
        // The order id, not the Snap token, is what notifications, status and refunds name the payment by.
        return new OpenedCheckout(orderId, URI.create(redirect));
    }

    @Override
    public String refund(PaymentSnapshot payment, Money amount, String reason) {
        // Midtrans treats a repeated refund_key as a retry of the same refund, never as a second one.
        String refundKey = "refund-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refund_key", refundKey);
        body.put("amount", wholeRupiah(amount));
        body.put("reason", reason == null || reason.isBlank() ? "Refund" : abbreviate(reason, REASON_LIMIT));
        JsonNode answer = core.post("a refund", body, Map.of(), "/v2/{orderId}/refund", orderId(payment));
        // Midtrans reports refusals (status_code 412, 418, …) inside a 200 answer.
        String statusCode = answer.path("status_code").asString("");
        if (!"200".equals(statusCode)) {
            throw new GatewayUnavailableException("Midtrans refused the refund: " + statusCode + " "
                    + answer.path("status_message").asString(""), null);
        }
        return answer.path("refund_key").asString(refundKey);
    }

    @Override
    public List<Notification> verify(Map<String, String> headers, byte[] body) {
        JsonNode notification = ProviderApi.jsonObject(body, "The notification body is not Midtrans JSON.");
        String orderId = notification.path("order_id").asString("");
        String statusCode = notification.path("status_code").asString("");
        String grossAmount = notification.path("gross_amount").asString("");
        String signature = notification.path("signature_key").asString("");
        if (orderId.isEmpty() || statusCode.isEmpty() || grossAmount.isEmpty() || signature.isEmpty()) {
            throw new InvalidNotificationException("The Midtrans notification lacks order_id, status_code, gross_amount or signature_key.");
        }
        byte[] expected = HexFormat.of().formatHex(sha512(orderId + statusCode + grossAmount)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidNotificationException("The Midtrans signature_key does not verify.");
        }
        return read(notification, new String(body, StandardCharsets.UTF_8)).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<Notification> status(PaymentSnapshot payment) {
        Optional<JsonNode> answer = core.get("a status request", "/v2/{orderId}/status", orderId(payment));
        // An order the payer never finished choosing a method for is unknown to the Core API (status_code 404).
        if (answer.isEmpty() || "404".equals(answer.get().path("status_code").asString(""))) {
            return Optional.empty();
        }
        try {
            return read(answer.get(), ProviderApi.JSON.writeValueAsString(answer.get()))
                    .filter(notification -> notification.outcome() != Outcome.PENDING);
        } catch (InvalidNotificationException e) {
            throw new GatewayUnavailableException("Midtrans answered the status request unreadably: " + e.getMessage(), e);
        }
    }

    /** A notification or status answer, whose shapes Midtrans keeps the same; empty for statuses we do not act on. */
    private static Optional<Notification> read(JsonNode transaction, String payload) {
        String status = transaction.path("transaction_status").asString("");
        String fraud = transaction.path("fraud_status").asString("accept");
        Outcome outcome = switch (status) {
            case "capture" -> switch (fraud) {
                case "accept" -> Outcome.COMPLETED;
                case "challenge" -> Outcome.PROCESSING;
                default -> Outcome.FAILED;
            };
            case "settlement" -> Outcome.COMPLETED;
            case "pending" -> Outcome.PENDING;
            case "authorize" -> Outcome.PROCESSING;
            case "deny", "cancel", "expire", "failure" -> Outcome.FAILED;
            case "refund", "partial_refund" -> Outcome.REFUNDED;
            default -> null;
        };
        if (outcome == null) {
            return Optional.empty();
        }
        String orderId = transaction.path("order_id").asString("");
        String transactionId = transaction.path("transaction_id").asString(orderId);
        String currency = transaction.path("currency").asString(Money.IDR);
        Money gross = ProviderApi.decimal(transaction.path("gross_amount")).map(amount -> ProviderApi.money(amount, currency))
                .orElseThrow(() -> new PaymentGateway.InvalidNotificationException("The Midtrans gross_amount is not a decimal."));
        String eventId = transactionId + ":" + status + ":" + transaction.path("status_code").asString("");
        Notification notification = Notification.of(eventId, status, ProviderApi.paymentId(orderId), orderId, outcome, payload).withAmount(gross);
        if (outcome == Outcome.REFUNDED) {
            Money refunded = refundedTotal(transaction, currency);
            // Each partial refund is its own notification with the same transaction id and status.
            notification = new Notification(eventId + ":" + refunded.plain(), status, notification.paymentId(), orderId, outcome,
                    gross, null, refunded, null, null, payload);
        }
        if (outcome == Outcome.FAILED) {
            notification = notification.withFailureReason("Midtrans: " + status
                    + ("capture".equals(status) ? " (fraud status " + fraud + ")" : ""));
        }
        return Optional.of(notification);
    }

    /** The sum of the refunds[] list Midtrans sends with refund statuses, else its refund_amount. */
    private static Money refundedTotal(JsonNode transaction, String currency) {
        BigDecimal total = BigDecimal.ZERO;
        JsonNode refunds = transaction.path("refunds");
        if (refunds.isArray() && !refunds.isEmpty()) {
            for (JsonNode refund : refunds) {
                total = total.add(ProviderApi.decimal(refund.path("refund_amount")).orElse(BigDecimal.ZERO));
            }
        } else {
            total = ProviderApi.decimal(transaction.path("refund_amount")).orElse(BigDecimal.ZERO);
        }
        return ProviderApi.money(total, currency);
    }

    private static String orderId(PaymentSnapshot payment) {
        return payment.gatewayReference() != null ? payment.gatewayReference() : payment.paymentId().toString();
    }

    private static long wholeRupiah(Money amount) {
        return amount.amount().longValueExact();
    }

    private byte[] sha512(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            return digest.digest(serverKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java runtime", e);
        }
    }

    private static String abbreviate(String text, int limit) {
        return text.length() > limit ? text.substring(0, limit) : text;
    }
}
