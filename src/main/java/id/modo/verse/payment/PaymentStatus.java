package id.modo.verse.payment;

public enum PaymentStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
