package id.modo.verse.common;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code mail_outbox}, as the admin pages show it.
 *
 * @param locale the language tag the mail is written in ({@code en}, {@code id}), or {@code null}
 * @param attempts delivery attempts so far (a captured mail counts one)
 * @param lastError why the last SMTP attempt failed, or {@code null}; never holds the SMTP password
 * @param nextAttemptAt when a pending mail is tried next
 * @param sentAt when the SMTP server accepted it; {@code null} unless {@link Status#SENT}
 */
public record OutboxMail(UUID id, String recipient, String subject, String textBody, @Nullable String htmlBody,
        @Nullable String template, @Nullable String locale, Status status, int attempts, @Nullable String lastError,
        Instant nextAttemptAt, Instant createdAt, @Nullable Instant sentAt) {

    public enum Status {
        /** Waiting for (another) delivery attempt. */
        PENDING,
        /** Accepted by the SMTP server. */
        SENT,
        /** Given up after the last attempt; {@code lastError} says why. */
        FAILED,
        /** No SMTP is configured: printed to the log and kept here instead. */
        CAPTURED
    }
}
