package id.modo.verse.credit;

import id.modo.verse.common.Money;
import id.modo.verse.common.web.ProblemException;
import id.modo.verse.common.web.ProblemType;
import id.modo.verse.common.web.Problems;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.PaymentEvents.PaymentCompleted;
import id.modo.verse.payment.PaymentPurpose;
import id.modo.verse.payment.PaymentRequest;
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
                        Map.of("errors", List.of(new Problems.FieldError("pack", "must be one of "
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
        ledger.grantPurchase(OrganizationId.of(completed.organizationId()), completed.paymentId(),
                Integer.parseInt(reference.group(2)));
    }
}
