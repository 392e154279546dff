package id.modo.verse.common.mail;

import id.modo.verse.common.OutboxMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivers through an SMTP server with Spring's {@link JavaMailSender}, configured from
 * {@code modo.mail.*} (Boot's {@code spring.mail.*} is not used): STARTTLS required unless
 * {@code modo.mail.starttls=false}, implicit TLS on port 465, authentication when a user is set.
 */
final class SmtpTransport implements MailTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(30);
    /** Names the outbox row in the sent mail, so a mail can be traced back to it. */
    static final String ID_HEADER = "X-MODO-Mail-Id";

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final @Nullable String password;

    SmtpTransport(MailProperties properties) {
        this(sender(properties), properties);
    }

    SmtpTransport(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.password = properties.password();
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("modo.mail.from is not an email address", e);
        }
    }

    static JavaMailSenderImpl sender(MailProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties javaMail = new Properties();
        boolean smtps = properties.port() == MailProperties.SMTPS_PORT;
        if (smtps) {
            javaMail.put("mail.smtp.ssl.enable", "true");
        } else if (properties.starttls()) {
            javaMail.put("mail.smtp.starttls.enable", "true");
            javaMail.put("mail.smtp.starttls.required", "true");
        }
        if (properties.authenticated()) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
            javaMail.put("mail.smtp.auth", "true");
        }
        javaMail.put("mail.smtp.connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        javaMail.put("mail.smtp.timeout", String.valueOf(IO_TIMEOUT.toMillis()));
        javaMail.put("mail.smtp.writetimeout", String.valueOf(IO_TIMEOUT.toMillis()));
        sender.setJavaMailProperties(javaMail);
        return sender;
    }

    @Override
    public OutboxMail.Status deliver(Outgoing mail) throws Exception {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper message = new MimeMessageHelper(mime, mail.html() != null, StandardCharsets.UTF_8.name());
        message.setFrom(from);
        message.setTo(mail.recipient());
        message.setSubject(mail.subject());
        if (mail.html() != null) {
            message.setText(mail.text(), mail.html());
        } else {
            message.setText(mail.text());
        }
        mime.setHeader(ID_HEADER, mail.id().toString());
        sender.send(mime);
        return OutboxMail.Status.SENT;
    }

    @Override
    public String describe(Exception failure) {
        return Failures.redact(Failures.describe(failure), password);
    }
}
