package id.modo.verse.common.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail under {@code modo.mail.*}. SMTP is used iff {@code host} is set; without it
 * (the embedded default) every mail is captured in {@code mail_outbox} and printed to the log.
 *
 * @param host SMTP server name or address; blank means no SMTP
 * @param port SMTP port; 587 is submission with STARTTLS, 465 is implicit TLS (SMTPS)
 * @param username SMTP user; blank means no SMTP authentication
 * @param password SMTP password; never logged
 * @param from the sender, an address with an optional display name ({@code MODO <no-reply@modo.id>})
 * @param starttls whether STARTTLS is required before anything else is sent (ignored on port 465)
 */
@Validated
@ConfigurationProperties("modo.mail")
public record MailProperties(
        @Pattern(regexp = "^$|^[A-Za-z0-9.-]+$|^\\[?[0-9A-Fa-f:.]+]?$",
                message = "must be a host name or an IP address, without scheme, port or spaces") @Nullable String host,
        @Min(1) @Max(65535) int port,
        @Nullable String username,
        @Nullable String password,
        @NotBlank String from,
        boolean starttls) {

    /** The port on which SMTP speaks TLS from the first byte (SMTPS) instead of upgrading with STARTTLS. */
    public static final int SMTPS_PORT = 465;

    public MailProperties {
        if (StringUtils.hasText(from)) {
            try {
                new InternetAddress(from, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("modo.mail.from must be an email address such as "
                        + "'MODO Creator Verse <no-reply@modo.local>', was '" + from + "'");
            }
        }
    }

    /** Whether mail goes out by SMTP; otherwise it is captured in the outbox and the log. */
    public boolean enabled() {
        return StringUtils.hasText(host);
    }

    public boolean authenticated() {
        return StringUtils.hasText(username);
    }

    @Override
    public String toString() {
        // The password must never reach a log line or an error page.
        return "MailProperties[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from
                + ", starttls=" + starttls + "]";
    }
}
