package id.modo.verse.billing;

import id.modo.verse.common.Formats;
import id.modo.verse.common.MailTemplate;
import id.modo.verse.common.Mailer;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.organization.Organizations;
import java.net.URI;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Mails the checkout link of a renewal that could not be charged automatically to the organization's billing contact. */
@Component
class RenewalMails {

    private final Mailer mailer;
    private final Plans plans;
    private final ModoProperties modo;

    RenewalMails(Mailer mailer, Plans plans, ModoProperties modo) {
        this.mailer = mailer;
        this.plans = plans;
        this.modo = modo;
    }

    void sendCheckoutLink(Organizations.BillingContact contact, Invoices.Invoice invoice, URI checkout) {
        // The sandbox's checkout is a page of this site, given as a path; gateways give absolute URLs.
        URI link = checkout.isAbsolute() ? checkout : modo.link(checkout.toString());
        String planName = plans.find(invoice.plan()).map(Plan::name).orElse(invoice.plan());
        for (String to : contact.recipients()) {
            // The amount is written the Indonesian way for both languages: the invoice is in rupiah.
            String amount = Formats.money(invoice.total().amount(), Currency.getInstance(invoice.total().currency()), Locale.of("id", "ID"));
            mailer.send(to, new MailTemplate.SubscriptionPaymentDue(contact.name(), planName, invoice.number(), amount, link), null);
        }
    }
}
