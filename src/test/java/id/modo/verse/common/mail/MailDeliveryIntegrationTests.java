package id.modo.verse.common.mail;

import id.modo.verse.common.MailMessage;
import id.modo.verse.common.Mailer;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.TestSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox delivery against the real database and a real SMTP server (GreenMail): retries while
 * SMTP is down, gives up after 5 attempts, never sends a mail twice with several senders, and
 * captures mail to the log when no SMTP is configured.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryIntegrationTests {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    Mailer mailer;
    @Autowired
    MailDelivery delivery;
    @Autowired
    MailProperties properties;
    @Autowired
    ModoProperties modo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void whileSmtpIsDownAttemptsAreCountedAndTheMailGoesOnceSmtpIsBack() {
        String to = recipient();
        TestSmtp smtp = TestSmtp.get();
        smtp.stop();
        try {
            mailer.send(MailMessage.of(to, "Retried", "Sent once the server is back."));
            await().atMost(DELIVERY).until(() -> row(to).attempts() >= 1);
            Row failed = row(to);
            assertThat(failed.status()).isEqualTo("pending");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.sentAt()).isNull();
            assertThat(failed.lastError()).contains("MailSendException").contains("Couldn't connect to host");
            // the first back-off is 30 s
            assertThat(Duration.between(failed.createdAt(), failed.nextAttemptAt()))
                    .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(60));
        } finally {
            smtp.start();
        }
        jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = ?").param(to).update(); // the back-off passed
        delivery.requestRun();

        await().atMost(DELIVERY).until(() -> "sent".equals(row(to).status()));
        Row sent = row(to);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.sentAt()).isNotNull();
        assertThat(smtp.messagesTo(to)).hasSize(1);
    }

    @Test
    void afterFiveFailedAttemptsAMailIsFailedWithItsLastError() {
        String to = recipient();
        TestSmtp smtp = TestSmtp.get();
        smtp.stop();
        try {
            mailer.send(MailMessage.of(to, "Doomed", "Never arrives."));
            await().atMost(DELIVERY).until(() -> row(to).attempts() == 1);
            UUID id = row(to).id();
            List<Duration> waits = new ArrayList<>();
            for (int attempt = 2; attempt <= MailDelivery.MAX_ATTEMPTS; attempt++) {
                Instant before = Instant.now();
                assertThat(delivery.deliver(id)).as("attempt " + attempt).contains(false);
                Row row = row(to);
                assertThat(row.attempts()).isEqualTo(attempt);
                waits.add(Duration.between(before, row.nextAttemptAt()));
            }
            Row failed = row(to);
            assertThat(failed.status()).isEqualTo("failed");
            assertThat(failed.lastError()).contains("Couldn't connect to host");
            assertThat(waits.subList(0, 3)).zipSatisfy(MailDelivery.BACKOFF.subList(1, 4), (actual, expected) ->
                    assertThat(actual).isBetween(expected.minusSeconds(5), expected.plusSeconds(5)));
            assertThat(delivery.deliver(id)).as("a failed mail is not tried again").isEmpty();
        } finally {
            smtp.start();
        }
        assertThat(smtp.messagesTo(to)).isEmpty();
    }

    @Test
    void twoSendersRacingForTheSameMailsDeliverEachExactlyOnce() throws Exception {
        int mails = 40;
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            recipients.add(recipient());
        }
        // Queued as not yet due, so that no sender starts before both racers are ready.
        for (String to : recipients) {
            jdbc.sql("""
                    insert into mail_outbox (recipient, subject, text_body, next_attempt_at)
                    values (?, 'Race', 'Exactly once.', now() + interval '1 hour')""").param(to).update();
        }
        // Two app nodes: each its own delivery, with its own SMTP connection settings.
        List<MailDelivery> nodes = List.of(
                new MailDelivery(jdbc, transactionManager, new SmtpTransport(properties)),
                new MailDelivery(jdbc, transactionManager, new SmtpTransport(properties)));
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (MailDelivery node : nodes) {
                sent.add(threads.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int run = 0; run < 10 && pending(recipients) > 0; run++) {
                        count += node.deliverDue();
                    }
                    return count;
                }));
            }
            jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient in (:to)").param("to", recipients).update();
            start.countDown();
            int total = 0;
            for (Future<Integer> count : sent) {
                total += count.get();
            }
            assertThat(total).as("mails sent by the two racers (the app's own sender may take some)").isLessThanOrEqualTo(mails);
        } finally {
            threads.shutdownNow();
            for (MailDelivery node : nodes) {
                node.destroy();
            }
        }

        await().atMost(DELIVERY).until(() -> pending(recipients) == 0);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient in (:to) and status = 'sent' and attempts = 1")
                .param("to", recipients).query(Long.class).single()).isEqualTo(mails);
        Map<String, Long> received = recipients.stream().flatMap(to -> TestSmtp.get().messagesTo(to).stream())
                .collect(Collectors.groupingBy(MailDeliveryIntegrationTests::outboxId, Collectors.counting()));
        assertThat(received).hasSize(mails);
        assertThat(received.values()).containsOnly(1L);
        assertThat(recipients.stream().map(to -> TestSmtp.get().messagesTo(to).size()))
                .as("mails received per recipient").containsOnly(1);
    }

    @Test
    void withoutSmtpAMailIsCapturedAndItsWholeTextPrintedToTheLog(CapturedOutput output) throws Exception {
        String to = recipient();
        MailMessage message = mailer.render(to, new id.modo.verse.common.MailTemplate.VerifyEmail("Sari",
                java.net.URI.create("https://modo.example/verify?token=t0k3n")), java.util.Locale.ENGLISH);
        // Not yet due, so that the app's own (SMTP) sender leaves it to the capturing one.
        UUID id = jdbc.sql("""
                insert into mail_outbox (recipient, subject, text_body, html_body, template, locale, next_attempt_at)
                values (?, ?, ?, ?, ?, 'en', now() + interval '1 day') returning id""")
                .params(to, message.subject(), message.text(), message.html(), message.template())
                .query(UUID.class).single();
        MailDelivery capturing = new MailDelivery(jdbc, transactionManager, new LogTransport(modo));
        try {
            assertThat(capturing.deliver(id)).contains(true);
        } finally {
            capturing.destroy();
        }

        Row row = row(to);
        assertThat(row.status()).isEqualTo("captured");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNull();
        assertThat(output.getOut())
                .contains("Mail captured, not sent (no SMTP server configured: set MODO_MAIL_HOST to send mail)")
                .contains("To: " + to)
                .contains("Subject: Confirm your email address")
                .contains("Hi Sari,")
                .contains("Confirm my email address:\nhttps://modo.example/verify?token=t0k3n")
                .contains("This link is valid for 24 hours.");
        assertThat(TestSmtp.get().messagesTo(to)).isEmpty();
    }

    @Test
    void theTaskThatRetriesIsScheduled() {
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(MailConfiguration.TASK)
                .query(Long.class).single()).isEqualTo(1);
    }

    private long pending(List<String> recipients) {
        return jdbc.sql("select count(*) from mail_outbox where recipient in (:to) and status = 'pending'")
                .param("to", recipients).query(Long.class).single();
    }

    private Row row(String to) {
        return jdbc.sql("""
                select id, status, attempts, last_error, next_attempt_at, created_at, sent_at
                from mail_outbox where recipient = ?""")
                .param(to)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("sent_at", OffsetDateTime.class))))
                .single();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static String outboxId(MimeMessage message) {
        try {
            return message.getHeader(SmtpTransport.ID_HEADER, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient() {
        return "delivery-" + UUID.randomUUID() + "@example.com";
    }

    private record Row(UUID id, String status, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
            Instant sentAt) {
    }
}
