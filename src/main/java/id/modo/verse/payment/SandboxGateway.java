package id.modo.verse.payment;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default: test payments only, no money moves. Its hosted checkout is our own page
 * ({@code /payments/sandbox/{id}}); a click there makes the sandbox send a notification signed with HMAC-SHA256
 * to our own webhook, over HTTP like a real provider, so it runs through the same verification and processing.
 * Header {@code Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC of "t.body">}, accepted for 300 s.
 */
@Component
class SandboxGateway implements PaymentGateway {

    static final String NAME = "sandbox";
    static final String SIGNATURE_HEADER = "sandbox-signature";
    static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

    private final byte[] secret;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Duration checkoutValidity;
    private volatile int localPort;

    SandboxGateway(PaymentProperties properties, ModoProperties modo, Clock clock) {
        this.secret = secret(properties.sandbox().secret(), modo.dataDir());
        this.timeout = properties.gatewayTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.clock = clock;
        this.checkoutValidity = properties.sandbox().checkoutValidity();
    }

    /** The configured secret, else one generated once per data directory, so every node sharing it agrees. */
    private static byte[] secret(String configured, Path dataDir) {
        return id.modo.verse.common.KeptSecrets.configuredOrKept(configured, dataDir.resolve("payments").resolve("sandbox-secret"));
    }

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        localPort = event.getWebServer().getPort();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean testMode() {
        return true;
    }

    @Override
    public OpenedCheckout open(CheckoutOrder order) {
        return new OpenedCheckout("sbx_" + order.paymentId(), URI.create("/payments/sandbox/" + order.paymentId()));
    }

    /** Like a real provider, the outcome comes later as a notification: sent once the caller's transaction committed. */
    @Override
    public String chargeSaved(CheckoutOrder order, SavedMethod method) {
        String reference = "sbx_charge_" + UUID.randomUUID();
        String body = notificationBody(order.paymentId(), true, order.amount(), null);
        Runnable send = () -> Thread.ofVirtual().name("sandbox-charge").start(() -> {
            try {
                deliver(body);
            } catch (RuntimeException e) {
                log.warn("Sandbox could not deliver the outcome of saved-method charge {}: {}", order.paymentId(), e.getMessage());
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
        return reference;
    }

    @Override
    public String refund(PaymentSnapshot payment, Money amount, String reason) {
        return "sbx_refund_" + UUID.randomUUID();
    }

    /** The JSON the sandbox sends for a click on "Pay" ({@code paid}) or "Fail". */
    String notificationBody(PaymentId paymentId, boolean paid, Money amount, String savedMethodToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "evt_sbx_" + UUID.randomUUID());
        body.put("type", paid ? "payment.succeeded" : "payment.failed");
        body.put("payment_id", paymentId.toString());
        body.put("amount", amount.plain());
        body.put("currency", amount.currency());
        body.put("created", clock.instant().getEpochSecond());
        if (!paid) {
            body.put("failure_reason", "The test payer chose to fail the payment");
        }
        if (savedMethodToken != null) {
            body.put("saved_method", Map.of("token", savedMethodToken, "label", "Test card •••• 4242"));
        }
        return json.writeValueAsString(body);
    }

    /** Posts a signed notification to this app's own webhook, as a provider would; true when it was accepted. */
    boolean deliver(String body) {
        if (localPort <= 0) {
            throw new IllegalStateException("The web server has not started yet");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort + "/api/v1/payments/webhooks/" + NAME))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Sandbox-Signature", sign(body, clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("The sandbox notification was refused with {}: {}", response.statusCode(), response.body());
            }
            return response.statusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String sign(String body, long timestamp) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(timestamp + "." + body));
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Notification> verify(Map<String, String> headers, byte[] body) {
        String header = headers.get(SIGNATURE_HEADER);
        if (header == null) {
            throw new InvalidNotificationException("The Sandbox-Signature header is missing.");
        }
        Long timestamp = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
                signature = HexFormat.of().parseHex(pair[1]);
            }
        }
        if (timestamp == null || signature == null) {
            throw new InvalidNotificationException("The Sandbox-Signature header is malformed.");
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            throw new InvalidNotificationException("The notification's timestamp is outside the tolerance.");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(signature, hmac(timestamp + "." + text))) {
            throw new InvalidNotificationException("The signature does not match.");
        }
        try {
            JsonNode event = json.readTree(text);
            PaymentId paymentId = PaymentId.of(UUID.fromString(event.path("payment_id").asString()));
            Outcome outcome = switch (event.path("type").asString()) {
                case "payment.succeeded" -> Outcome.COMPLETED;
                case "payment.failed" -> Outcome.FAILED;
                default -> throw new InvalidNotificationException("Unknown sandbox event type.");
            };
            Notification notification = Notification.of(event.path("id").asString(), event.path("type").asString(), paymentId,
                            null, outcome, text)
                    .withAmount(Money.of(event.path("amount").asString(), event.path("currency").asString()));
            if (outcome == Outcome.FAILED) {
                notification = notification.withFailureReason(event.path("failure_reason").asString(null));
            }
            JsonNode saved = event.path("saved_method");
            if (saved.isObject()) {
                notification = notification.withSavedMethod(new SavedMethod(null, saved.path("token").asString(), saved.path("label").asString(null)));
            }
            return List.of(notification);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidNotificationException("The notification body is not a sandbox event.");
        }
    }

    /** The sandbox keeps no state of its own: a payment nobody clicked on stays pending. */
    @Override
    public Optional<Notification> status(PaymentSnapshot payment) {
        if (payment.createdAt() == null || clock.instant().isBefore(payment.createdAt().plus(checkoutValidity))) {
            return Optional.empty();
        }
        // One id per payment: however often the job asks, the expiry is one event.
        return Optional.of(Notification.of("evt_sbx_expired_" + payment.paymentId(), "checkout.expired", payment.paymentId(), null,
                Outcome.FAILED, "{\"type\":\"checkout.expired\"}").withFailureReason("The test checkout expired unpaid"));
    }
}
