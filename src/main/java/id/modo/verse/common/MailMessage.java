package id.modo.verse.common;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One outgoing mail, as {@link Mailer#send(MailMessage)} takes it. Usually made by
 * {@link Mailer#render(String, MailTemplate, Locale)} from a {@link MailTemplate}.
 *
 * @param to the recipient, a bare address ({@code sari@example.com})
 * @param subject one line, at most 500 characters
 * @param text the plain-text body; what the log shows when no SMTP is configured
 * @param html an HTML alternative of the same content, or {@code null} for a text-only mail
 * @param template the name of the template it was made from ({@code verify-email}), or {@code null}
 * @param locale the language it is written in, or {@code null}
 */
public record MailMessage(String to, String subject, String text, @Nullable String html, @Nullable String template,
        @Nullable Locale locale) {

    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    public MailMessage {
        to = address(to);
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A mail needs a subject");
        }
        if (subject.length() > 500 || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A mail subject is one line of at most 500 characters");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A mail needs a text body");
        }
        if (html != null && html.isBlank()) {
            html = null;
        }
        if (template != null && !TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("A template name is 1-100 lowercase letters, digits and '-'");
        }
    }

    /** A plain-text mail without a template. */
    public static MailMessage of(String to, String subject, String text) {
        return new MailMessage(to, subject, text, null, null, null);
    }

    private static String address(String to) {
        if (to == null || to.isBlank() || to.length() > 255) {
            throw new IllegalArgumentException("A mail needs a recipient address of at most 255 characters");
        }
        try {
            InternetAddress address = new InternetAddress(to.strip(), true);
            if (address.getPersonal() != null || !address.getAddress().equals(to.strip()) || !to.strip().contains("@")) {
                throw new AddressException("not a bare address");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a valid recipient address: '" + to + "'");
        }
    }
}
