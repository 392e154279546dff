package id.modo.verse.payment;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import id.modo.verse.common.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe through its official SDK: Checkout Sessions in payment mode (saving the card for off-session use when the
 * payment is an organization's subscription), refunds, off-session PaymentIntents for renewals. Webhooks are verified
 * from the raw body with the {@code Stripe-Signature} header and a 300 s tolerance before anything in them is read.
 * Our payment id travels in the metadata of the session and its PaymentIntent, so every event names its payment.
 */
class StripeGateway implements PaymentGateway {

    static final String NAME = "stripe";
    static final long TOLERANCE_SECONDS = 300;
    /** Currencies Stripe counts in whole units; all others in hundredths. */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF",
            "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    private final StripeClient client;
    private final String webhookSecret;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeGateway(PaymentProperties.Stripe properties, java.time.Duration timeout) {
        this.client = StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout((int) timeout.toMillis())
                .setReadTimeout((int) timeout.toMillis())
                // A retry here would hold the caller; the reconciliation job asks again later instead.
                .setMaxNetworkRetries(0)
                .build();
        this.webhookSecret = properties.webhookSecret();
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
    public OpenedCheckout open(CheckoutOrder order) {
        String paymentId = order.paymentId().toString();
        SessionCreateParams.PaymentIntentData.Builder intent = SessionCreateParams.PaymentIntentData.builder()
                .putMetadata("payment_id", paymentId)
                .setDescription(order.description());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(paymentId)
                .putMetadata("payment_id", paymentId)
                .setSuccessUrl(order.returnUrl().toString())
                .setCancelUrl(order.cancelUrl().toString())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(order.amount().currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(minorUnits(order.amount()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(order.description()).build())
                                .build())
                        .build());
        if (order.payerEmail() != null) {
            params.setCustomerEmail(order.payerEmail());
        }
        if (order.saveMethod()) {
            params.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
            intent.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
        }
        params.setPaymentIntentData(intent.build());
        try {
            Session session = client.v1().checkout().sessions().create(params.build(), idempotent("checkout-" + paymentId));
            return new OpenedCheckout(session.getId(), URI.create(session.getUrl()));
        } catch (StripeException | RuntimeException e) {
            throw new GatewayUnavailableException("Stripe did not create a Checkout Session: " + describe(e), e);
        }
    }

    @Override
    public String chargeSaved(CheckoutOrder order, SavedMethod method) {
        String paymentId = order.paymentId().toString();
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(minorUnits(order.amount()))
                .setCurrency(order.amount().currency().toLowerCase(Locale.ROOT))
                .setCustomer(method.customerReference())
                .setPaymentMethod(method.methodReference())
                .setOffSession(true)
                .setConfirm(true)
                .setDescription(order.description())
                .putMetadata("payment_id", paymentId)
                .build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, idempotent("charge-" + paymentId));
            return intent.getId();
        } catch (com.stripe.exception.CardException e) {
            // A declined card is an outcome, reported by Stripe's payment_intent.payment_failed webhook.
            return e.getStripeError() != null && e.getStripeError().getPaymentIntent() != null
                    ? e.getStripeError().getPaymentIntent().getId() : "declined-" + paymentId;
        } catch (StripeException | RuntimeException e) {
            throw new GatewayUnavailableException("Stripe did not take the off-session charge: " + describe(e), e);
        }
    }

    @Override
    public String refund(PaymentSnapshot payment, Money amount, String reason) {
        try {
            String intent = paymentIntentOf(payment.gatewayReference());
            RefundCreateParams.Builder params = RefundCreateParams.builder()
                    .setPaymentIntent(intent)
                    .setAmount(minorUnits(amount))
                    .putMetadata("payment_id", payment.paymentId().toString());
            if (reason != null && !reason.isBlank()) {
                params.putMetadata("reason", reason.length() > 400 ? reason.substring(0, 400) : reason);
            }
            Refund refund = client.v1().refunds().create(params.build(), idempotent("refund-" + UUID.randomUUID()));
            if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
                throw new GatewayUnavailableException("Stripe refused the refund (" + refund.getStatus() + ")", null);
            }
            return refund.getId();
        } catch (StripeException | RuntimeException e) {
            if (e instanceof GatewayUnavailableException unavailable) {
                throw unavailable;
            }
            throw new GatewayUnavailableException("Stripe did not take the refund: " + describe(e), e);
        }
    }

    private String paymentIntentOf(String reference) throws StripeException {
        if (reference.startsWith("pi_")) {
            return reference;
        }
        Session session = client.v1().checkout().sessions().retrieve(reference);
        if (session.getPaymentIntent() == null) {
            throw new GatewayUnavailableException("The Checkout Session has no PaymentIntent to refund", null);
        }
        return session.getPaymentIntent();
    }

    @Override
    public List<Notification> verify(Map<String, String> headers, byte[] body) {
        String signature = headers.get("stripe-signature");
        if (signature == null) {
            throw new InvalidNotificationException("The Stripe-Signature header is missing.");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        try {
            client.constructEvent(payload, signature, webhookSecret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new InvalidNotificationException("The Stripe signature does not verify or is too old.");
        } catch (RuntimeException e) {
            throw new InvalidNotificationException("The notification body is not a Stripe event.");
        }
        try {
            JsonNode event = json.readTree(payload);
            return notification(event.path("id").asString(), event.path("type").asString(), event.path("data").path("object"), payload)
                    .map(List::of).orElse(List.of());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidNotificationException("The notification body is not a Stripe event.");
        }
    }

    /** Reads the events this module acts on; others are acknowledged and ignored. */
    private Optional<Notification> notification(String eventId, String type, JsonNode object, String payload) {
        String currency = object.path("currency").asString("").toUpperCase(Locale.ROOT);
        PaymentId paymentId = paymentIdIn(object);
        String reference = object.path("id").asString(null);
        Outcome outcome = switch (type) {
            case "checkout.session.completed" -> "paid".equals(object.path("payment_status").asString()) || "no_payment_required"
                    .equals(object.path("payment_status").asString()) ? Outcome.COMPLETED : Outcome.PROCESSING;
            case "checkout.session.async_payment_succeeded", "payment_intent.succeeded" -> Outcome.COMPLETED;
            case "checkout.session.async_payment_failed", "checkout.session.expired", "payment_intent.payment_failed",
                 "payment_intent.canceled" -> Outcome.FAILED;
            case "payment_intent.processing" -> Outcome.PROCESSING;
            case "charge.refunded" -> Outcome.REFUNDED;
            default -> null;
        };
        if (outcome == null) {
            return Optional.empty();
        }
        Notification notification = Notification.of(eventId, type, paymentId, reference, outcome, payload);
        if (type.startsWith("checkout.session.") && object.hasNonNull("amount_total") && !currency.isEmpty()) {
            notification = notification.withAmount(fromMinorUnits(object.path("amount_total").asLong(), currency));
        }
        if (type.equals("payment_intent.succeeded") && !currency.isEmpty()) {
            notification = notification.withAmount(fromMinorUnits(object.path("amount_received").asLong(), currency));
            String customer = object.path("customer").asString(null);
            String method = object.path("payment_method").asString(null);
            if (customer != null && method != null && "off_session".equals(object.path("setup_future_usage").asString(null))) {
                notification = notification.withSavedMethod(new SavedMethod(customer, method, "Stripe card"));
            }
        }
        if (type.equals("charge.refunded")) {
            notification = notification.withTotalRefunded(fromMinorUnits(object.path("amount_refunded").asLong(), currency));
        }
        if (outcome == Outcome.FAILED) {
            String reason = object.path("last_payment_error").path("message").asString(null);
            notification = notification.withFailureReason(reason != null ? reason : type);
        }
        return Optional.of(notification);
    }

    private static PaymentId paymentIdIn(JsonNode object) {
        String id = object.path("metadata").path("payment_id").asString(null);
        if (id == null) {
            id = object.path("client_reference_id").asString(null);
        }
        if (id == null) {
            return null;
        }
        try {
            return PaymentId.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Optional<Notification> status(PaymentSnapshot payment) {
        if (payment.gatewayReference() == null) {
            return Optional.empty();
        }
        try {
            if (payment.gatewayReference().startsWith("pi_")) {
                PaymentIntent intent = client.v1().paymentIntents().retrieve(payment.gatewayReference());
                Outcome outcome = switch (intent.getStatus()) {
                    case "succeeded" -> Outcome.COMPLETED;
                    case "canceled", "requires_payment_method" -> Outcome.FAILED;
                    case "processing" -> Outcome.PROCESSING;
                    default -> null;
                };
                return Optional.ofNullable(outcome).map(o -> reconciled(payment, "payment_intent." + intent.getStatus(), o,
                        fromMinorUnits(intent.getAmountReceived() == null ? 0 : intent.getAmountReceived(), payment.amount().currency())));
            }
            Session session = client.v1().checkout().sessions().retrieve(payment.gatewayReference());
            Outcome outcome = "complete".equals(session.getStatus()) && "paid".equals(session.getPaymentStatus()) ? Outcome.COMPLETED
                    : "expired".equals(session.getStatus()) ? Outcome.FAILED : null;
            return Optional.ofNullable(outcome).map(o -> reconciled(payment, "checkout.session." + session.getStatus(), o,
                    session.getAmountTotal() == null ? null : fromMinorUnits(session.getAmountTotal(), payment.amount().currency())));
        } catch (StripeException | RuntimeException e) {
            throw new GatewayUnavailableException("Stripe did not report the payment's status: " + describe(e), e);
        }
    }

    private static Notification reconciled(PaymentSnapshot payment, String type, Outcome outcome, Money amount) {
        Notification notification = Notification.of("reconcile:" + payment.paymentId() + ":" + outcome.name().toLowerCase(Locale.ROOT),
                type, payment.paymentId(), payment.gatewayReference(), outcome, "{\"source\":\"reconciliation\"}").withAmount(amount);
        return outcome == Outcome.FAILED ? notification.withFailureReason(type) : notification;
    }

    static long minorUnits(Money money) {
        BigDecimal units = ZERO_DECIMAL.contains(money.currency()) ? money.amount() : money.amount().movePointRight(2);
        return units.longValueExact();
    }

    static Money fromMinorUnits(long units, String currency) {
        BigDecimal amount = ZERO_DECIMAL.contains(currency) ? BigDecimal.valueOf(units) : BigDecimal.valueOf(units).movePointLeft(2);
        return new Money(amount, currency);
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** The failure without anything secret: the SDK's message never carries the API key. */
    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
