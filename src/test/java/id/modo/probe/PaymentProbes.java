package id.modo.probe;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import id.modo.verse.common.Money;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.IdempotentRequests;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentEvents.PaymentRefunded;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentPurpose;
import id.modo.verse.payment.PaymentRequest;
import id.modo.verse.payment.Payments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lives outside {@code id.modo.verse} so the app's component scan never finds it. A test-only caller of
 * {@link Payments#start} behind {@link IdempotentRequests}, as billing, credit, invest and shop call them, and a
 * listener that records every payment event it is delivered through the event publication registry.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PaymentProbes {

    public record StartRequest(@NotNull PaymentPurpose purpose, @NotBlank String reference, UUID organizationId,
            @NotBlank String amount, @NotBlank String currency, @NotBlank String returnPath, String gateway) {
    }

    public record StartResponse(UUID paymentId, String gateway,
            @Schema(format = "uri-reference", description = "absolute, or a path on this site for the sandbox") URI redirectUrl, boolean testMode) {
    }

    @RestController
    static class PaymentProbeController {

        private final Payments payments;
        private final IdempotentRequests idempotent;

        PaymentProbeController(Payments payments, IdempotentRequests idempotent) {
            this.payments = payments;
            this.idempotent = idempotent;
        }

        @ApiResponse(responseCode = "201", description = "Payment started", content = @Content(schema = @Schema(implementation = StartResponse.class)))
        @PostMapping("/api/v1/test-payments")
        ResponseEntity<?> start(@AuthenticationPrincipal CurrentUser caller,
                @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key, @Valid @RequestBody StartRequest request) {
            return idempotent.run(caller.id().value(), key, "POST", "/api/v1/test-payments", request, () -> {
                Money amount;
                try {
                    amount = Money.of(request.amount(), request.currency());
                } catch (IllegalArgumentException e) {
                    throw new id.modo.verse.common.ProblemException(id.modo.verse.common.ProblemType.VALIDATION, e.getMessage());
                }
                PaymentRequest payment = new PaymentRequest(request.organizationId(), caller.id().value(), request.purpose(),
                        request.reference(), amount, "Test purchase " + request.reference(), caller.email(), caller.getName(),
                        request.returnPath());
                Checkout checkout = request.gateway() == null ? payments.start(payment) : payments.start(payment, request.gateway());
                return ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/v1/payments/" + checkout.paymentId()))
                        .body(new StartResponse(checkout.paymentId().value(), checkout.gateway(), checkout.redirectUrl(), checkout.testMode()));
            });
        }
    }

    /** Every payment event delivered to a module listener, in delivery order. */
    public static class DeliveredPaymentEvents {

        private final List<Object> delivered = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        public void on(PaymentCompleted event) {
            delivered.add(event);
        }

        @ApplicationModuleListener
        public void on(PaymentFailed event) {
            delivered.add(event);
        }

        @ApplicationModuleListener
        public void on(PaymentRefunded event) {
            delivered.add(event);
        }

        public <T> List<T> of(Class<T> type, PaymentId payment) {
            return delivered.stream().filter(type::isInstance).map(type::cast)
                    .filter(event -> paymentOf(event).equals(payment)).toList();
        }

        private static PaymentId paymentOf(Object event) {
            return switch (event) {
                case PaymentCompleted e -> e.paymentId();
                case PaymentFailed e -> e.paymentId();
                case PaymentRefunded e -> e.paymentId();
                default -> throw new IllegalArgumentException(event.toString());
            };
        }
    }

    @Bean
    DeliveredPaymentEvents deliveredPaymentEvents() {
        return new DeliveredPaymentEvents();
    }
}
