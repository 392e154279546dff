package id.modo.verse.common;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The mails MODO sends, each with the facts it needs. {@link Mailer#send(String, MailTemplate, Locale)}
 * writes it in the recipient's language (English or Bahasa Indonesia) from the {@code mail.*} texts of
 * the message bundle, as plain text and as simple HTML in which every argument is escaped.
 * Arguments are single lines: control characters and runs of white space become one space.
 */
public sealed interface MailTemplate {

    /** The template's name, kept with the mail in the outbox ({@code verify-email}). */
    String templateName();

    /** The one link the mail asks its reader to open. */
    URI link();

    /** Confirms the address of a new account: a greeting with the name, the link, valid for 24 hours. */
    record VerifyEmail(String name, URI link) implements MailTemplate {

        public VerifyEmail {
            name = required(name, "name");
            link = web(link);
        }

        @Override
        public String templateName() {
            return "verify-email";
        }
    }

    /**
     * A link to choose a new password, valid for 1 hour, with "ignore this mail if you did not ask".
     * {@code name} may be {@code null} for a greeting without a name.
     */
    record PasswordReset(@Nullable String name, URI link) implements MailTemplate {

        public PasswordReset {
            name = name == null || name.isBlank() ? null : required(name, "name");
            link = web(link);
        }

        @Override
        public String templateName() {
            return "password-reset";
        }
    }

    /**
     * An invitation to join an organization with a role ({@code owner}, {@code admin}, {@code editor},
     * {@code viewer} are translated; any other role is shown as given), valid for {@code validDays} days.
     */
    record Invitation(String inviterName, String organizationName, String role, URI link, long validDays) implements MailTemplate {

        /** The default validity of invitations, 7 days. */
        public Invitation(String inviterName, String organizationName, String role, URI link) {
            this(inviterName, organizationName, role, link, 7);
        }

        public Invitation {
            if (validDays < 1) {
                throw new IllegalArgumentException("An invitation is valid for at least a day");
            }
            inviterName = required(inviterName, "inviterName");
            organizationName = required(organizationName, "organizationName");
            role = required(role, "role");
            link = web(link);
        }

        @Override
        public String templateName() {
            return "invitation";
        }
    }

    /**
     * A subscription's renewal could not be charged automatically: the organization pays the invoice through the
     * checkout link; {@code amount} is already formatted (e.g. {@code Rp 109.890}).
     */
    record SubscriptionPaymentDue(String organizationName, String planName, String invoiceNumber, String amount, URI link)
            implements MailTemplate {

        public SubscriptionPaymentDue {
            organizationName = required(organizationName, "organizationName");
            planName = required(planName, "planName");
            invoiceNumber = required(invoiceNumber, "invoiceNumber");
            amount = required(amount, "amount");
            link = web(link);
        }

        @Override
        public String templateName() {
            return "subscription-payment-due";
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A mail needs its " + what);
        }
        String line = value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (line.length() > 200) {
            throw new IllegalArgumentException("The " + what + " of a mail is at most 200 characters");
        }
        return line;
    }

    private static URI web(URI link) {
        if (link == null || !link.isAbsolute() || link.getHost() == null
                || !("https".equalsIgnoreCase(link.getScheme()) || "http".equalsIgnoreCase(link.getScheme()))) {
            throw new IllegalArgumentException("A mail link is an absolute http(s) URL, was '" + link + "'");
        }
        return link;
    }
}
