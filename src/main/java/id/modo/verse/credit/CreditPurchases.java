package id.modo.verse.credit;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentPurpose;
import id.modo.verse.payment.PaymentRequest;
import id.modo.verse.payment.PaymentStatus;
import id.modo.verse.payment.Payments;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Buying a credit pack: a payment through the payment module whose reference names the pack and
 * its credits at the time of purchase (so a later change of the catalogue does not change what was
 * bought), and the grant when — and only when — the gateway's verified notification completes it.
 * <p>
 * A pack never takes the bonus bucket above {@link CreditLedger#MAX_BUCKET_BALANCE}: one that would is
 * refused before any payment (409 {@code credit-limit-exceeded}), and one that no longer fits when its
 * payment completes (two packs bought side by side, an adjustment meanwhile) is not granted: the payment
 * is refunded in full.
 */
@Service
public class CreditPurchases {

    private static final Logger log = LoggerFactory.getLogger(CreditPurchases.class);
    /** {@code <pack key>:<credits>}, e.g. {@code medium:2000}. */
    private static final Pattern REFERENCE = Pattern.compile("([a-z0-9-]{1,30}):([1-9][0-9]{0,8})");

    private final Organizations organizations;
    private final Payments payments;
    private final CreditLedger ledger;
    private final CreditProperties properties;

    CreditPurchases(Organizations organizations, Payments payments, CreditLedger ledger, CreditProperties properties) {
        this.organizations = organizations;
        this.payments = payments;
        this.ledger = ledger;
        this.properties = properties;
    }

    /** Starts the payment for a pack; owners and admins only (billing permission). */
    public Checkout buy(CurrentUser buyer, OrganizationId organization, String packKey, String returnPath) {
        organizations.require(buyer.id(), organization, Permission.MANAGE_BILLING);
        CreditProperties.Pack pack = pack(packKey);
        // Checked again, in one statement, when the credits are granted; this spares the payer a payment we would refund.
        CreditLedger.Balances balances = ledger.balances(organization);
        if (balances.bonus() > CreditLedger.MAX_BUCKET_BALANCE - pack.credits()) {
            throw CreditLedger.limitExceeded(balances, CreditLedger.Grant.PURCHASE.bucket(), pack.credits());
        }
        Money price = Money.idr(pack.priceIdr());
        return payments.start(new PaymentRequest(organization.value(), buyer.id().value(), PaymentPurpose.CREDIT_PACK,
                pack.key() + ":" + pack.credits(), price,
                "MODO credits: " + pack.credits() + " (" + pack.key() + " pack)", buyer.email(), buyer.getName(), returnPath));
    }

    CreditProperties.Pack pack(String key) {
        return properties.packs().stream()
                .filter(pack -> pack.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                        Map.of("errors", List.of(new FieldError("pack", "must be one of "
                                + properties.packs().stream().map(CreditProperties.Pack::key).toList())))));
    }

    /** Delivered through the event publication registry: a crash before it finishes retries it, and the grant is once per payment. */
    @ApplicationModuleListener
    void on(PaymentCompleted completed) {
        if (completed.purpose() != PaymentPurpose.CREDIT_PACK) {
            return;
        }
        Matcher reference = REFERENCE.matcher(completed.reference());
        if (completed.organizationId() == null || !reference.matches()) {
            log.error("Credit pack payment {} has an unreadable reference; nothing granted", completed.paymentId());
            return;
        }
        int credits = Integer.parseInt(reference.group(2));
        if (ledger.grantPurchase(OrganizationId.of(completed.organizationId()), completed.paymentId(), credits)
                == CreditLedger.PurchaseGrant.OVER_LIMIT) {
            refundOverLimit(completed, credits);
        }
    }

    /** Paid for, but the credits no longer fit under the limit: the money goes back instead. */
    private void refundOverLimit(PaymentCompleted completed, int credits) {
        boolean refundable = payments.find(completed.paymentId()).map(payment -> payment.status() == PaymentStatus.COMPLETED).orElse(false);
        if (!refundable) {
            // Delivered again after the refund went through: nothing left to do.
            log.warn("Credit pack payment {} does not fit under the limit and is no longer refundable as a whole; nothing granted",
                    completed.paymentId());
            return;
        }
        log.warn("Credit pack payment {} ({} credits) would take organization {}'s bonus credits above {}: refunding {}",
                completed.paymentId(), credits, completed.organizationId(), CreditLedger.MAX_BUCKET_BALANCE, completed.amount());
        payments.refund(completed.paymentId(), completed.amount(),
                "The " + credits + " credits would take the bonus credits above the limit of " + CreditLedger.MAX_BUCKET_BALANCE);
    }
}
