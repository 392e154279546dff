package id.modo.verse.common;

import id.modo.verse.common.mail.MailDelivery;
import id.modo.verse.common.mail.MailTemplates;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail through a transactional outbox. {@link #send(MailMessage)} only writes the mail to
 * {@code mail_outbox} in the caller's transaction, so a rolled-back registration sends nothing;
 * after the commit it is delivered in the background: by SMTP when {@code modo.mail.host} is set
 * (retried with back-off, given up after 5 attempts), otherwise captured: printed to the log and
 * kept in the outbox for platform admins ({@link MailOutbox}).
 */
@Service
public class Mailer {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final MailDelivery delivery;

    Mailer(JdbcClient jdbc, MailTemplates templates, MailDelivery delivery) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.delivery = delivery;
    }

    /** Queues the mail in the current transaction (or a new one); it leaves after the commit. */
    @Transactional
    public void send(MailMessage message) {
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, text_body, html_body, template, locale)
                values (:recipient, :subject, :text, :html, :template, :locale)""")
                .param("recipient", message.to())
                .param("subject", message.subject())
                .param("text", message.text())
                .param("html", message.html())
                .param("template", message.template())
                .param("locale", message.locale() == null ? null : message.locale().toLanguageTag())
                .update();
        delivery.deliverAfterCommit();
    }

    /** Writes the template in the given language (see {@link #render}) and queues it as {@link #send(MailMessage)} does. */
    @Transactional
    public void send(String to, MailTemplate template, @Nullable Locale locale) {
        send(render(to, template, locale));
    }

    /**
     * The mail a template makes, without sending it: subject, plain text and HTML in {@code locale}'s
     * language if MODO speaks it (English, Bahasa Indonesia), else in {@code modo.web.default-locale}.
     */
    public MailMessage render(String to, MailTemplate template, @Nullable Locale locale) {
        return templates.render(to, template, locale);
    }
}
