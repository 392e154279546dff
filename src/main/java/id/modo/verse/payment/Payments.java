package id.modo.verse.payment;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.payment.PaymentGateway.CheckoutOrder;
import id.modo.verse.payment.PaymentGateway.GatewayUnavailableException;
import id.modo.verse.payment.PaymentGateway.OpenedCheckout;
import id.modo.verse.payment.PaymentGateway.PaymentSnapshot;
import id.modo.verse.payment.PaymentGateway.SavedMethod;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other modules call to collect money: start a hosted checkout, charge a saved method, look a payment up,
 * refund. The outcome of a payment arrives as {@link PaymentEvents}, never as a return value, because only a
 * verified gateway notification (or the reconciliation job) may say that money moved.
 */
@Service
public class Payments {

    /** NUMERIC(14,2): at most twelve digits before the decimal point. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentRepository payments;
    private final PaymentGateways gateways;
    private final PaymentMethods methods;
    private final ModoProperties modo;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Duration gatewayTimeout;
    private final Clock clock;

    Payments(PaymentRepository payments, PaymentGateways gateways, PaymentMethods methods, ModoProperties modo,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.gateways = gateways;
        this.methods = methods;
        this.modo = modo;
        this.events = events;
        this.gatewayTimeout = properties.gatewayTimeout();
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Validates (positive amount, returnPath starts with "/"), stores a pending payment, asks the default gateway for a
     * hosted checkout, returns where to send the payer.
     */
    public Checkout start(PaymentRequest request) {
        return start(request, gateways.defaultGateway().name());
    }

