package id.modo.verse.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the mail outbox for the admin pages: every mail MODO wrote, newest first, whether it was
 * sent, failed or captured (no SMTP configured), so an admin can help a user find their link.
 */
@Service
public class MailOutbox {

    private static final String COLUMNS = """
            id, recipient, subject, text_body, html_body, template, locale, status, attempts, last_error,
            next_attempt_at, created_at, sent_at""";

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest mails first. {@code limit} is clamped to 1..{@value Keyset#MAX_LIMIT}; {@code cursor} is
     * {@code null} for the first page, else the {@code nextCursor} of the page before.
     *
     * @throws ProblemException ({@code bad-request}) for a cursor this method did not make
     */
    public Page<OutboxMail> newest(int limit, @Nullable String cursor) {
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        List<OutboxMail> rows;
        if (after == null) {
            rows = jdbc.sql("select " + COLUMNS + " from mail_outbox order by created_at desc, id desc limit :limit")
                    .param("limit", Keyset.fetch(size))
                    .query(MailOutbox::row)
                    .list();
        } else {
            rows = jdbc.sql("select " + COLUMNS + """
                     from mail_outbox where (created_at, id) < (:createdAt, :id)
                    order by created_at desc, id desc limit :limit""")
                    .param("createdAt", after.createdAt().atOffset(ZoneOffset.UTC))
                    .param("id", after.id())
                    .param("limit", Keyset.fetch(size))
                    .query(MailOutbox::row)
                    .list();
        }
        return Keyset.page(rows, size, mail -> new KeysetCursor(mail.createdAt(), mail.id()));
    }

    public Optional<OutboxMail> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = ?").param(id).query(MailOutbox::row).optional();
    }

    private static OutboxMail row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxMail(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                rs.getString("template"),
                rs.getString("locale"),
                OutboxMail.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                Rows.instant(rs, "next_attempt_at"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "sent_at"));
    }
}
