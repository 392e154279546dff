package id.modo.verse.payment;

import java.net.URI;

/**
 * A started payment: send the payer's browser to {@code redirectUrl} (the gateway's hosted checkout, or the
 * sandbox's own page). {@code testMode} is true for the sandbox, whose pages say "test payments".
 */
public record Checkout(PaymentId paymentId, String gateway, URI redirectUrl, boolean testMode) {
}
