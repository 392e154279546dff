package id.modo.verse.payment;

import id.modo.verse.common.Money;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port every payment provider is reached through. Adapters translate our payment into the provider's
 * wire format and the provider's notifications back into {@link Notification}s; the state changes
 * themselves happen in one place ({@link PaymentNotifications}), whichever gateway reported them.
 */
interface PaymentGateway {

    /** The name in configuration, in {@code payments.gateway} and in the webhook path. */
    String name();

    /** Whether no real money moves (the sandbox); pages then say "test payments". */
    boolean testMode();

    /**
     * Why this provider cannot take the amount (a currency it does not serve, fractions of a unit it does not
     * charge), checked before a payment or refund is stored; empty when it can.
     */
    default Optional<String> refusal(Money amount) {
        return Optional.empty();
    }

    /**
     * Opens a hosted checkout for a new payment.
     *
     * @throws GatewayUnavailableException when the provider cannot be reached or answers with an error
     */
    OpenedCheckout open(CheckoutOrder order);

    /**
     * Charges a saved method without the payer; the outcome may arrive later as a notification.
     * Returns the provider's reference for the charge.
     * <p>
     * By default not offered: a provider whose checkouts save no method (Midtrans Snap, Xendit invoices) never has a
     * stored method, so {@link Payments#chargeSaved} answers empty before it would call this.
     */
    default String chargeSaved(CheckoutOrder order, SavedMethod method) {
        throw new UnsupportedOperationException(name() + " payments save no method to charge later");
    }

    /** Asks the provider to refund part or all of a completed payment; returns the provider's refund id. */
    String refund(PaymentSnapshot payment, Money amount, String reason);

    /**
     * Verifies a notification from the raw request and reads what it says.
     *
     * @throws InvalidNotificationException when the signature, token or timestamp does not check out
     */
    List<Notification> verify(Map<String, String> headers, byte[] body);

    /** What the provider says about a payment now, for the reconciliation job; empty when it knows nothing new. */
    Optional<Notification> status(PaymentSnapshot payment);

    /** What a gateway gets to know about a payment to open its checkout. */
    record CheckoutOrder(PaymentId paymentId, Money amount, String description, String payerEmail, String payerName,
            URI returnUrl, URI cancelUrl, boolean saveMethod) {
    }

    record OpenedCheckout(String gatewayReference, URI redirectUrl) {
    }

    record PaymentSnapshot(PaymentId paymentId, String gatewayReference, Money amount, Money refunded, java.time.Instant createdAt) {
    }

    /** A method saved for an organization: the provider's customer and method tokens, never card data. */
    record SavedMethod(String customerReference, String methodReference, String label) {
    }

    enum Outcome { PENDING, PROCESSING, COMPLETED, FAILED, REFUNDED }

    /**
     * One verified statement from a gateway about one payment.
     *
     * @param eventId the provider's unique id for this notification, for de-duplication
     * @param type the provider's own name for it, kept with the stored event
     * @param paymentId our payment id when the provider echoes it back (metadata, order id, external id)
     * @param gatewayReference the provider's id of the payment when ours is not in the notification
     * @param amount what the provider says was paid, checked against the payment before it completes
     * @param totalRefunded for {@link Outcome#REFUNDED}: everything refunded so far
     * @param savedMethod a payment method the payer agreed to save, when the provider reports one
     * @param payload the notification as received (JSON), stored with the event
     */
    record Notification(String eventId, String type, PaymentId paymentId, String gatewayReference, Outcome outcome,
            Money amount, Money fee, Money totalRefunded, String failureReason, SavedMethod savedMethod, String payload) {

        static Notification of(String eventId, String type, PaymentId paymentId, String gatewayReference, Outcome outcome,
                String payload) {
            return new Notification(eventId, type, paymentId, gatewayReference, outcome, null, null, null, null, null, payload);
        }

        Notification withAmount(Money value) {
            return new Notification(eventId, type, paymentId, gatewayReference, outcome, value, fee, totalRefunded, failureReason, savedMethod, payload);
        }

        Notification withFee(Money value) {
            return new Notification(eventId, type, paymentId, gatewayReference, outcome, amount, value, totalRefunded, failureReason, savedMethod, payload);
        }

        Notification withTotalRefunded(Money value) {
            return new Notification(eventId, type, paymentId, gatewayReference, outcome, amount, fee, value, failureReason, savedMethod, payload);
        }

        Notification withFailureReason(String value) {
            return new Notification(eventId, type, paymentId, gatewayReference, outcome, amount, fee, totalRefunded, value, savedMethod, payload);
        }

        Notification withSavedMethod(SavedMethod value) {
            return new Notification(eventId, type, paymentId, gatewayReference, outcome, amount, fee, totalRefunded, failureReason, value, payload);
        }
    }

    /** The provider could not be reached in time or refused the call; the payment stays as it was. */
    class GatewayUnavailableException extends RuntimeException {
        GatewayUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A notification that is not provably from the provider: bad signature, wrong token, too old, unreadable. */
    class InvalidNotificationException extends RuntimeException {
        InvalidNotificationException(String message) {
            super(message);
        }
    }
}
