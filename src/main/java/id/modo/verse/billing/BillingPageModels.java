package id.modo.verse.billing;

import id.modo.verse.organization.Organizations;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** What the billing pages' and the invoice PDF's templates render; public only because precompiled templates live in another package. */
public final class BillingPageModels {

    private BillingPageModels() {
    }

    /** The invoice PDF: every text already in the reader's language, amounts formatted. */
    public record InvoiceDocument(String lang, String number, String status, String billingName, String billingEmail, String issued,
            String paid, String period, List<Row> rows, String subtotal, String taxLabel, String tax, String total, MessageSource messages,
            Locale locale) {

        public String t(String key) {
            return messages.getMessage(key, null, key, locale);
        }

        public record Row(String description, String period, String amount) {
        }
    }

    /** The public pricing page. */
    public record PricingPage(List<Plan> plans, int trialDays, String taxPercent) {
    }

    /**
     * An organization's billing page. {@code notice} names what just happened (a message key suffix), {@code error} a
     * problem to show; {@code canManage} says whether the viewer may change billing.
     */
    /** {@code paidFrom}: when a plan paid during a trial starts (and its monthly credits arrive), null otherwise. */
    public record BillingPage(Organizations.OrganizationView organization, Subscriptions.SubscriptionView subscription, Plan currentPlan,
            List<Plan> plans, List<Invoices.Invoice> invoices, String nextCursor, boolean canManage, String notice, String error,
            String taxPercent, java.time.Instant paidFrom) {
    }

    /** The admin plans page; {@code errors} maps a plan key to the field errors of its last submit. */
    public record AdminPlansPage(List<Plan> plans, String savedKey, String errorKey, List<String> errors) {
    }
}
