package id.modo.verse.common.mail;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.OutboxMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP server configured (the embedded default), a mail is captured instead of sent and
 * stays in the outbox for platform admins. In development and test its whole text is printed to
 * the log at INFO with recipient and subject: that is how a local user finds their verification or
 * password-reset link. With {@code MODO_ENV=production} the log only says that a mail was captured,
 * its subject, a masked recipient and the admin page to read it on: its links sign people in, and a
 * log is copied to more places (log shippers, support tickets) than the outbox.
 */
final class LogTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LogTransport.class);
    static final String CAPTURED = "Mail captured, not sent (no SMTP server configured: set MODO_MAIL_HOST to send mail)";

    private final ModoProperties modo;

    LogTransport(ModoProperties modo) {
        this.modo = modo;
    }

    @Override
    public OutboxMail.Status deliver(Outgoing mail) {
        if (modo.env() == ModoProperties.Environment.PRODUCTION) {
            log.info("{}: \"{}\" to {}; platform admins read it at {}", CAPTURED, mail.subject(), masked(mail.recipient()),
                    modo.link("/admin/mail/" + mail.id()));
        } else {
            log.info("""
                    {}
                    To: {}
                    Subject: {}

                    {}""", CAPTURED, mail.recipient(), mail.subject(), mail.text().stripTrailing());
        }
        return OutboxMail.Status.CAPTURED;
    }

    /** {@code s***@example.com}: enough to tell mails apart, not enough to collect addresses from the log. */
    static String masked(String recipient) {
        int at = recipient.lastIndexOf('@');
        return at <= 0 ? "***" : recipient.charAt(0) + "***" + recipient.substring(at);
    }
}
