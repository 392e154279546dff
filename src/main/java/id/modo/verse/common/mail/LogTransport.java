package id.modo.verse.common.mail;

import id.modo.verse.common.OutboxMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP server configured (the embedded default), a mail is captured instead of sent: its
 * text is printed to the log at INFO with recipient and subject, and it stays in the outbox for
 * platform admins. That is how a local user finds their verification or password-reset link.
 */
final class LogTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LogTransport.class);

    @Override
    public OutboxMail.Status deliver(Outgoing mail) {
        log.info("""
                Mail captured, not sent (no SMTP server configured: set MODO_MAIL_HOST to send mail)
                To: {}
                Subject: {}

                {}""", mail.recipient(), mail.subject(), mail.text().stripTrailing());
        return OutboxMail.Status.CAPTURED;
    }
}
