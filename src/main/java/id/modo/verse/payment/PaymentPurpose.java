package id.modo.verse.payment;

/**
 * What a payment pays for; the module that asked for it recognises its own payments in the
 * {@link PaymentEvents} by this and the reference it gave.
 */
public enum PaymentPurpose {
    SUBSCRIPTION, CREDIT_PACK, INVESTMENT, ORDER;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
