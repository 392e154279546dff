package id.modo.verse.payment;

import id.modo.verse.common.Money;
import java.util.UUID;

/**
 * What a module asks the payment module to collect.
 *
 * @param organizationId the organization that pays, or null when a person pays for themselves (an investment, an order)
 * @param payerId the signed-in user who starts the payment
 * @param purpose what it pays for
 * @param reference the asking module's own id for what is bought (a subscription change, a pack purchase, an order); with
 *     {@code purpose} it comes back in every {@link PaymentEvents} event
 * @param amount a positive amount
 * @param description one line the payer sees on the checkout page and the gateway's receipt
 * @param payerEmail where the gateway sends its receipt
 * @param payerName the payer's name for the gateway
 * @param returnPath the path on this site (starting with {@code /}) the payer comes back to after the checkout
 */
public record PaymentRequest(UUID organizationId, UUID payerId, PaymentPurpose purpose, String reference, Money amount,
        String description, String payerEmail, String payerName, String returnPath) {
}
