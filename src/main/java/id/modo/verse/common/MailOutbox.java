package id.modo.verse.common;

import id.modo.verse.common.web.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the mail outbox for the admin pages: every mail MODO wrote, newest first, whether it was
 * sent, failed or captured (no SMTP configured), so an admin can help a user find their link.
 */
@Service
public class MailOutbox {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private static final String COLUMNS = """
            id, recipient, subject, text_body, html_body, template, locale, status, attempts, last_error,
            next_attempt_at, created_at, sent_at""";

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of mails and the cursor of the next one ({@code null} on the last page). */
    public record Page(List<OutboxMail> mails, String nextCursor) {
    }

    /**
     * The newest mails first. {@code limit} is clamped to 1..{@value #MAX_LIMIT}; {@code cursor} is
     * {@code null} for the first page, else the {@code nextCursor} of the page before.
     *
     * @throws ProblemException ({@code bad-request}) for a cursor this method did not make
     */
    public Page newest(int limit, String cursor) {
        int size = Math.clamp(limit, 1, MAX_LIMIT);
        List<OutboxMail> rows;
        if (cursor == null || cursor.isBlank()) {
            rows = jdbc.sql("select " + COLUMNS + " from mail_outbox order by created_at desc, id desc limit :limit")
                    .param("limit", size + 1)
                    .query(MailOutbox::row)
                    .list();
        } else {
            KeysetCursor after = KeysetCursor.decode(cursor);
            rows = jdbc.sql("select " + COLUMNS + """
                     from mail_outbox where (created_at, id) < (:createdAt, :id)
                    order by created_at desc, id desc limit :limit""")
                    .param("createdAt", after.createdAt().atOffset(ZoneOffset.UTC))
                    .param("id", after.id())
                    .param("limit", size + 1)
                    .query(MailOutbox::row)
                    .list();
        }
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<OutboxMail> page = rows.subList(0, size);
        OutboxMail last = page.getLast();
        return new Page(List.copyOf(page), new KeysetCursor(last.createdAt(), last.id()).encode());
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
