package id.modo.verse.payment;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.payment.PaymentGateway.InvalidNotificationException;
import id.modo.verse.payment.PaymentGateway.Notification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment providers (and the sandbox) send their notifications. Public: the provider proves itself with
 * the signature or token over the raw body, which is verified before anything is read from it.
 */
@Tag(name = "Payments", description = "Payments through Stripe, Midtrans, Xendit and the sandbox")
@RestController
class PaymentWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final PaymentGateways gateways;
    private final PaymentNotifications notifications;

    PaymentWebhookController(PaymentGateways gateways, PaymentNotifications notifications) {
        this.gateways = gateways;
        this.notifications = notifications;
    }

    /**
     * {@code applied}: new notifications acted on; {@code refused}: new ones recorded but not applied because their
     * money does not match the payment (the admin is alerted); repeats count in neither.
     */
    record Received(boolean received, int applied, int refused) {
    }

    @Operation(summary = "A payment provider's notification (raw body, verified by the provider's signature or token)")
    @PostMapping("/api/v1/payments/webhooks/{gateway}")
    Received receive(@PathVariable String gateway, @RequestHeader HttpHeaders headers,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the notification as the provider sends it, read as bytes",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(types = "object")))
            @RequestBody(required = false) byte[] body) {
        PaymentGateway target = gateways.find(gateway)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No payment gateway '" + gateway + "' here."));
        Map<String, String> lowerCaseHeaders = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCaseHeaders.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.getFirst()));
        List<Notification> verified;
        try {
            verified = target.verify(lowerCaseHeaders, body == null ? new byte[0] : body);
        } catch (InvalidNotificationException e) {
            log.warn("Rejected a {} notification: {}", gateway, e.getMessage());
            throw new ProblemException(PaymentProblems.INVALID_NOTIFICATION, e.getMessage());
        }
        int applied = 0;
        int refused = 0;
        for (Notification notification : verified) {
            switch (notifications.apply(target.name(), notification)) {
                case APPLIED -> applied++;
                case REFUSED -> refused++;
                case REPEATED -> {
                }
            }
        }
        // A refused notification is answered 200 like any other verified one, not 4xx: every provider resends a
        // notification until it gets a 2xx (Stripe for three days, then disables the endpoint; Midtrans and Xendit on a
        // retry schedule), and a resend carries the same signed content, so it could never be accepted. It is recorded,
        // the payment is left as it was and an admin is alerted (PaymentNotificationRefused); the body says so.
        return new Received(true, applied, refused);
    }
}
