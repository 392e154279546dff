package id.modo.verse.payment;

import id.modo.verse.common.LowercaseEnumConverter;
import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentEvents.PaymentFailed;
import id.modo.verse.payment.PaymentEvents.PaymentRefunded;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One attempt to collect money. Its status only moves forward: pending → processing → completed | failed,
 * completed → partially_refunded → refunded. Each transition method returns the event to publish, or empty
 * when the change would move backwards or repeat a state, so a late, repeated or out-of-order notification
 * changes nothing and no event is published twice. Callers hold the row lock while they call these.
 */
@Entity
@Table(name = "payments")
class Payment {

    @Id
    private UUID id;
    @Convert(converter = PurposeConverter.class)
    private PaymentPurpose purpose;
    private String reference;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "payer_id")
    private UUID payerId;
    private String description;
    private BigDecimal amount;
    private String currency;
    @Column(name = "refunded_amount")
    private BigDecimal refundedAmount;
    private BigDecimal fee;
    private String gateway;
    @Column(name = "gateway_reference")
    private String gatewayReference;
    @Convert(converter = StatusConverter.class)
    private PaymentStatus status;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "checkout_url")
    private String checkoutUrl;
    @Column(name = "return_path")
    private String returnPath;
    @Column(name = "save_method")
    private boolean saveMethod;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "failed_at")
    private Instant failedAt;
    @Column(name = "refunded_at")
    private Instant refundedAt;
    @Version
    private long version;

    protected Payment() {
    }

    static Payment start(PaymentRequest request, String gateway, boolean saveMethod, Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.purpose = request.purpose();
        payment.reference = request.reference();
        payment.organizationId = request.organizationId();
        payment.payerId = request.payerId();
        payment.description = request.description();
        payment.amount = request.amount().amount();
        payment.currency = request.amount().currency();
        payment.refundedAmount = BigDecimal.ZERO.setScale(2);
        payment.gateway = gateway;
        payment.status = PaymentStatus.PENDING;
        payment.returnPath = request.returnPath();
        payment.saveMethod = saveMethod;
        payment.createdAt = now;
        payment.updatedAt = now;
        return payment;
    }

    /** The gateway accepted the payment and gave its own id and (for hosted pages) where the payer goes. */
    void checkoutOpened(String gatewayReference, URI checkoutUrl, Instant now) {
        this.gatewayReference = gatewayReference;
        this.checkoutUrl = checkoutUrl == null ? null : checkoutUrl.toString();
        this.updatedAt = now;
    }

    /** The payer submitted, the gateway has not settled yet (a bank transfer, 3-D Secure, a capture). */
    boolean markProcessing(Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        status = PaymentStatus.PROCESSING;
        updatedAt = now;
        return true;
    }

    Optional<PaymentCompleted> complete(Money fee, Instant now) {
        if (status != PaymentStatus.PENDING && status != PaymentStatus.PROCESSING) {
            return Optional.empty();
        }
        status = PaymentStatus.COMPLETED;
        if (fee != null) {
            this.fee = fee.amount();
        }
        completedAt = now;
        updatedAt = now;
        return Optional.of(new PaymentCompleted(paymentId(), purpose, reference, organizationId, payerId, amount(), gateway, now));
    }

    Optional<PaymentFailed> fail(String reason, Instant now) {
        if (status != PaymentStatus.PENDING && status != PaymentStatus.PROCESSING) {
            return Optional.empty();
        }
        status = PaymentStatus.FAILED;
        failureReason = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
        failedAt = now;
        updatedAt = now;
        return Optional.of(new PaymentFailed(paymentId(), purpose, reference, organizationId, payerId, amount(), gateway, failureReason));
    }

    /**
     * Records that {@code totalRefunded} has been refunded in all, as gateways report it. A total at or below
     * what is already recorded changes nothing (a repeated or late notification); a total above the amount
     * paid is refused, so refunds can never exceed the payment.
     */
    Optional<PaymentRefunded> refundedInTotal(Money totalRefunded, Instant now) {
        if (status != PaymentStatus.COMPLETED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            return Optional.empty();
        }
        Money before = refunded();
        if (totalRefunded.compareTo(before) <= 0) {
            return Optional.empty();
        }
        if (totalRefunded.compareTo(amount()) > 0) {
            throw new IllegalArgumentException("Refunds of " + totalRefunded + " would exceed the payment of " + amount());
        }
        refundedAmount = totalRefunded.amount();
        boolean full = totalRefunded.compareTo(amount()) == 0;
        status = full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        refundedAt = now;
        updatedAt = now;
        return Optional.of(new PaymentRefunded(paymentId(), purpose, reference, organizationId, payerId,
                totalRefunded.minus(before), totalRefunded, full));
    }

    boolean refundable() {
        return status == PaymentStatus.COMPLETED || status == PaymentStatus.PARTIALLY_REFUNDED;
    }

    Money refundableAmount() {
        return amount().minus(refunded());
    }

    boolean open() {
        return status == PaymentStatus.PENDING || status == PaymentStatus.PROCESSING;
    }

    PaymentView view() {
        return new PaymentView(paymentId(), purpose, reference, organizationId, payerId, amount(), refunded(),
                fee == null ? null : new Money(fee, currency), gateway, gatewayReference, status, createdAt, completedAt);
    }

    PaymentId paymentId() {
        return PaymentId.of(id);
    }

    UUID id() {
        return id;
    }

    Money amount() {
        return new Money(amount, currency);
    }

    Money refunded() {
        return new Money(refundedAmount, currency);
    }

    PaymentStatus status() {
        return status;
    }

    String gateway() {
        return gateway;
    }

    String gatewayReference() {
        return gatewayReference;
    }

    String description() {
        return description;
    }

    String returnPath() {
        return returnPath;
    }

    /**
     * Where the payer lands when the checkout fails or is abandoned: the return path marked {@code payment=failed}, so the
     * page says the payment did not go through instead of thanking them for it.
     */
    String failedReturnPath() {
        return returnPath + (returnPath.contains("?") ? "&" : "?") + "payment=failed";
    }

    UUID organizationId() {
        return organizationId;
    }

    UUID payerId() {
        return payerId;
    }

    PaymentPurpose purpose() {
        return purpose;
    }

    String reference() {
        return reference;
    }

    boolean saveMethod() {
        return saveMethod;
    }

    String checkoutUrl() {
        return checkoutUrl;
    }

    Instant createdAt() {
        return createdAt;
    }

    static class StatusConverter extends LowercaseEnumConverter<PaymentStatus> {
        StatusConverter() {
            super(PaymentStatus.class);
        }
    }

    static class PurposeConverter extends LowercaseEnumConverter<PaymentPurpose> {
        PurposeConverter() {
            super(PaymentPurpose.class);
        }
    }
}
