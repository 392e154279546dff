package id.modo.verse.common.mail;

import id.modo.verse.common.OutboxMail;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where a claimed outbox mail goes: an SMTP server, or the log when none is configured. */
interface MailTransport {

    /**
     * Hands the mail over, or throws when it could not. The answer is the status the row takes,
     * {@link OutboxMail.Status#SENT} or {@link OutboxMail.Status#CAPTURED}.
     */
    OutboxMail.Status deliver(Outgoing mail) throws Exception;

    /** Text that may stand in {@code last_error} with nothing secret in it. */
    default String describe(Exception failure) {
        return Failures.describe(failure);
    }

    record Outgoing(UUID id, String recipient, String subject, String text, @Nullable String html) {
    }
}