    /** {@link #start(PaymentRequest)} through a named gateway (the payer chose one); 400 when it is not configured. */
    public Checkout start(PaymentRequest request, String gatewayName) {
        validate(request);
        PaymentGateway gateway = gateways.find(gatewayName).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                "The payment gateway '" + gatewayName + "' is not available."));
        gateway.refusal(request.amount()).ifPresent(reason -> {
            throw invalid(reason);
        });
        // Stored (and committed) before the gateway is called, so a payment the provider knows about is never missing here.
        boolean saveMethod = request.organizationId() != null && request.purpose() == PaymentPurpose.SUBSCRIPTION;
        Payment payment = transactions.execute(status -> payments.save(Payment.start(request, gateway.name(), saveMethod, clock.instant())));
        OpenedCheckout opened;
        try {
            opened = gateway.open(order(payment, request.payerEmail(), request.payerName()));
        } catch (GatewayUnavailableException e) {
            log.warn("Payment {} stays pending: {} did not open a checkout: {}", payment.id(), gateway.name(), e.getMessage());
            throw unavailable(gateway, payment.paymentId());
        }
        // Locked, not read: the gateway's notification may already be settling this row (a version clash would be a 500).
        transactions.executeWithoutResult(status -> payments.lockById(payment.id()).orElseThrow()
                .checkoutOpened(opened.gatewayReference(), opened.redirectUrl(), clock.instant()));
        return new Checkout(payment.paymentId(), gateway.name(), opened.redirectUrl(), gateway.testMode());
    }

    /**
     * Charges a payment method the organization saved at an earlier checkout, without the payer (renewals): the one on
     * the default gateway, else the newest on another configured gateway (a studio that paid by Stripe keeps renewing on
     * its card after the default moves to Midtrans). Empty when it has none; the outcome arrives as
     * PaymentCompleted/PaymentFailed.
     */
    public Optional<PaymentId> chargeSaved(PaymentRequest request) {
        validate(request);
        if (request.organizationId() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Only an organization can have a saved payment method.");
        }
        PaymentGateway preferred = gateways.defaultGateway();
        Optional<PaymentGateway> chosen = methods.find(request.organizationId(), preferred.name()).isPresent()
                ? Optional.of(preferred)
                : methods.gatewaysOf(request.organizationId()).stream().map(gateways::find).flatMap(Optional::stream).findFirst();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        PaymentGateway gateway = chosen.get();
        Optional<SavedMethod> method = methods.find(request.organizationId(), gateway.name());
        Payment payment = transactions.execute(status -> payments.save(Payment.start(request, gateway.name(), false, clock.instant())));
        try {
            String reference = gateway.chargeSaved(order(payment, request.payerEmail(), request.payerName()), method.get());
            // Locked, not read: the sandbox (and a fast provider) notifies before this call returns.
            transactions.executeWithoutResult(status -> payments.lockById(payment.id()).orElseThrow()
                    .checkoutOpened(reference, null, clock.instant()));
        } catch (GatewayUnavailableException e) {
            // The charge may or may not have reached the provider; the reconciliation job asks it later.
            log.warn("Saved-method charge {} on {} not confirmed yet: {}", payment.id(), gateway.name(), e.getMessage());
        }
        return Optional.of(payment.paymentId());
    }

    /**
     * The hosted checkout of the organization's newest open payment for {@code reference} whose gateway opened one, so a
     * caller asked again for the same thing can send the payer there instead of starting a second payment.
     */
    @Transactional(readOnly = true)
    public Optional<Checkout> openCheckout(UUID organizationId, PaymentPurpose purpose, String reference) {
        // In the caller's transaction, if any: a second connection while the caller holds one and a lock could starve the pool.
        return payments.findWithCheckout(organizationId, purpose, reference, EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING),
                        Limit.of(1)).stream().findFirst()
                .map(payment -> new Checkout(payment.paymentId(), payment.gateway(), URI.create(payment.checkoutUrl()),
                        gateways.find(payment.gateway()).map(PaymentGateway::testMode).orElse(false)));
    }

    /**
     * The longest {@link #start} may take to open a checkout: the gateway's connect and read timeouts one after the
     * other. A checkout asked for longer ago than this that is still not open will not open.
     */
    public Duration checkoutOpeningTime() {
        return gatewayTimeout.multipliedBy(2);
    }

    /**
     * The fee the gateway reported for a payment, empty while it reported none. In the caller's transaction, if any:
     * an event listener settling a payment holds its own connection and locks.
     */
    @Transactional(readOnly = true)
    public Optional<Money> reportedFee(PaymentId id) {
        return payments.findById(id.value()).map(Payment::view).map(PaymentView::fee);
    }

    public Optional<PaymentView> find(PaymentId id) {
        return transactions.execute(status -> payments.findById(id.value()).map(Payment::view));
    }

    /** Partial or full; more than paid minus refunded → 409. */
    public PaymentView refund(PaymentId id, Money amount, String reason) {
        return refund(null, id, amount, reason);
    }

    /**
     * Refunds through the payment's gateway, holding the payment's row lock for the call so two refunds can never
     * together exceed what was paid. The refund request is audited with {@code actorId} (null for the system).
     */
    public PaymentView refund(UUID actorId, PaymentId id, Money amount, String reason) {
        if (amount == null || !amount.isPositive()) {
            throw new ProblemException(ProblemType.VALIDATION, "A refund needs a positive amount.");
        }
        return transactions.execute(status -> {
            Payment payment = payments.lockById(id.value()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such payment."));
            if (!payment.amount().currency().equals(amount.currency())) {
                throw new ProblemException(ProblemType.VALIDATION, "The refund must be in " + payment.amount().currency() + ".");
            }
            if (!payment.refundable()) {
                throw new ProblemException(PaymentProblems.NOT_REFUNDABLE, "Only a completed payment can be refunded; this one is "
                        + payment.status().dbValue() + ".");
            }
            if (amount.compareTo(payment.refundableAmount()) > 0) {
                throw new ProblemException(PaymentProblems.REFUND_TOO_LARGE, "At most " + payment.refundableAmount().plain() + " "
                        + amount.currency() + " is left to refund.", Map.of("refundable", payment.refundableAmount().plain()));
            }
            PaymentGateway gateway = gateways.require(payment.gateway());
            gateway.refusal(amount).ifPresent(refusal -> {
                throw invalid(refusal);
            });
            String refundId;
            try {
                refundId = gateway.refund(snapshot(payment), amount, reason);
            } catch (GatewayUnavailableException e) {
                throw unavailable(gateway, payment.paymentId());
            }
            events.publishEvent(new PaymentRefundRequested(actorId, payment.paymentId(), payment.organizationId(), amount,
                    reason, refundId));
            payment.refundedInTotal(payment.refunded().plus(amount), clock.instant()).ifPresent(events::publishEvent);
            return payment.view();
        });
    }

    static PaymentSnapshot snapshot(Payment payment) {
        return new PaymentSnapshot(payment.paymentId(), payment.gatewayReference(), payment.amount(), payment.refunded(),
                payment.createdAt());
    }

    private CheckoutOrder order(Payment payment, String email, String name) {
        return new CheckoutOrder(payment.paymentId(), payment.amount(), payment.description(), email, name,
                modo.link(payment.returnPath()), modo.link(payment.failedReturnPath()), payment.saveMethod());
    }

    private static ProblemException unavailable(PaymentGateway gateway, PaymentId id) {
        return new ProblemException(PaymentProblems.GATEWAY_UNAVAILABLE, "The payment provider (" + gateway.name()
                + ") did not answer in time. Nothing was charged yet; try again in a moment.", Map.of("payment_id", id.toString()));
    }

    private static void validate(PaymentRequest request) {
        if (request == null || request.payerId() == null || request.purpose() == null) {
            throw invalid("A payment needs a payer and a purpose.");
        }
        if (request.reference() == null || request.reference().isBlank() || request.reference().length() > 255) {
            throw invalid("A payment needs a reference of at most 255 characters.");
        }
        if (request.amount() == null || !request.amount().isPositive()) {
            throw invalid("A payment needs a positive amount.");
        }
        if (request.amount().amount().compareTo(MAX_AMOUNT) > 0) {
            throw invalid("The amount is too large.");
        }
        if (request.description() == null || request.description().isBlank() || request.description().length() > 255) {
            throw invalid("A payment needs a description of at most 255 characters.");
        }
        String path = request.returnPath();
        // "//host" would leave the site: only a path on this site is a place to come back to.
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.length() > 2000
                || path.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw invalid("The return path must be a path on this site, starting with '/'.");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.VALIDATION, detail);
    }
}
