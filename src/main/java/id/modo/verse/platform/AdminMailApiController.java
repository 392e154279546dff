package id.modo.verse.platform;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.MailOutbox;
import id.modo.verse.common.OutboxMail;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail outbox for platform admins (every path here requires ROLE_ADMIN). The list leaves out
 * the bodies, which may hold live links (verification, reset, invitation); one mail's text is
 * shown only when asked for by its id.
 */
@Tag(name = "Admin: mail outbox", description = "Every mail MODO wrote, newest first (platform admins only)")
@RestController
@RequestMapping("/api/v1/admin/mail-outbox")
class AdminMailApiController {

    private final MailOutbox outbox;

    AdminMailApiController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    record MailSummary(UUID id, String recipient, String subject, String template, String locale, String status, int attempts,
            String lastError, Instant createdAt, Instant sentAt) {

        static MailSummary of(OutboxMail mail) {
            return new MailSummary(mail.id(), mail.recipient(), mail.subject(), mail.template(), mail.locale(), statusOf(mail),
                    mail.attempts(), mail.lastError(), mail.createdAt(), mail.sentAt());
        }
    }

    record MailDetail(UUID id, String recipient, String subject, String template, String locale, String status, int attempts,
            String lastError, Instant nextAttemptAt, Instant createdAt, Instant sentAt, String textBody) {
    }

    @GetMapping
    Page<MailSummary> list(@RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return outbox.newest(limit, cursor).map(MailSummary::of);
    }

    @GetMapping("/{mailId}")
    MailDetail get(@PathVariable UUID mailId) {
        OutboxMail mail = outbox.find(mailId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such mail."));
        return new MailDetail(mail.id(), mail.recipient(), mail.subject(), mail.template(), mail.locale(), statusOf(mail), mail.attempts(),
                mail.lastError(), mail.nextAttemptAt(), mail.createdAt(), mail.sentAt(), mail.textBody());
    }

    static String statusOf(OutboxMail mail) {
        return mail.status().name().toLowerCase(Locale.ROOT);
    }
}
