package id.modo.verse.billing;

import id.modo.verse.common.Money;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentRequest;
import java.util.Optional;

/**
 * What billing needs from the payment module: a hosted checkout, a charge of a saved method, a refund. Implemented
 * over the payment module's facade; where no implementation is present, paid plan changes answer 503.
 */
interface SubscriptionPayments {

    Checkout start(PaymentRequest request);

    Optional<PaymentId> chargeSaved(PaymentRequest request);

    void refund(PaymentId payment, Money amount, String reason);
}
